import { AccountErasure, replaceName, scrubJson } from './account-erasure';

describe('replaceName', () => {
  it('replaces whole words only, in any script', () => {
    expect(replaceName("Minji's crew", 'Minji', 'Former member')).toBe("Former member's crew");
    expect(replaceName('Anchor An', 'An', 'X')).toBe('Anchor X');
    expect(replaceName('김민지', '김민지', 'Former member')).toBe('Former member');
    expect(replaceName('김민지팀', '김민지', 'X')).toBe('김민지팀');
    expect(replaceName('A (b) c', 'A (b)', 'X')).toBe('X c');
    expect(replaceName('text', '', 'X')).toBe('text');
  });
});

describe('scrubJson', () => {
  it('rewrites the strings the function picks, with the key they sit under, and says when nothing changed', () => {
    const payload = { inviterName: 'Kim', penpals: [{ name: 'Kim', n: 1 }], other: 'Kim' };
    const pick = (key: string, text: string) =>
      ['inviterName', 'name'].includes(key) && text === 'Kim' ? 'Former member' : null;
    expect(scrubJson(payload, pick)).toEqual({
      inviterName: 'Former member',
      penpals: [{ name: 'Former member', n: 1 }],
      other: 'Kim',
    });
    expect(scrubJson({ other: 'Kim' }, pick)).toBeNull();
  });
});

describe('AccountErasure', () => {
  it('runs the steps in their order and refuses a name twice', async () => {
    const erasure = new AccountErasure();
    const seen: string[] = [];
    erasure.register('last', async () => (seen.push('last'), {}), 100);
    erasure.register('first', async () => (seen.push('first'), { n: 1 }));
    expect(() => erasure.register('first', async () => ({}))).toThrow(/twice/);
    const person = { id: 'x', email: 'e', displayName: 'd', guardianEmails: [] };
    const out = await erasure.run({} as never, person, { afterCommit: () => undefined });
    expect(seen).toEqual(['first', 'last']);
    expect(out).toEqual({ first: { n: 1 }, last: {} });
  });
});
