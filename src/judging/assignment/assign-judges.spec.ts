import fc from 'fast-check';
import {
  AssignmentEntry,
  AssignmentInput,
  AssignmentInputError,
  AssignmentJudge,
  AssignmentResult,
  COUNTRY_WEIGHT,
  EXPERTISE_WEIGHT,
  JudgeEntryPair,
  assignJudges,
  conflictReasons,
} from './index';

const RUNS = Number(process.env.FC_RUNS ?? 0);
const runs = (n: number) => ({ numRuns: RUNS > 0 ? RUNS : n });

const entry = (id: string, over: Partial<AssignmentEntry> = {}): AssignmentEntry => ({
  id,
  teamId: `team-${id}`,
  memberInstitutions: [],
  memberCountries: [],
  memberUserIds: [],
  ...over,
});
const judge = (id: string, over: Partial<AssignmentJudge> = {}): AssignmentJudge => ({
  id,
  conflicts: {},
  ...over,
});
const pairKey = (p: JudgeEntryPair) => `${p.judgeId}|${p.entryId}`;
const loads = (r: AssignmentResult) => r.perJudgeLoad.map((l) => l.load);

// ---------------------------------------------------------------------------------------------
// An independent reference: the conflict rules, the objective and an exhaustive search, written
// plainly so that they share nothing with the flow model but the published definitions.

function conflicted(j: AssignmentJudge, e: AssignmentEntry): boolean {
  const norm = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  const insts = new Set(e.memberInstitutions.map(norm));
  const countries = new Set(e.memberCountries.map((c) => c.toUpperCase()));
  return (
    (j.conflicts?.countries ?? []).some((c) => countries.has(c.toUpperCase())) ||
    (j.conflicts?.institutions ?? []).some((i) => insts.has(norm(i))) ||
    (j.conflicts?.teamIds ?? []).includes(e.teamId) ||
    (j.institution != null && j.institution.trim() !== '' && insts.has(norm(j.institution))) ||
    e.memberUserIds.includes(j.userId ?? j.id)
  );
}

interface Objective {
  added: number;
  loadSquares: number;
  preferences: number;
}

function evaluate(input: AssignmentInput, added: readonly JudgeEntryPair[]): Objective {
  const excluded = new Set((input.excluded ?? []).map(pairKey));
  const kept = [...new Map((input.existing ?? []).map((p) => [pairKey(p), p])).values()].filter(
    (p) => !excluded.has(pairKey(p)),
  );
  const load = new Map(input.judges.map((j) => [j.id, 0]));
  for (const p of [...kept, ...added]) load.set(p.judgeId, load.get(p.judgeId)! + 1);
  let preferences = 0;
  for (const e of input.entries) {
    const tags = new Set((e.tags ?? []).map((t) => t.toLowerCase()));
    const wanted = Math.min(2, tags.size);
    const mine = added.filter((p) => p.entryId === e.id);
    for (const p of mine) {
      const j = input.judges.find((x) => x.id === p.judgeId)!;
      const overlap = (j.expertise ?? []).filter((t) => tags.has(t.toLowerCase())).length;
      preferences += EXPERTISE_WEIGHT * (wanted - Math.min(wanted, overlap));
    }
    const countriesOf = (ps: JudgeEntryPair[]) =>
      ps
        .map((p) => input.judges.find((x) => x.id === p.judgeId)!.country)
        .filter((c): c is string => !!c);
    const pairsOf = (cs: string[]) => {
      let n = 0;
      for (let a = 0; a < cs.length; a++)
        for (let b = a + 1; b < cs.length; b++) n += +(cs[a] === cs[b]);
      return n;
    };
    const before = countriesOf(kept.filter((p) => p.entryId === e.id));
    preferences += COUNTRY_WEIGHT * (pairsOf([...before, ...countriesOf(mine)]) - pairsOf(before));
  }
  let loadSquares = 0;
  for (const l of load.values()) loadSquares += l * l;
  return { added: added.length, loadSquares, preferences };
}

