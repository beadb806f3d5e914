import { ageProblem, enrolmentWindow, roundProblems } from './round-rules';

const round = (opens: string, closes: string, rules = {}) => ({
  enrolmentOpensAt: new Date(opens),
  enrolmentClosesAt: new Date(closes),
  rules,
  countryBalance: {},
});

describe('round rules', () => {
  it('needs enrolment to close after it opens', () => {
    expect(roundProblems(round('2027-01-02T00:00:00Z', '2027-01-01T00:00:00Z'))).toEqual([
      { path: 'enrolmentClosesAt', message: 'enrolment must close after it opens' },
    ]);
    expect(roundProblems(round('2027-01-01T00:00:00Z', '2027-01-02T00:00:00Z'))).toEqual([]);
  });
  it('needs maxAge ≥ minAge', () => {
    expect(
      roundProblems(
        round('2027-01-01T00:00:00Z', '2027-01-02T00:00:00Z', { minAge: 20, maxAge: 15 }),
      ),
    ).toHaveLength(1);
  });
  it('tells the window at an instant, the close itself being closed', () => {
    const r = round('2027-01-01T00:00:00Z', '2027-01-10T00:00:00Z');
    expect(enrolmentWindow(r, new Date('2026-12-31T23:59:59Z'))).toBe('not_open');
    expect(enrolmentWindow(r, new Date('2027-01-01T00:00:00Z'))).toBe('open');
    expect(enrolmentWindow(r, new Date('2027-01-10T00:00:00Z'))).toBe('closed');
  });
  it('checks ages against the range', () => {
    expect(ageProblem(14, { minAge: 15 })).toMatch(/15 or more/);
    expect(ageProblem(31, { maxAge: 30 })).toMatch(/30 or less/);
    expect(ageProblem(20, { minAge: 15, maxAge: 30 })).toBeNull();
  });
});
