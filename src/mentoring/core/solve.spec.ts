import fc from 'fast-check';
import { renderReasons, renderShortReason } from './reasons';
import { institutionConflict, pairScore, sectorPenalty } from './scoring';
import { matchMentors } from './solve';
import { SECTORS, type MentorCandidate, type MentoringInput, type TeamCandidate } from './types';

const team = (id: string, over: Partial<TeamCandidate> = {}): TeamCandidate => ({
  id,
  teamId: `team-${id}`,
  sdgs: [6],
  topics: [],
  targetCountries: ['TH'],
  memberLanguages: [['en']],
  institutions: [],
  ...over,
});
const mentor = (id: string, over: Partial<MentorCandidate> = {}): MentorCandidate => ({
  id,
  organisation: `Org ${id}`,
  sector: 'academia',
  sdgs: [6],
  topics: [],
  countries: ['TH'],
  languages: ['en'],
  capacity: 1,
  ...over,
});
const input = (over: Partial<MentoringInput>): MentoringInput => ({
  teams: [],
  mentors: [],
  mentorsPerTeam: 1,
  pins: [],
  forbids: [],
  ...over,
});

/** (pairs, score − sector costs) of an answer: what the solver maximises, in that order. */
function objective(inp: MentoringInput, pairs: { submissionId: string; mentorId: string }[]) {
  const teams = new Map(inp.teams.map((t) => [t.id, t]));
  const mentors = new Map(inp.mentors.map((m) => [m.id, m]));
  let value = 0;
  const sectors = new Map<string, string[]>();
  for (const p of pairs) {
    value += pairScore(teams.get(p.submissionId)!, mentors.get(p.mentorId)!);
    sectors.set(p.submissionId, [
      ...(sectors.get(p.submissionId) ?? []),
      mentors.get(p.mentorId)!.sector,
    ]);
  }
  for (const s of sectors.values()) value -= sectorPenalty(s);
  return [pairs.length, value];
}

/** Every assignment of tiny instances, for the best (pairs, value): the reference. */
function exhaustive(inp: MentoringInput): [number, number] {
  const { teams, mentors, mentorsPerTeam: k } = inp;
  const forbids = new Set(inp.forbids.map(([t, m]) => `${t}:${m}`));
  const options = teams.map((t) => {
    const eligible = mentors.filter(
      (m) => !institutionConflict(t, m) && !forbids.has(`${t.id}:${m.id}`),
    );
    const subsets: MentorCandidate[][] = [];
    const walk = (from: number, chosen: MentorCandidate[]) => {
      subsets.push(chosen);
      if (chosen.length === k) return;
      for (let i = from; i < eligible.length; i++) walk(i + 1, [...chosen, eligible[i]]);
    };
    walk(0, []);
    return subsets;
  });
  let best: [number, number] = [-1, 0];
  const used = new Map<string, number>();
  const pairs: { submissionId: string; mentorId: string }[] = [];
  const visit = (i: number) => {
    if (i === teams.length) {
      const [n, v] = objective(inp, pairs);
      if (n > best[0] || (n === best[0] && v > best[1])) best = [n, v];
      return;
    }
    for (const subset of options[i]) {
      if (subset.some((m) => (used.get(m.id) ?? 0) >= m.capacity)) continue;
      for (const m of subset) {
        used.set(m.id, (used.get(m.id) ?? 0) + 1);
        pairs.push({ submissionId: teams[i].id, mentorId: m.id });
      }
      visit(i + 1);
      for (const m of subset) {
        used.set(m.id, used.get(m.id)! - 1);
        pairs.pop();
      }
    }
  };
  visit(0);
  return best;
}