const better = (a: Objective, b: Objective) =>
  a.added !== b.added
    ? a.added > b.added
    : a.loadSquares !== b.loadSquares
      ? a.loadSquares < b.loadSquares
      : a.preferences < b.preferences;

/** Every feasible top-up, by brute force; returns the lexicographically best objective. */
function bruteForce(input: AssignmentInput): Objective {
  const k = input.judgesPerEntry;
  const excluded = new Set((input.excluded ?? []).map(pairKey));
  const existing = new Set((input.existing ?? []).map(pairKey));
  const keptPairs = [...existing].filter((p) => !excluded.has(p));
  const keptLoad = new Map(input.judges.map((j) => [j.id, 0]));
  for (const p of keptPairs) {
    const id = p.split('|')[0];
    keptLoad.set(id, keptLoad.get(id)! + 1);
  }
  const options = input.entries.map((e) => {
    const have = keptPairs.filter((p) => p.endsWith(`|${e.id}`)).length;
    const free = input.judges.filter((j) => {
      const key = `${j.id}|${e.id}`;
      return !excluded.has(key) && !existing.has(key) && !conflicted(j, e);
    });
    const subsets: AssignmentJudge[][] = [[]];
    for (const j of free) {
      const grown = subsets.map((s) => [...s, j]);
      subsets.push(...grown.filter((s) => s.length <= Math.max(0, k - have)));
    }
    return subsets.map((s) => s.map((j) => ({ judgeId: j.id, entryId: e.id })));
  });
  let best: Objective | null = null;
  const chosen: JudgeEntryPair[] = [];
  const load = new Map(keptLoad);
  const walk = (i: number) => {
    if (i === options.length) {
      const value = evaluate(input, chosen);
      if (best === null || better(value, best)) best = value;
      return;
    }
    for (const option of options[i]) {
      if (input.maxLoad != null && option.some((p) => load.get(p.judgeId)! + 1 > input.maxLoad!)) {
        continue;
      }
      for (const p of option) load.set(p.judgeId, load.get(p.judgeId)! + 1);
      chosen.push(...option);
      walk(i + 1);
      chosen.length -= option.length;
      for (const p of option) load.set(p.judgeId, load.get(p.judgeId)! - 1);
    }
  };
  walk(0);
  return best!;
}

// ---------------------------------------------------------------------------------------------
// Random instances

const COUNTRIES = ['KR', 'TH', 'VN', 'ID'];
const INSTITUTIONS = ['SNU', 'Chula', 'UI', 'VNU', 'KAIST'];
const TAGS = ['climate', 'health', 'film', 'water'];

