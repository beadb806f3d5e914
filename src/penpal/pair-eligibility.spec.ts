import { pairProblem } from './pair-eligibility';

describe('pairProblem', () => {
  const round = { enrolmentClosesAt: new Date('2027-03-01T00:00:00Z') };
  const adult = { dateOfBirth: '2000-01-01', consent: 'not_required' as const };
  const minor = { dateOfBirth: '2012-01-01', consent: 'confirmed' as const };

  it('allows two adults and two minors with consent', () => {
    expect(pairProblem(adult, adult, round)).toBeNull();
    expect(pairProblem(minor, minor, round)).toBeNull();
  });
  it('refuses a minor with an adult, counted at the close of enrolment', () => {
    expect(pairProblem(minor, adult, round)).toBe('age_class');
    // 18 on 2027-02-01: an adult at the close, as the matching engine counts.
    expect(pairProblem({ ...minor, dateOfBirth: '2009-02-01' }, adult, round)).toBeNull();
  });
  it('refuses a member without consent or without a profile', () => {
    for (const consent of ['pending', 'missing', 'withdrawn'] as const) {
      expect(pairProblem({ ...minor, consent }, minor, round)).toBe('consent');
    }
    expect(pairProblem(undefined, minor, round)).toBe('consent');
  });
});
