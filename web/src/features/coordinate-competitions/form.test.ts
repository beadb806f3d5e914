import { describe, expect, it } from 'vitest';
import { blankForm, bodyOf, changesOf, formOf } from './form';
import type { Competition } from './queries';

const stored: Competition = {
  id: '1',
  programmeId: 'p',
  kind: 'short_movie',
  title: 'Short Movies 2027',
  slug: 'short-movies-2027',
  description: null,
  submissionOpensAt: '2027-01-14T17:00:00.000Z',
  submissionClosesAt: '2027-03-31T16:59:00.000Z',
  window: {
    timezone: 'Asia/Jakarta',
    opensAt: '2027-01-14T17:00:00.000Z',
    closesAt: '2027-03-31T16:59:00.000Z',
    opensAtLocal: '',
    closesAtLocal: '',
    isOpen: false,
  },
  eligibility: { minAge: 13, maxTeamSize: 4, requireMixedTeam: true },
  rubric: [
    { key: 'story', label: 'Story', weight: 2, min: 0, max: 10 },
    { key: 'craft', label: 'Craft', weight: 1, min: 0, max: 10, description: 'How it is made' },
  ],
  limits: { maxRuntimeSeconds: 600, maxUploadBytes: 500 * 1024 ** 2 },
  rubricLocked: false,
  createdAt: '',
  updatedAt: '',
};

describe('competition form', () => {
  it('reads the stored competition back unchanged: an untouched form changes nothing', () => {
    const form = formOf(stored);
    expect(form.opens).toBe('2027-01-15T00:00');
    expect(form.closes).toBe('2027-03-31T23:59');
    expect(form.maxRuntimeMinutes).toBe('10');
    expect(form.maxUploadMb).toBe('500');
    expect(changesOf(stored, bodyOf(form, 'Asia/Jakarta'))).toEqual({ patch: {}, changes: [] });
  });

  it('sends only what changed and names each change', () => {
    const form = { ...formOf(stored), closes: '2027-04-07T23:59', title: 'Short Movies' };
    const { patch, changes } = changesOf(stored, bodyOf(form, 'Asia/Jakarta'));
    expect(patch).toEqual({
      title: 'Short Movies',
      submissionClosesAt: '2027-04-07T16:59:00.000Z',
    });
    expect(changes.map((c) => c.field)).toEqual(['title', 'submissionClosesAt']);
  });

  it('leaves blank settings out and sends typed nonsense for the API to name', () => {
    const form = { ...blankForm('Asia/Seoul'), minAge: ' ', maxAge: 'abc', maxUploadMb: '1.5' };
    const body = bodyOf(form, 'Asia/Seoul');
    expect('minAge' in body.eligibility!).toBe(false);
    expect(body.eligibility!.maxAge).toBeNaN();
    expect(body.limits).toEqual({ maxUploadBytes: Math.round(1.5 * 1024 ** 2) });
    expect(body.submissionOpensAt.endsWith('Z')).toBe(true);
  });
});