function arbInstance(opts: {
  entries: [number, number];
  judges: [number, number];
  k: [number, number];
  conflicts: number;
  existing: boolean;
  maxLoad: boolean;
}): fc.Arbitrary<AssignmentInput> {
  return fc
    .record({
      e: fc.integer({ min: opts.entries[0], max: opts.entries[1] }),
      j: fc.integer({ min: opts.judges[0], max: opts.judges[1] }),
      k: fc.integer({ min: opts.k[0], max: opts.k[1] }),
    })
    .chain(({ e, j, k }) =>
      fc.record({
        k: fc.constant(k),
        entries: fc.array(
          fc.record({
            countries: fc.subarray(COUNTRIES, { minLength: 1, maxLength: 2 }),
            institution: fc.constantFrom(...INSTITUTIONS),
            tags: fc.subarray(TAGS, { maxLength: 3 }),
          }),
          { minLength: e, maxLength: e },
        ),
        judges: fc.array(
          fc.record({
            country: fc.option(fc.constantFrom(...COUNTRIES), { freq: 6 }),
            institution: fc.option(fc.constantFrom(...INSTITUTIONS), { freq: 2 }),
            expertise: fc.subarray(TAGS, { maxLength: 2 }),
            declare: fc.option(fc.constantFrom(...COUNTRIES), { freq: 4 }),
          }),
          { minLength: j, maxLength: j },
        ),
        teamConflicts: fc.array(fc.tuple(fc.nat(j - 1), fc.nat(e - 1)), {
          maxLength: opts.conflicts,
        }),
        existing: opts.existing
          ? fc.array(fc.tuple(fc.nat(j - 1), fc.nat(e - 1)), { maxLength: e })
          : fc.constant<[number, number][]>([]),
        excluded: opts.existing
          ? fc.array(fc.tuple(fc.nat(j - 1), fc.nat(e - 1)), { maxLength: 2 })
          : fc.constant<[number, number][]>([]),
        maxLoad: opts.maxLoad
          ? fc.option(fc.integer({ min: 0, max: Math.ceil((e * k) / j) + 1 }), { freq: 2 })
          : fc.constant(null),
      }),
    )
    .map((r) => {
      const entries = r.entries.map((x, i) =>
        entry(`e${i}`, {
          memberCountries: x.countries,
          memberInstitutions: [x.institution],
          memberUserIds: [`u${i}`],
          tags: x.tags,
        }),
      );
      const judges = r.judges.map((x, i) =>
        judge(`j${i}`, {
          country: x.country,
          // Rarely the same institution as a team, so detected conflicts occur but do not dominate.
          institution:
            x.institution === null ? null : `${x.institution}${i % 3 === 0 ? '' : ' Lab'}`,
          expertise: x.expertise,
          conflicts: {
            countries: x.declare ? [x.declare] : [],
            teamIds: r.teamConflicts.filter(([jj]) => jj === i).map(([, ee]) => `team-e${ee}`),
          },
        }),
      );
      const pair = ([j, e]: [number, number]) => ({ judgeId: `j${j}`, entryId: `e${e}` });
      return {
        entries,
        judges,
        judgesPerEntry: r.k,
        maxLoad: r.maxLoad,
        existing: r.existing.map(pair),
        excluded: r.excluded.map(pair),
      };
    });
}

function checkInvariants(input: AssignmentInput, r: AssignmentResult): void {
  const k = input.judgesPerEntry;
  const byId = new Map(input.judges.map((j) => [j.id, j]));
  const entries = new Map(input.entries.map((e) => [e.id, e]));
  const excluded = new Set((input.excluded ?? []).map(pairKey));
  const existing = new Set((input.existing ?? []).map(pairKey));
  const kept = [...existing].filter((p) => !excluded.has(p));
  const seen = new Set<string>();
  for (const p of r.assignments) {
    const key = pairKey(p);
    expect(seen.has(key)).toBe(false);
    seen.add(key);
    expect(existing.has(key)).toBe(false);
    expect(excluded.has(key)).toBe(false);
    expect(conflicted(byId.get(p.judgeId)!, entries.get(p.entryId)!)).toBe(false);
  }
  for (const e of input.entries) {
    const have = kept.filter((p) => p.endsWith(`|${e.id}`)).length;
    const got = r.assignments.filter((p) => p.entryId === e.id).length;
    expect(got).toBeLessThanOrEqual(Math.max(0, k - have));
    const missing = r.unassigned.find((u) => u.entryId === e.id);
    if (have + got >= k) expect(missing).toBeUndefined();
    else {
      expect(missing).toMatchObject({ assigned: have + got, needed: k });
      const free = input.judges.filter((j) => {
        const key = `${j.id}|${e.id}`;
        return !excluded.has(key) && !existing.has(key) && !conflicted(j, e);
      }).length;
      expect(missing!.cause).toBe(have + free < k ? 'conflicts' : 'capacity');
      // Without a load cap only conflicts can leave an entry short.
      if (input.maxLoad == null) expect(missing!.cause).toBe('conflicts');
    }
  }
  for (const l of r.perJudgeLoad) {
    const keptHere = kept.filter((p) => p.startsWith(`${l.judgeId}|`)).length;
    const added = r.assignments.filter((p) => p.judgeId === l.judgeId).length;
    expect(l).toEqual({ judgeId: l.judgeId, load: keptHere + added, added });
    if (input.maxLoad != null && added > 0) expect(l.load).toBeLessThanOrEqual(input.maxLoad);
  }
  expect(r.objective).toMatchObject({ added: r.assignments.length });
  const own = evaluate(input, r.assignments);
  expect(r.objective.loadSquares).toBe(own.loadSquares);
  expect(r.objective.expertisePenalty + r.objective.countryPenalty).toBe(own.preferences);
}

