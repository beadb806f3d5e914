import { describe, expect, it } from 'vitest';
import { changedFields, changesBetween, draftOf } from './draft';
import type { Submission } from './queries';

const entry = (fields: Partial<Submission> = {}): Submission =>
  ({
    id: 's1',
    kind: 'short_movie',
    title: 'Paper Boats',
    version: 3,
    logline: null,
    synopsis: 'A boat',
    runtimeSeconds: 540,
    subtitleLanguages: ['en'],
    ...fields,
  }) as Submission;

describe('changesBetween', () => {
  it('sends only what changed, typed for the API, with the version it builds on', () => {
    const base = draftOf(entry());
    const edited = { ...base, logline: 'Two pen pals', runtimeSeconds: '600', synopsis: '  ' };
    expect(changesBetween('short_movie', base, edited, 3)).toEqual({
      logline: 'Two pen pals',
      runtimeSeconds: 600,
      synopsis: null,
      version: 3,
    });
  });

  it('sends nothing when nothing changed, nor a cleared title (the field says it is needed)', () => {
    const base = draftOf(entry());
    expect(changesBetween('short_movie', base, { ...base }, 3)).toBeNull();
    expect(changesBetween('short_movie', base, { ...base, title: '' }, 3)).toBeNull();
  });

  it("never sends the other kind's fields", () => {
    const base = draftOf(entry());
    expect(changesBetween('short_movie', base, { ...base, plan: 'x', sdgs: [3] }, 3)).toBeNull();
    expect(
      changesBetween('project', base, { ...base, sdgs: [14, 6], logline: 'not sent' }, 3),
    ).toEqual({ sdgs: [6, 14], version: 3 });
  });
});

describe('changedFields', () => {
  it('names the fields whose saved value differs', () => {
    const a = draftOf(entry());
    const b = draftOf(entry({ synopsis: 'Another boat', subtitleLanguages: ['en', 'lo'] }));
    expect(changedFields('short_movie', a, b)).toEqual(['synopsis', 'subtitleLanguages']);
  });
});
