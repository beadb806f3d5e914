import fc from 'fast-check';
import { prepare } from './prepare';
import {
  institutionConflict,
  LANGUAGE_POINTS,
  MAX_SCORE,
  pairFacts,
  pairScore,
  SECTOR_REPEAT,
  sectorPenalty,
  WHOLE_TEAM_LANGUAGE_POINTS,
} from './scoring';
import { SECTORS, type MentorCandidate, type TeamCandidate } from './types';

const team = (over: Partial<TeamCandidate> = {}): TeamCandidate => ({
  id: 't1',
  teamId: 'team-1',
  sdgs: [6, 14],
  topics: ['water'],
  targetCountries: ['TH', 'VN'],
  memberLanguages: [['ko', 'en'], ['th']],
  institutions: ['Seoul National University'],
  ...over,
});

const mentor = (over: Partial<MentorCandidate> = {}): MentorCandidate => ({
  id: 'm1',
  organisation: 'Chulalongkorn University',
  sector: 'academia',
  sdgs: [6],
  topics: ['Water', 'energy'],
  countries: ['TH'],
  languages: ['en'],
  capacity: 2,
  ...over,
});

describe('mentoring scoring', () => {
  it('counts shared SDGs, topics (case-blind), known target countries and a shared language', () => {
    expect(pairFacts(team(), mentor())).toEqual([
      { code: 'shared_sdgs', sdgs: [6] },
      { code: 'shared_topics', topics: ['water'] },
      { code: 'knows_countries', countries: ['TH'] },
      { code: 'shared_language', languages: ['en'] },
    ]);
    expect(pairScore(team(), mentor())).toBe(10 + 6 + 8 + LANGUAGE_POINTS);
  });

  it('gives more for a language the whole team shares with the mentor', () => {
    const both = pairScore(team(), mentor({ languages: ['en', 'th'] }));
    const one = pairScore(team(), mentor());
    expect(both - one).toBe(WHOLE_TEAM_LANGUAGE_POINTS);
  });

  it('caps each part, so no pair scores above MAX_SCORE', () => {
    const everything = team({
      sdgs: [1, 2, 3, 4, 5],
      topics: ['a', 'b', 'c', 'd'],
      targetCountries: ['TH', 'VN', 'KR'],
      memberLanguages: [['en']],
    });
    const expert = mentor({
      sdgs: [1, 2, 3, 4, 5],
      topics: ['a', 'b', 'c', 'd'],
      countries: ['TH', 'VN', 'KR'],
    });
    expect(pairScore(everything, expert)).toBe(MAX_SCORE);
  });

  it('sees an institution conflict however the name is typed', () => {
    expect(
      institutionConflict(
        team({ institutions: ['  chulalongkorn   UNIVERSITY '] }),
        mentor({ organisation: 'Chulalongkorn University' }),
      ),
    ).toBe(true);
    expect(institutionConflict(team(), mentor())).toBe(false);
  });

  it('makes a team’s second mentor of a sector dearer, the third dearer still', () => {
    expect(sectorPenalty(['academia', 'government'])).toBe(0);
    expect(sectorPenalty(['academia', 'academia'])).toBe(SECTOR_REPEAT);
    expect(sectorPenalty(['academia', 'academia', 'academia'])).toBe(3 * SECTOR_REPEAT);
  });

  const word = fc.constantFrom('water', 'Water', 'energy', 'health', 'oceans');
  const country = fc.constantFrom('TH', 'VN', 'KR', 'ID');
  const language = fc.constantFrom('en', 'ko', 'th', 'vi');
  const org = fc.constantFrom('Uni A', 'uni  a', 'Uni B', 'Ministry', '');
  const arbTeam = fc.record({
    id: fc.uuid(),
    teamId: fc.uuid(),
    sdgs: fc.uniqueArray(fc.integer({ min: 1, max: 17 }), { maxLength: 4 }),
    topics: fc.array(word, { maxLength: 4 }),
    targetCountries: fc.uniqueArray(country, { maxLength: 3 }),
    memberLanguages: fc.array(fc.uniqueArray(language, { maxLength: 2 }), {
      minLength: 1,
      maxLength: 4,
    }),
    institutions: fc.array(org, { maxLength: 3 }),
  });
  const arbMentor = fc.record({
    id: fc.uuid(),
    organisation: org,
    sector: fc.constantFrom(...SECTORS),
    sdgs: fc.uniqueArray(fc.integer({ min: 1, max: 17 }), { maxLength: 5 }),
    topics: fc.array(word, { maxLength: 4 }),
    countries: fc.uniqueArray(country, { maxLength: 3 }),
    languages: fc.uniqueArray(language, { maxLength: 3 }),
    capacity: fc.integer({ min: 0, max: 3 }),
  });

  it('scores every pair of the bit-set preparation exactly as pairScore defines it', () => {
    fc.assert(
      fc.property(
        fc.array(arbTeam, { minLength: 1, maxLength: 4 }),
        fc.array(arbMentor, { minLength: 1, maxLength: 4 }),
        (teams, mentors) => {
          const prep = prepare(teams, mentors, new Set());
          teams.forEach((t, i) =>
            mentors.forEach((m, j) => {
              const expected = institutionConflict(t, m) ? -1 : pairScore(t, m);
              expect(prep.score[i * mentors.length + j]).toBe(expected);
            }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('marks forbidden pairs apart from conflicts, and counts both per team', () => {
    const t = team({ institutions: ['Uni A'] });
    const a = mentor({ id: 'a', organisation: 'uni a' });
    const b = mentor({ id: 'b', organisation: 'Uni B' });
    const prep = prepare([t], [a, b], new Set(['t1:b']));
    expect(Array.from(prep.score)).toEqual([-1, -2]);
    expect([prep.conflicted[0], prep.forbidden[0]]).toEqual([1, 1]);
  });
});