// ---------------------------------------------------------------------------------------------

describe('conflicts', () => {
  const team = entry('e1', {
    teamId: 't1',
    memberInstitutions: ['Seoul National University', 'Chulalongkorn University'],
    memberCountries: ['KR', 'th'],
    memberUserIds: ['u1', 'u2'],
  });

  it('detects declared and discovered conflicts', () => {
    expect(conflictReasons(judge('a', { conflicts: { countries: ['TH'] } }), team)).toEqual([
      'declared_country',
    ]);
    expect(
      conflictReasons(
        judge('b', { conflicts: { institutions: [' seoul  national university'] } }),
        team,
      ),
    ).toEqual(['declared_institution']);
    expect(conflictReasons(judge('c', { conflicts: { teamIds: ['t1'] } }), team)).toEqual([
      'declared_team',
    ]);
    expect(conflictReasons(judge('d', { institution: 'CHULALONGKORN UNIVERSITY' }), team)).toEqual([
      'shared_institution',
    ]);
    expect(conflictReasons(judge('e', { userId: 'u2' }), team)).toEqual(['team_member']);
    expect(conflictReasons(judge('f', { institution: 'KAIST', country: 'KR' }), team)).toEqual([]);
  });

  it('never assigns a conflicted judge and counts conflicts by kind', () => {
    const r = assignJudges({
      entries: [team],
      judges: [
        judge('a', { conflicts: { countries: ['TH'] } }),
        judge('d', { institution: 'chulalongkorn university' }),
        judge('e', { userId: 'u1' }),
        judge('ok1'),
        judge('ok2'),
      ],
      judgesPerEntry: 2,
    });
    expect(r.assignments.map((p) => p.judgeId).sort()).toEqual(['ok1', 'ok2']);
    expect(r.conflictCount).toBe(3);
    expect(r.conflictsByKind).toMatchObject({
      declared_country: 1,
      shared_institution: 1,
      team_member: 1,
    });
  });
});

