import { CompetitionShape, competitionProblems } from './competition-rules';

const base: CompetitionShape = {
  submissionOpensAt: new Date('2027-01-01T00:00:00Z'),
  submissionClosesAt: new Date('2027-03-01T00:00:00Z'),
  eligibility: { minAge: 15, maxAge: 24, minTeamSize: 2, maxTeamSize: 5, requireMixedTeam: true },
  rubric: [
    { key: 'story', label: 'Story', weight: 2, min: 0, max: 10 },
    { key: 'craft', label: 'Craft', weight: 1, min: 1, max: 5 },
  ],
  limits: {},
};
const paths = (c: CompetitionShape) => competitionProblems(c).map((e) => e.path);

describe('competitionProblems', () => {
  it('accepts a sound competition', () => {
    expect(competitionProblems(base)).toEqual([]);
  });

  it('wants the window to open before it closes', () => {
    expect(paths({ ...base, submissionClosesAt: base.submissionOpensAt })).toEqual([
      'submissionClosesAt',
    ]);
  });

  it('checks ranges of age and team size', () => {
    expect(
      paths({ ...base, eligibility: { minAge: 20, maxAge: 18, minTeamSize: 3, maxTeamSize: 2 } }),
    ).toEqual(['eligibility.maxAge', 'eligibility.maxTeamSize']);
    expect(paths({ ...base, eligibility: { requireMixedTeam: true, maxTeamSize: 1 } })).toEqual([
      'eligibility.maxTeamSize',
    ]);
  });

  it('wants unique keys, positive weights and min below max', () => {
    const rubric = [
      { key: 'a', label: 'A', weight: 0, min: 0, max: 10 },
      { key: 'a', label: 'A again', weight: 1, min: 5, max: 5 },
    ];
    expect(paths({ ...base, rubric })).toEqual([
      'rubric[0].weight',
      'rubric[1].key',
      'rubric[1].max',
    ]);
    expect(paths({ ...base, rubric: [] })).toEqual(['rubric']);
  });
});
