import { diffFields } from './diff';

describe('diffFields', () => {
  it('reports only real changes, deep values included', () => {
    const before = { a: 1, sdgs: [1, 2], m: [{ title: 'x', due: '2027-01-01' }], gone: 'x' };
    expect(
      diffFields(before, {
        a: 1,
        sdgs: [2, 1],
        m: [{ title: 'x', due: '2027-01-01' }],
        gone: null,
        skip: undefined,
        fresh: 'y',
      }),
    ).toEqual({
      sdgs: { from: [1, 2], to: [2, 1] },
      gone: { from: 'x', to: null },
      fresh: { from: null, to: 'y' },
    });
  });

  it('treats a missing value and null alike', () => {
    expect(diffFields({}, { a: null })).toEqual({});
  });
});