describe('assignJudges: examples', () => {
  it('covers every entry, balances loads and prefers expertise and distinct countries', () => {
    const r = assignJudges({
      entries: [
        entry('e1', { tags: ['film'] }),
        entry('e2', { tags: ['water'] }),
        entry('e3', { tags: ['film'] }),
      ],
      judges: [
        judge('a', { expertise: ['film'], country: 'KR' }),
        judge('b', { expertise: ['water'], country: 'KR' }),
        judge('c', { expertise: ['film'], country: 'TH' }),
      ],
      judgesPerEntry: 2,
    });
    expect(loads(r).sort()).toEqual([2, 2, 2]);
    expect(r.unassigned).toEqual([]);
    expect(r.stats.method).toBe('balanced');
    // Every judge takes exactly two of the three entries, so some entry gets both Korean
    // judges a and b (one country pair, 2). The cheapest way puts b, the water expert, on e2
    // and leaves each film entry one judge short of film expertise: expertise 2.
    expect(r.assignments.filter((p) => p.entryId === 'e2').map((p) => p.judgeId)).toContain('b');
    expect(r.objective.expertisePenalty).toBe(2);
    expect(r.objective.countryPenalty).toBe(2);
  });

  it('reports entries that cannot be covered, and why', () => {
    const r = assignJudges({
      entries: [entry('e1', { memberCountries: ['VN'] }), entry('e2')],
      judges: [
        judge('a'),
        judge('b', { conflicts: { countries: ['VN'] } }),
        judge('c', { conflicts: { countries: ['vn'] } }),
      ],
      judgesPerEntry: 3,
    });
    expect(r.unassigned).toEqual([
      {
        entryId: 'e1',
        assigned: 1,
        needed: 3,
        cause: 'conflicts',
        reason: 'not enough unconflicted judges: 1 of 3',
      },
    ]);
    expect(r.assignments.filter((p) => p.entryId === 'e2')).toHaveLength(3);
    expect(r.stats.method).toBe('convex');
  });

  it('respects maxLoad and says when capacity, not conflicts, is short', () => {
    const r = assignJudges({
      entries: [entry('e1'), entry('e2'), entry('e3')],
      judges: [judge('a'), judge('b')],
      judgesPerEntry: 2,
      maxLoad: 2,
    });
    expect(loads(r)).toEqual([2, 2]);
    expect(r.assignments).toHaveLength(4);
    expect(r.unassigned.length).toBeGreaterThan(0);
    for (const u of r.unassigned) {
      expect(u.cause).toBe('capacity');
      expect(u.reason).toBe(
        `unconflicted judges are at their maximum load: ${u.assigned} of 2 assigned`,
      );
    }
  });

  it('tops up: keeps existing assignments, skips recused pairs, counts kept load', () => {
    const input: AssignmentInput = {
      entries: [entry('e1'), entry('e2')],
      judges: [judge('a'), judge('b'), judge('c')],
      judgesPerEntry: 2,
      existing: [
        { judgeId: 'a', entryId: 'e1' },
        { judgeId: 'a', entryId: 'e2' },
        { judgeId: 'b', entryId: 'e2' },
      ],
      excluded: [{ judgeId: 'b', entryId: 'e2' }],
    };
    const r = assignJudges(input);
    // b recused from e2, so e2 keeps only a, and e1 keeps a. Four judgings over three judges:
    // a already has two, so b and c take one each, and only c may take e2.
    expect(r.assignments).toHaveLength(2);
    expect(r.assignments).not.toContainEqual({ judgeId: 'b', entryId: 'e2' });
    expect(r.perJudgeLoad).toEqual([
      { judgeId: 'a', load: 2, added: 0 },
      { judgeId: 'b', load: 1, added: 1 },
      { judgeId: 'c', load: 1, added: 1 },
    ]);
    checkInvariants(input, r);
  });

  it('reports kept pairs that are conflicted', () => {
    const r = assignJudges({
      entries: [entry('e1', { memberUserIds: ['judge-user'] })],
      judges: [judge('a', { userId: 'judge-user' }), judge('b')],
      judgesPerEntry: 1,
      existing: [{ judgeId: 'a', entryId: 'e1' }],
    });
    expect(r.conflictedExisting).toEqual([{ judgeId: 'a', entryId: 'e1' }]);
    expect(r.assignments).toEqual([]);
  });

  it('balances around a judge who can take nothing', () => {
    const entries = Array.from({ length: 6 }, (_, i) =>
      entry(`e${i}`, { memberCountries: ['TH'] }),
    );
    const r = assignJudges({
      entries,
      judges: [
        judge('a'),
        judge('b'),
        judge('c'),
        judge('x', { conflicts: { countries: ['TH'] } }),
      ],
      judgesPerEntry: 2,
    });
    expect(r.stats.method).toBe('convex');
    expect(loads(r)).toEqual([4, 4, 4, 0]);
  });

  it('rejects malformed input', () => {
    expect(() => assignJudges({ entries: [], judges: [], judgesPerEntry: -1 })).toThrow(
      AssignmentInputError,
    );
    expect(() =>
      assignJudges({ entries: [entry('e'), entry('e')], judges: [], judgesPerEntry: 1 }),
    ).toThrow(/listed twice/);
    expect(() =>
      assignJudges({
        entries: [entry('e')],
        judges: [judge('a')],
        judgesPerEntry: 1,
        existing: [{ judgeId: 'zz', entryId: 'e' }],
      }),
    ).toThrow(/unknown judge/);
    expect(() =>
      assignJudges({ entries: [], judges: [], judgesPerEntry: 1, maxLoad: 1.5 }),
    ).toThrow(/maxLoad/);
  });

  it('handles empty rounds', () => {
    expect(assignJudges({ entries: [], judges: [judge('a')], judgesPerEntry: 3 })).toMatchObject({
      assignments: [],
      perJudgeLoad: [{ judgeId: 'a', load: 0, added: 0 }],
      unassigned: [],
    });
    expect(
      assignJudges({ entries: [entry('e')], judges: [], judgesPerEntry: 1 }).unassigned,
    ).toEqual([expect.objectContaining({ entryId: 'e', cause: 'conflicts' })]);
  });

  it('reports progress ending at 1', () => {
    const seen: number[] = [];
    assignJudges(
      { entries: [entry('e1')], judges: [judge('a')], judgesPerEntry: 1 },
      { onProgress: (f) => seen.push(f) },
    );
    expect(seen[seen.length - 1]).toBe(1);
    expect(seen.every((f) => f >= 0 && f <= 1)).toBe(true);
  });
});