const org = fc.constantFrom('Uni A', 'uni a', 'Uni B', 'Ministry');
const arbInstance = fc
  .record({
    teams: fc.array(
      fc.record({
        sdgs: fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { maxLength: 3 }),
        topics: fc.uniqueArray(fc.constantFrom('water', 'health', 'energy'), { maxLength: 2 }),
        targetCountries: fc.uniqueArray(fc.constantFrom('TH', 'VN', 'KR'), { maxLength: 2 }),
        memberLanguages: fc.array(
          fc.uniqueArray(fc.constantFrom('en', 'th', 'ko'), { maxLength: 2 }),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        institutions: fc.array(org, { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    mentors: fc.array(
      fc.record({
        organisation: org,
        sector: fc.constantFrom(...SECTORS.slice(0, 3)),
        sdgs: fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { maxLength: 3 }),
        topics: fc.uniqueArray(fc.constantFrom('water', 'health', 'energy'), { maxLength: 2 }),
        countries: fc.uniqueArray(fc.constantFrom('TH', 'VN', 'KR'), { maxLength: 2 }),
        languages: fc.uniqueArray(fc.constantFrom('en', 'th', 'ko'), { maxLength: 2 }),
        capacity: fc.integer({ min: 0, max: 2 }),
      }),
      { minLength: 0, maxLength: 4 },
    ),
    mentorsPerTeam: fc.integer({ min: 1, max: 3 }),
    forbidMask: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
  })
  .map(({ teams, mentors, mentorsPerTeam, forbidMask }) => {
    const ts = teams.map((t, i) => ({ ...t, id: `t${i}`, teamId: `team${i}` }));
    const ms = mentors.map((m, i) => ({ ...m, id: `m${i}` }));
    const forbids = ts.flatMap((t, i) =>
      ms.flatMap((m, j) =>
        forbidMask[(i * 4 + j) % 12] && (i + j) % 3 === 0 ? [[t.id, m.id] as const] : [],
      ),
    );
    return input({ teams: ts, mentors: ms, mentorsPerTeam, forbids });
  });

describe('mentoring matching (exact, on the shared min-cost flow)', () => {
  it('prefers an academic with a policy maker to two academics', () => {
    const result = matchMentors(
      input({
        teams: [team('t')],
        mentors: [mentor('a1'), mentor('a2'), mentor('g', { sector: 'government' })],
        mentorsPerTeam: 2,
      }),
    );
    expect(result.pairs.map((p) => p.mentorId).filter((m) => m !== 'g')).toHaveLength(1);
    expect(result.pairs.map((p) => p.mentorId)).toContain('g');
    expect(result.stats.mixedTeams).toBe(1);
    expect(result.pairs.find((p) => p.mentorId === 'g')!.reasons).toContainEqual({
      code: 'sector_mix',
      sector: 'government',
    });
  });

  it('still takes two academics when they fit the project far better', () => {
    const result = matchMentors(
      input({
        teams: [team('t', { sdgs: [6, 13, 14], topics: ['water', 'oceans'] })],
        mentors: [
          mentor('a1', { sdgs: [6, 13, 14], topics: ['water', 'oceans'] }),
          mentor('a2', { sdgs: [6, 13, 14], topics: ['water', 'oceans'] }),
          mentor('g', { sector: 'government', sdgs: [], countries: [] }),
        ],
        mentorsPerTeam: 2,
      }),
    );
    expect(result.pairs.map((p) => p.mentorId).sort()).toEqual(['a1', 'a2']);
  });

  it('gives every team its mentors where capacity allows, before any score', () => {
    // m1 fits t1 best, but m2 is from a t2 member's university: only m1 can take t2.
    const result = matchMentors(
      input({
        teams: [
          team('t1', { sdgs: [1, 2, 3] }),
          team('t2', { sdgs: [9], institutions: ['Uni X'] }),
        ],
        mentors: [
          mentor('m1', { sdgs: [1, 2, 3, 9] }),
          mentor('m2', { sdgs: [1, 2], organisation: 'Uni X' }),
        ],
      }),
    );
    expect(result.pairs.map((p) => `${p.submissionId}:${p.mentorId}`).sort()).toEqual([
      't1:m2',
      't2:m1',
    ]);
    expect(result.short).toEqual([]);
  });

  it('keeps pins, honours forbids, and reports why a team is left short', () => {
    const result = matchMentors(
      input({
        teams: [team('t1'), team('t2', { institutions: ['Org m2'] })],
        mentors: [mentor('m1', { sdgs: [] }), mentor('m2')],
        pins: [['t1', 'm1']],
        forbids: [['t2', 'm1']],
      }),
    );
    expect(result.pairs).toContainEqual(
      expect.objectContaining({ submissionId: 't1', mentorId: 'm1', pinned: true }),
    );
    expect(result.short).toEqual([
      expect.objectContaining({
        submissionId: 't2',
        got: 0,
        reason: 'institution_conflict',
        conflicted: 1,
        forbidden: 1,
      }),
    ]);
    expect(renderShortReason(result.short[0].reason, 'en')).toMatch(/institution/);
  });

  it('refuses a pin the hard rules forbid (and says so)', () => {
    const result = matchMentors(
      input({
        teams: [team('t1', { institutions: ['Org m1'] })],
        mentors: [mentor('m1')],
        pins: [['t1', 'm1']],
      }),
    );
    expect(result.pairs).toEqual([]);
    expect(result.warnings).toEqual([expect.stringMatching(/breaks a hard rule/)]);
  });

  it('never pairs across an institution conflict, never overfills a mentor or a team', () => {
    fc.assert(
      fc.property(arbInstance, (inp) => {
        const { pairs } = matchMentors(inp);
        const teams = new Map(inp.teams.map((t) => [t.id, t]));
        const mentors = new Map(inp.mentors.map((m) => [m.id, m]));
        const load = new Map<string, number>();
        const per = new Map<string, number>();
        const forbids = new Set(inp.forbids.map(([t, m]) => `${t}:${m}`));
        for (const p of pairs) {
          expect(institutionConflict(teams.get(p.submissionId)!, mentors.get(p.mentorId)!)).toBe(
            false,
          );
          expect(forbids.has(`${p.submissionId}:${p.mentorId}`)).toBe(false);
          load.set(p.mentorId, (load.get(p.mentorId) ?? 0) + 1);
          per.set(p.submissionId, (per.get(p.submissionId) ?? 0) + 1);
        }
        for (const [m, n] of load) expect(n).toBeLessThanOrEqual(mentors.get(m)!.capacity);
        for (const n of per.values()) expect(n).toBeLessThanOrEqual(inp.mentorsPerTeam);
        expect(new Set(pairs.map((p) => `${p.submissionId}:${p.mentorId}`)).size).toBe(
          pairs.length,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('is optimal: as many pairs, and as much value, as an exhaustive search of tiny rounds', () => {
    fc.assert(
      fc.property(arbInstance, (inp) => {
        const { pairs, stats } = matchMentors(inp);
        const found = objective(inp, pairs);
        expect(found).toEqual(exhaustive(inp));
        expect(stats.objective).toBe(found[1]);
      }),
      { numRuns: 400 },
    );
  });

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(arbInstance, (inp) => {
        const a = matchMentors(inp).pairs;
        const b = matchMentors({
          ...inp,
          teams: [...inp.teams].reverse(),
          mentors: [...inp.mentors].reverse(),
        }).pairs;
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });

  it('explains pairs in the reader’s language', () => {
    const { pairs } = matchMentors(input({ teams: [team('t')], mentors: [mentor('m')] }));
    expect(renderReasons(pairs[0].reasons, 'en')).toEqual([
      'Works on the same Sustainable Development Goals: SDG 6',
      "Knows the project's target countries: Thailand",
      'Speaks a language with the team: English',
    ]);
    const ko = renderReasons(pairs[0].reasons, 'ko');
    expect(ko[1]).toMatch(/태국/);
    for (const locale of ['id', 'ms', 'th', 'vi', 'fil', 'km', 'lo', 'my', 'zh']) {
      const words = renderReasons(pairs[0].reasons, locale);
      expect(words).toHaveLength(3);
      expect(words[0]).not.toEqual(renderReasons(pairs[0].reasons, 'en')[0]);
    }
  });
});