describe('assignJudges: properties', () => {
  it('is optimal against an exhaustive search on tiny rounds', () => {
    fc.assert(
      fc.property(
        arbInstance({
          entries: [1, 4],
          judges: [1, 4],
          k: [1, 2],
          conflicts: 4,
          existing: true,
          maxLoad: true,
        }),
        (input) => {
          const r = assignJudges(input);
          checkInvariants(input, r);
          const best = bruteForce(input);
          expect(evaluate(input, r.assignments)).toEqual(best);
        },
      ),
      runs(200),
    );
  });

  it('covers every entry exactly judgesPerEntry times and keeps loads within one when it can', () => {
    fc.assert(
      fc.property(
        arbInstance({
          entries: [1, 30],
          judges: [3, 10],
          k: [1, 3],
          conflicts: 0,
          existing: false,
          maxLoad: false,
        }).map((input) => ({
          ...input,
          // No conflicts at all: full coverage and a spread of one are always possible.
          judges: input.judges.map((j) => ({ ...j, institution: null, conflicts: {} })),
        })),
        (input) => {
          const r = assignJudges(input);
          checkInvariants(input, r);
          for (const e of input.entries) {
            expect(r.assignments.filter((p) => p.entryId === e.id)).toHaveLength(
              Math.min(input.judgesPerEntry, input.judges.length),
            );
          }
          const l = loads(r);
          expect(Math.max(...l) - Math.min(...l)).toBeLessThanOrEqual(1);
        },
      ),
      runs(80),
    );
  });

  it('holds its invariants with conflicts, kept pairs, recusals and load caps', () => {
    fc.assert(
      fc.property(
        arbInstance({
          entries: [1, 30],
          judges: [1, 10],
          k: [1, 3],
          conflicts: 30,
          existing: true,
          maxLoad: true,
        }),
        (input) => {
          const r = assignJudges(input);
          checkInvariants(input, r);
          // With no cap and every entry coverable, a spread of one is reachable unless
          // conflicts or kept loads force it, and then the convex pass is what ran.
          if (r.stats.method === 'balanced') {
            const l = loads(r);
            expect(Math.max(...l) - Math.min(...l)).toBeLessThanOrEqual(1);
            expect(r.unassigned).toEqual([]);
          }
        },
      ),
      runs(120),
    );
  });

  it('is deterministic and independent of the order of its input', () => {
    fc.assert(
      fc.property(
        arbInstance({
          entries: [1, 20],
          judges: [1, 8],
          k: [1, 3],
          conflicts: 10,
          existing: true,
          maxLoad: true,
        }).chain((input) =>
          fc.record({
            input: fc.constant(input),
            entries: fc.shuffledSubarray([...input.entries], {
              minLength: input.entries.length,
              maxLength: input.entries.length,
            }),
            judges: fc.shuffledSubarray([...input.judges], {
              minLength: input.judges.length,
              maxLength: input.judges.length,
            }),
          }),
        ),
        ({ input, entries, judges }) => {
          const a = assignJudges(input);
          expect(assignJudges(input)).toEqual(a);
          expect(assignJudges({ ...input, entries, judges })).toEqual(a);
        },
      ),
      runs(100),
    );
  });
});
