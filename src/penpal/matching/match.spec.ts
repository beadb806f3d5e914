import fc from 'fast-check';
import {
  matchPenpals,
  runMatching,
  type AseanCountry,
  type LanguageLevel,
  type MatchingInput,
  type MatchingResult,
  type Participant,
} from './index';

/*
 * Everything the engine promises is checked here against code written independently of it:
 * the hard rules, the score formula, and the optimum (exhaustive search on tiny instances, a
 * Hungarian algorithm on larger ones, a max-flow for the country minimums).
 */

const LEVEL: Record<LanguageLevel, number> = { basic: 1, conversational: 2, fluent: 3, native: 4 };

interface Facts {
  age: number | null;
  minor: boolean;
  capacity: number;
}

function facts(input: MatchingInput, p: Participant): Facts {
  const ppp = input.penpalsPerParticipant ?? 1;
  const age = typeof p.age === 'number' ? Math.floor(p.age) : null;
  return {
    age,
    minor: p.minor ?? (age !== null && age < 18),
    capacity: Math.max(0, Math.min(p.preferences?.capacity ?? ppp, ppp)),
  };
}

function genderPref(p: Participant): string | null {
  const g = p.preferences?.genderPreference;
  return g === null || g === undefined || g === '' || g === 'any' ? null : g;
}

/** The hard rules, read straight from the issue. */
function compatible(input: MatchingInput, k: Participant, a: Participant): boolean {
  const r = input.rules ?? {};
  const fk = facts(input, k);
  const fa = facts(input, a);
  if (!k.consentConfirmed || !a.consentConfirmed) return false;
  if (fk.age === null || fa.age === null) return false;
  for (const f of [fk, fa]) {
    if (f.age! < (r.minAge ?? 0) || f.age! > (r.maxAge ?? 200)) return false;
    if (f.capacity === 0) return false;
  }
  if (Math.abs(fk.age - fa.age) > (r.maxAgeGapYears ?? 3)) return false;
  if ((r.minorsOnlyWithMinors ?? true) && fk.minor !== fa.minor) return false;
  if (r.requireSharedLanguage ?? true) {
    if (!k.languages.some((l) => a.languages.some((m) => m.code === l.code))) return false;
  }
  const pk = genderPref(k);
  const pa = genderPref(a);
  if (pk !== null && a.gender !== pk) return false;
  if (pa !== null && k.gender !== pa) return false;
  return true;
}

/** The score formula of scoring.ts, re-implemented from its description. */
function referenceScore(input: MatchingInput, k: Participant, a: Participant): number {
  const w = { language: 30, interests: 35, age: 20, preferences: 15, ...(input.weights ?? {}) };
  const total = w.language + w.interests + w.age + w.preferences;
  const unit = total > 0 ? 100 / total : 0;
  const gapMax = input.rules?.maxAgeGapYears ?? 3;
  let best = 0;
  for (const l of k.languages) {
    for (const m of a.languages) {
      if (l.code === m.code) best = Math.max(best, Math.min(LEVEL[l.level], LEVEL[m.level]));
    }
  }
  const shared = Math.min(3, k.interests.filter((t) => a.interests.includes(t)).length);
  const gap = Math.abs(facts(input, k).age! - facts(input, a).age!);
  let applicable = 0;
  let met = 0;
  const wish = (list: string[] | undefined, ok: boolean): void => {
    if (list !== undefined && list.length > 0) {
      applicable++;
      if (ok) met++;
    }
  };
  const speaksWell = (p: Participant, code: string): boolean =>
    p.languages.some((l) => l.code === code && LEVEL[l.level] >= 3);
  wish(k.preferences?.preferredCountries, !!k.preferences?.preferredCountries?.includes(a.country));
  wish(a.preferences?.preferredCountries, !!a.preferences?.preferredCountries?.includes('KR'));
  wish(
    k.preferences?.practiseLanguages,
    !!k.preferences?.practiseLanguages?.some((c) => speaksWell(a, c)),
  );
  wish(
    a.preferences?.practiseLanguages,
    !!a.preferences?.practiseLanguages?.some((c) => speaksWell(k, c)),
  );
  const points =
    (unit * w.language * best) / 4 +
    (unit * w.interests * shared) / 3 +
    (gap <= gapMax ? unit * w.age * (1 - gap / (gapMax + 1)) : 0) +
    (applicable > 0 ? (unit * w.preferences * met) / applicable : 0);
  return Math.round(points);
}

const key = (x: string, y: string): string => (x < y ? `${x}|${y}` : `${y}|${x}`);

function barredPairs(input: MatchingInput): Set<string> {
  return new Set(
    [...(input.forbids ?? []), ...(input.neverAgain ?? [])].map(([x, y]) => key(x, y)),
  );
}

/** Pins the engine must keep: both consented, opposite sides, not barred, minors with minors. */
function validPins(input: MatchingInput): [string, string][] {
  const byId = new Map(input.participants.map((p) => [p.id, p]));
  const barred = barredPairs(input);
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const [x, y] of input.pins ?? []) {
    const p = byId.get(x);
    const q = byId.get(y);
    if (!p || !q || !p.consentConfirmed || !q.consentConfirmed) continue;
    if ((p.country === 'KR') === (q.country === 'KR')) continue;
    const [k, a] = p.country === 'KR' ? [p, q] : [q, p];
    if (barred.has(key(x, y)) || seen.has(key(x, y))) continue;
    if (
      (input.rules?.minorsOnlyWithMinors ?? true) &&
      facts(input, k).minor !== facts(input, a).minor
    ) {
      continue;
    }
    seen.add(key(x, y));
    out.push([k.id, a.id]);
  }
  return out;
}

interface Objective {
  quotaPairs: number;
  matchedPeople: number;
  totalScore: number;
}

function objectiveOf(input: MatchingInput, pairs: [string, string][]): Objective {
  const byId = new Map(input.participants.map((p) => [p.id, p]));
  const perCountry = new Map<string, number>();
  const people = new Set<string>();
  let totalScore = 0;
  for (const [k, a] of pairs) {
    const country = byId.get(a)!.country;
    perCountry.set(country, (perCountry.get(country) ?? 0) + 1);
    people.add(k);
    people.add(a);
    totalScore += referenceScore(input, byId.get(k)!, byId.get(a)!);
  }
  const min = input.countryBalance?.minPerCountry ?? 0;
  let quotaPairs = 0;
  for (const c of ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN']) {
    quotaPairs += Math.min(perCountry.get(c) ?? 0, min);
  }
  return { quotaPairs, matchedPeople: people.size, totalScore };
}

function lexBetter(x: Objective, y: Objective): boolean {
  if (x.quotaPairs !== y.quotaPairs) return x.quotaPairs > y.quotaPairs;
  if (x.matchedPeople !== y.matchedPeople) return x.matchedPeople > y.matchedPeople;
  return x.totalScore > y.totalScore;
}

/** Tries every set of compatible pairs next to the pins. */
function exhaustiveOptimum(input: MatchingInput): Objective {
  const pins = validPins(input);
  const barred = barredPairs(input);
  const kr = input.participants.filter((p) => p.country === 'KR');
  const asean = input.participants.filter((p) => p.country !== 'KR');
  const pinned = new Set(pins.map(([k, a]) => key(k, a)));
  const options: [Participant, Participant][] = [];
  for (const k of kr) {
    for (const a of asean) {
      if (compatible(input, k, a) && !barred.has(key(k.id, a.id)) && !pinned.has(key(k.id, a.id))) {
        options.push([k, a]);
      }
    }
  }
  expect(options.length).toBeLessThanOrEqual(16);
  const count = new Map<string, number>();
  for (const [k, a] of pins) {
    count.set(k, (count.get(k) ?? 0) + 1);
    count.set(a, (count.get(a) ?? 0) + 1);
  }
  const cap = (p: Participant): number => facts(input, p).capacity;
  const chosen: [string, string][] = [...pins];
  let best: Objective | null = null;
  // Depth-first over include/exclude, pruning as soon as a capacity would be exceeded.
  const visit = (i: number): void => {
    if (i === options.length) {
      const obj = objectiveOf(input, chosen);
      if (best === null || lexBetter(obj, best)) best = obj;
      return;
    }
    visit(i + 1);
    const [k, a] = options[i];
    const ck = count.get(k.id) ?? 0;
    const ca = count.get(a.id) ?? 0;
    if (ck + 1 > cap(k) || ca + 1 > cap(a)) return;
    count.set(k.id, ck + 1);
    count.set(a.id, ca + 1);
    chosen.push([k.id, a.id]);
    visit(i + 1);
    chosen.pop();
    count.set(k.id, ck);
    count.set(a.id, ca);
  };
  visit(0);
  return best!;
}

/** Hungarian algorithm (shortest augmenting path, O(n^3)) for a square profit matrix. */
function hungarianMax(profit: number[][]): number[] {
  const n = profit.length;
  const INF = Number.MAX_SAFE_INTEGER;
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const p = new Array<number>(n + 1).fill(0);
  const way = new Array<number>(n + 1).fill(0);
  const cost = (i: number, j: number): number => -profit[i - 1][j - 1];
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(n + 1).fill(INF);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0];
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost(i0, j) - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  const rowToCol = new Array<number>(n).fill(-1);
  for (let j = 1; j <= n; j++) if (p[j] > 0) rowToCol[p[j] - 1] = j - 1;
  return rowToCol;
}

function stripTimes(r: MatchingResult): unknown {
  return { ...r, stats: { ...r.stats, durationMs: null } };
}

// ---------------------------------------------------------------------------------------------
// Random instances

const LANGS = ['ko', 'en', 'th', 'vi'];
const TAGS = ['film', 'football', 'music', 'games', 'art'];
const ASEAN: AseanCountry[] = ['ID', 'VN', 'BN'];

const participantArb = (id: string, country: 'KR' | AseanCountry): fc.Arbitrary<Participant> =>
  fc
    .record({
      age: fc.integer({ min: 13, max: 24 }),
      consent: fc.boolean(),
      gender: fc.constantFrom('female', 'male'),
      languages: fc.uniqueArray(
        fc.record({
          code: fc.constantFrom(...LANGS),
          level: fc.constantFrom<LanguageLevel>('native', 'fluent', 'conversational', 'basic'),
        }),
        { minLength: 0, maxLength: 2, selector: (l) => l.code },
      ),
      interests: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 4 }),
      preferredCountries: fc.uniqueArray(fc.constantFrom<'KR' | AseanCountry>('KR', ...ASEAN), {
        maxLength: 2,
      }),
      practise: fc.uniqueArray(fc.constantFrom(...LANGS), { maxLength: 1 }),
      genderPreference: fc.option(fc.constantFrom('female', 'male'), { freq: 4 }),
      capacity: fc.option(fc.integer({ min: 0, max: 2 }), { freq: 2 }),
    })
    .map((r) => ({
      id,
      country,
      age: r.age,
      // Most minors have consent, so that consent does not hide every other rule.
      consentConfirmed: r.age >= 18 || r.consent || r.age % 2 === 0,
      gender: r.gender,
      languages: r.languages,
      interests: r.interests,
      preferences: {
        preferredCountries: r.preferredCountries,
        practiseLanguages: r.practise,
        genderPreference: r.genderPreference,
        capacity: r.capacity ?? undefined,
      },
    }));

function instanceArb(opts: {
  maxPerSide: number;
  quotas: boolean;
  capacityOne?: boolean;
  lists?: boolean;
  /** most pen pals per participant in the round; default 2 */
  maxPenpals?: number;
}): fc.Arbitrary<MatchingInput> {
  return fc
    .record({
      nK: fc.integer({ min: 1, max: opts.maxPerSide }),
      nA: fc.integer({ min: 1, max: opts.maxPerSide }),
      countries: fc.array(fc.constantFrom(...ASEAN), {
        minLength: opts.maxPerSide,
        maxLength: opts.maxPerSide,
      }),
      seed: fc.integer({ min: 0, max: 1000 }),
      maxGap: fc.integer({ min: 1, max: 5 }),
      requireShared: fc.boolean(),
      ppp: fc.integer({ min: 1, max: opts.maxPenpals ?? 2 }),
      min: fc.integer({ min: 0, max: 2 }),
      minAge: fc.constantFrom(13, 14),
      maxAge: fc.constantFrom(22, 24),
      listSeed: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 2 })), {
        maxLength: opts.lists === false ? 0 : 4,
      }),
      weights: fc.option(
        fc.record({
          language: fc.integer({ min: 0, max: 40 }),
          interests: fc.integer({ min: 0, max: 40 }),
          age: fc.integer({ min: 0, max: 40 }),
          preferences: fc.integer({ min: 0, max: 40 }),
        }),
        { freq: 3 },
      ),
    })
    .chain((r) =>
      fc
        .tuple(
          fc.tuple(...Array.from({ length: r.nK }, (_, i) => participantArb(`k${i}`, 'KR'))),
          fc.tuple(
            ...Array.from({ length: r.nA }, (_, i) => participantArb(`a${i}`, r.countries[i])),
          ),
        )
        .map(([kr, asean]) => {
          const participants = [...kr, ...asean];
          if (opts.capacityOne) {
            for (const p of participants) p.preferences!.capacity = 1;
          }
          const pins: [string, string][] = [];
          const forbids: [string, string][] = [];
          const neverAgain: [string, string][] = [];
          for (const [x, y, which] of r.listSeed) {
            const pair: [string, string] = [kr[x % kr.length].id, asean[y % asean.length].id];
            [pins, forbids, neverAgain][which].push(pair);
          }
          const input: MatchingInput = {
            participants,
            rules: {
              minAge: r.minAge,
              maxAge: r.maxAge,
              maxAgeGapYears: r.maxGap,
              requireSharedLanguage: r.requireShared,
            },
            weights: r.weights ?? undefined,
            countryBalance: { minPerCountry: opts.quotas ? r.min : 0 },
            penpalsPerParticipant: opts.capacityOne ? 1 : r.ppp,
            pins,
            forbids,
            neverAgain,
            seed: r.seed,
            tuning: { candidatesPerPerson: 60 },
          };
          return input;
        }),
    );
}

/** Every promise about a single result that can be checked without solving again. */
function checkResult(input: MatchingInput, result: MatchingResult): void {
  const byId = new Map(input.participants.map((p) => [p.id, p]));
  const barred = barredPairs(input);
  const pins = validPins(input);
  const pinKeys = new Set(pins.map(([k, a]) => key(k, a)));
  const count = new Map<string, number>();
  const pinCount = new Map<string, number>();
  const seen = new Set<string>();
  for (const [k, a] of pins) {
    pinCount.set(k, (pinCount.get(k) ?? 0) + 1);
    pinCount.set(a, (pinCount.get(a) ?? 0) + 1);
  }
  for (const pair of result.pairs) {
    const k = byId.get(pair.krId)!;
    const a = byId.get(pair.aseanId)!;
    expect(k.country).toBe('KR');
    expect(a.country).not.toBe('KR');
    expect(pair.aseanCountry).toBe(a.country);
    const id = key(k.id, a.id);
    expect(seen.has(id)).toBe(false);
    seen.add(id);
    expect(barred.has(id)).toBe(false);
    expect(pair.pinned).toBe(pinKeys.has(id));
    if (!pair.pinned) expect(compatible(input, k, a)).toBe(true);
    expect(k.consentConfirmed && a.consentConfirmed).toBe(true);
    expect(pair.score).toBe(referenceScore(input, k, a));
    expect(pair.reasons.length).toBeGreaterThan(0);
    count.set(k.id, (count.get(k.id) ?? 0) + 1);
    count.set(a.id, (count.get(a.id) ?? 0) + 1);
  }
  for (const id of pinKeys) expect(seen.has(id)).toBe(true);
  for (const [id, n] of count) {
    const p = byId.get(id)!;
    expect(n).toBeLessThanOrEqual(Math.max(facts(input, p).capacity, pinCount.get(id) ?? 0));
  }
  const unmatchedIds = result.unmatched.map((u) => u.id);
  expect(new Set(unmatchedIds).size).toBe(unmatchedIds.length);
  for (const p of input.participants) {
    expect(unmatchedIds.includes(p.id)).toBe(!count.has(p.id));
  }
  for (const u of result.unmatched) {
    if (!byId.get(u.id)!.consentConfirmed) expect(u.reason).toBe('consent');
  }
  const s = result.stats;
  expect(s.pairs).toBe(result.pairs.length);
  expect(s.matchedPeople).toBe(count.size);
  expect(s.enrolled).toBe(input.participants.length);
  expect(s.pairsByCountry.KR).toBe(result.pairs.length);
  const aseanSum = Object.entries(s.pairsByCountry)
    .filter(([c]) => c !== 'KR')
    .reduce((x, [, v]) => x + v, 0);
  expect(aseanSum).toBe(result.pairs.length);
  expect(Object.values(s.unmatchedByReason).reduce((x, y) => x + y, 0)).toBe(
    result.unmatched.length,
  );
  const obj = objectiveOf(
    input,
    result.pairs.map((p) => [p.krId, p.aseanId]),
  );
  expect(s.objective.quotaPairs).toBe(obj.quotaPairs);
  expect(s.objective.matchedPeople).toBe(obj.matchedPeople);
  expect(s.objective.totalScore).toBe(obj.totalScore);
}

/**
 * Most pairs that can count towards the minimums, by max-flow over every compatible pair
 * (S -> Korean -> ASEAN -> country, capped at the minimum -> T), pins counted up front.
 */
function maxQuotaPairs(input: MatchingInput): number {
  const min = input.countryBalance?.minPerCountry ?? 0;
  if (min === 0) return 0;
  const pins = validPins(input);
  const barred = barredPairs(input);
  const pinned = new Set(pins.map(([k, a]) => key(k, a)));
  const byId = new Map(input.participants.map((p) => [p.id, p]));
  const kr = input.participants.filter((p) => p.country === 'KR');
  const asean = input.participants.filter((p) => p.country !== 'KR');
  const countries = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN'];
  const n = 2 + kr.length + asean.length + countries.length;
  const cap = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const S = 0;
  const T = 1;
  const left = (p: Participant, id: string): number =>
    Math.max(0, facts(input, p).capacity - pins.filter(([k, a]) => k === id || a === id).length);
  const pinnedPer = new Map<string, number>();
  for (const [, a] of pins) {
    const c = byId.get(a)!.country;
    pinnedPer.set(c, (pinnedPer.get(c) ?? 0) + 1);
  }
  kr.forEach((k, i) => (cap[S][2 + i] = left(k, k.id)));
  asean.forEach((a, j) => {
    cap[2 + kr.length + j][2 + kr.length + asean.length + countries.indexOf(a.country)] = left(
      a,
      a.id,
    );
  });
  countries.forEach((c, ci) => {
    cap[2 + kr.length + asean.length + ci][T] = Math.max(0, min - (pinnedPer.get(c) ?? 0));
  });
  kr.forEach((k, i) =>
    asean.forEach((a, j) => {
      const id = key(k.id, a.id);
      if (compatible(input, k, a) && !barred.has(id) && !pinned.has(id)) {
        cap[2 + i][2 + kr.length + j] = 1;
      }
    }),
  );
  let flow = 0;
  for (;;) {
    const prev = new Array<number>(n).fill(-1);
    prev[S] = S;
    const queue = [S];
    while (queue.length > 0 && prev[T] < 0) {
      const u = queue.shift()!;
      for (let v = 0; v < n; v++) {
        if (prev[v] < 0 && cap[u][v] > 0) {
          prev[v] = u;
          queue.push(v);
        }
      }
    }
    if (prev[T] < 0) break;
    for (let v = T; v !== S; v = prev[v]) {
      cap[prev[v]][v]--;
      cap[v][prev[v]]++;
    }
    flow++;
  }
  let pinnedQuota = 0;
  for (const c of countries) pinnedQuota += Math.min(min, pinnedPer.get(c) ?? 0);
  return flow + pinnedQuota;
}

describe('matchPenpals', () => {
  const person = (
    id: string,
    country: Participant['country'],
    age: number,
    extra: Partial<Participant> = {},
  ): Participant => ({
    id,
    country,
    age,
    consentConfirmed: true,
    gender: 'female',
    languages: [{ code: 'en', level: 'fluent' }],
    interests: ['film'],
    ...extra,
  });

  it('pairs compatible people and explains the pair', () => {
    const result = matchPenpals({
      participants: [
        person('k1', 'KR', 16, {
          languages: [
            { code: 'ko', level: 'native' },
            { code: 'en', level: 'conversational' },
          ],
          interests: ['film', 'football', 'music'],
        }),
        person('v1', 'VN', 17, {
          languages: [
            { code: 'vi', level: 'native' },
            { code: 'en', level: 'fluent' },
          ],
          interests: ['football', 'film'],
        }),
      ],
      seed: 1,
    });
    expect(result.pairs).toHaveLength(1);
    expect(result.pairs[0]).toMatchObject({ krId: 'k1', aseanId: 'v1', aseanCountry: 'VN' });
    expect(result.pairs[0].reasons).toEqual([
      'both speak English',
      'both like film and football',
      "age difference within the round's limit",
    ]);
    // language 30 * 2/4 + interests 35 * 2/3 + age 20 * 3/4 + no wishes stated
    expect(result.pairs[0].score).toBe(Math.round(15 + 70 / 3 + 15));
    expect(result.unmatched).toEqual([]);
  });

  it('explains why people stay unmatched', () => {
    const result = matchPenpals({
      participants: [
        person('k-old', 'KR', 29),
        person('k-thai', 'KR', 20, { languages: [{ code: 'th', level: 'basic' }] }),
        person('k-choosy', 'KR', 20, { preferences: { genderPreference: 'male' } }),
        person('k-forbidden', 'KR', 21),
        person('k-late', 'KR', 20, { interests: ['film', 'music'] }),
        person('k-young', 'KR', 19),
        person('k-minor', 'KR', 15, { consentConfirmed: false }),
        person('i-1', 'ID', 20),
      ],
      forbids: [['k-forbidden', 'i-1']],
      rules: { maxAgeGapYears: 2 },
      seed: 3,
    });
    const reason = Object.fromEntries(result.unmatched.map((u) => [u.id, u.reason]));
    expect(reason).toEqual({
      'k-old': 'age_rules',
      'k-thai': 'no_shared_language',
      'k-choosy': 'gender_preference',
      'k-forbidden': 'excluded_pairs',
      'k-minor': 'consent',
      'k-young': 'no_capacity',
    });
    expect(result.pairs.map((p) => [p.krId, p.aseanId])).toEqual([['k-late', 'i-1']]);
    expect(result.stats.unmatchedByReason.consent).toBe(1);
  });

  it('says "no capacity" when every compatible pen pal is taken by a kept pair', () => {
    // i-1 is the only compatible partner, and a pin (a published pair, say) fills its one place.
    const result = matchPenpals({
      participants: [
        person('k-kept', 'KR', 20),
        person('k-left', 'KR', 20),
        person('i-1', 'ID', 20),
      ],
      pins: [['k-kept', 'i-1']],
      seed: 1,
    });
    expect(result.unmatched).toEqual([
      expect.objectContaining({ id: 'k-left', reason: 'no_capacity' }),
    ]);
  });

  it('blames the Korean side for a shortfall only when every Korean place is used', () => {
    // Vietnam's one participant shares no language with anyone; Koreans have room to spare.
    const result = matchPenpals({
      participants: [
        person('k1', 'KR', 20),
        person('v1', 'VN', 20, { languages: [{ code: 'vi', level: 'native' }] }),
      ],
      countryBalance: { minPerCountry: 1 },
      seed: 1,
    });
    const short = Object.fromEntries(result.stats.shortfalls.map((s) => [s.country, s]));
    expect(short.VN).toMatchObject({ achieved: 0, reason: 'too_few_compatible_partners' });

    // One Korean with one place, wanted by Vietnam and Thailand alike: Korean places ran out.
    const full = matchPenpals({
      participants: [person('k1', 'KR', 20), person('v1', 'VN', 20), person('t1', 'TH', 20)],
      countryBalance: { minPerCountry: 1 },
      seed: 1,
    });
    const paired = full.pairs[0].aseanCountry;
    const other = paired === 'VN' ? 'TH' : 'VN';
    expect(full.stats.shortfalls.find((s) => s.country === other)).toMatchObject({
      achieved: 0,
      reason: 'too_few_korean_partners',
    });
  });

  it('meets country minimums before matching more people, and reports shortfalls', () => {
    // Two Koreans; Vietnam offers better-looking pairs, but Brunei has a minimum of one.
    const participants = [
      person('k1', 'KR', 20, { interests: ['film', 'music', 'art'] }),
      person('k2', 'KR', 20, { interests: ['film', 'music', 'art'] }),
      person('v1', 'VN', 20, { interests: ['film', 'music', 'art'] }),
      person('v2', 'VN', 20, { interests: ['film', 'music', 'art'] }),
      person('b1', 'BN', 23, { interests: [] }),
    ];
    const result = matchPenpals({ participants, countryBalance: { minPerCountry: 1 }, seed: 1 });
    expect(result.pairs.map((p) => p.aseanCountry).sort()).toEqual(['BN', 'VN']);
    const short = Object.fromEntries(result.stats.shortfalls.map((s) => [s.country, s]));
    expect(short.VN).toBeUndefined();
    expect(short.ID).toMatchObject({ achieved: 0, shortfall: 1, reason: 'too_few_participants' });
    expect(result.stats.objective.quotaPairs).toBe(2);
  });

  it('puts a missing country pair before an extra matched person', () => {
    // Vietnam's minimum is met by pins, Brunei's is one short; k1 has one place left. Pairing
    // k1 with v3 would match two new people with a better score, k1 with b1 only one.
    const loves = { interests: ['film', 'music', 'art'] };
    const result = matchPenpals({
      participants: [
        person('k1', 'KR', 20, { ...loves, preferences: { capacity: 1 } }),
        person('k3', 'KR', 20, { preferences: { capacity: 1 } }),
        person('k4', 'KR', 20, { preferences: { capacity: 1 } }),
        person('k5', 'KR', 20, { preferences: { capacity: 1 } }),
        person('b1', 'BN', 22, { interests: [] }),
        person('v1', 'VN', 20, { preferences: { capacity: 1 } }),
        person('v2', 'VN', 20, { preferences: { capacity: 1 } }),
        person('v3', 'VN', 20, { ...loves, preferences: { capacity: 1 } }),
      ],
      penpalsPerParticipant: 2,
      countryBalance: { minPerCountry: 2 },
      pins: [
        ['k3', 'b1'],
        ['k4', 'v1'],
        ['k5', 'v2'],
      ],
      seed: 2,
    });
    expect(result.pairs.filter((p) => !p.pinned).map((p) => [p.krId, p.aseanId])).toEqual([
      ['k1', 'b1'],
    ]);
    expect(result.unmatched.map((u) => u.id)).toEqual(['v3']);
  });

  it('puts an extra matched person before a better score', () => {
    const basicEnglish: Participant['languages'] = [{ code: 'en', level: 'basic' }];
    const result = matchPenpals({
      participants: [
        person('k1', 'KR', 20, { interests: ['film', 'music', 'art'] }),
        person('k2', 'KR', 23, { interests: [], gender: 'male', languages: basicEnglish }),
        person('v1', 'VN', 20, { interests: ['film', 'music', 'art'] }),
        person('v2', 'VN', 23, {
          interests: [],
          languages: basicEnglish,
          preferences: { genderPreference: 'female' },
        }),
      ],
      seed: 4,
    });
    expect(result.pairs.map((p) => [p.krId, p.aseanId])).toEqual([
      ['k1', 'v2'],
      ['k2', 'v1'],
    ]);
  });

  it('keeps pins, even against the age gap, but never against safeguarding', () => {
    const result = matchPenpals({
      participants: [
        person('k1', 'KR', 20),
        person('k2', 'KR', 15),
        person('i1', 'ID', 28),
        person('i2', 'ID', 20),
      ],
      pins: [
        ['i1', 'k1'],
        ['k2', 'i2'],
        ['k1', 'nobody'],
      ],
      rules: { maxAgeGapYears: 2 },
      seed: 1,
    });
    expect(result.pairs.find((p) => p.krId === 'k1')).toMatchObject({
      aseanId: 'i1',
      pinned: true,
    });
    expect(result.pairs.some((p) => p.krId === 'k2')).toBe(false);
    expect(result.warnings).toEqual([
      'pin i1-k1 kept although the age gap is too large',
      'pin k2-i2 ignored: a minor is only paired with a minor',
      'pin k1-nobody ignored: nobody is not enrolled',
    ]);
  });

  it('reports progress from 0 to 1 and phase durations', () => {
    const seen: number[] = [];
    const result = matchPenpals({
      participants: [person('k1', 'KR', 20), person('i1', 'ID', 20)],
      onProgress: (f) => seen.push(f),
    });
    expect(seen[seen.length - 1]).toBe(1);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
    expect(Object.keys(result.stats.durationMs)).toEqual([
      'prepare',
      'candidates',
      'solve',
      'report',
      'total',
    ]);
  });

  it('reports progress during candidate generation, not only at its end', () => {
    const seen: number[] = [];
    const participants = [
      ...Array.from({ length: 5000 }, (_, i) => person(`k${i}`, 'KR', 20 + (i % 5))),
      ...Array.from({ length: 5000 }, (_, i) => person(`a${i}`, 'ID', 20 + (i % 5))),
    ];
    matchPenpals({ participants, onProgress: (f) => seen.push(f) });
    const during = seen.filter((f) => f > 0.05 && f < 0.3);
    expect(during.length).toBeGreaterThanOrEqual(2);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
  });

  it('rejects malformed input', () => {
    expect(() =>
      matchPenpals({ participants: [person('x', 'KR', 20), person('x', 'ID', 20)] }),
    ).toThrow('appears twice');
    expect(() => matchPenpals({ participants: [person('x', 'JP' as 'KR', 20)] })).toThrow(
      'unknown country',
    );
    expect(() => matchPenpals({ participants: [], penpalsPerParticipant: 0 })).toThrow(
      'penpalsPerParticipant',
    );
  });

  it('holds every hard rule, capacity, pin and exclusion on random instances', () => {
    fc.assert(
      fc.property(instanceArb({ maxPerSide: 9, quotas: true }), (input) => {
        checkResult(input, matchPenpals(input));
      }),
      { numRuns: 250, seed: 7 },
    );
  });

  it('meets the country minimums whenever they can be met', () => {
    fc.assert(
      fc.property(instanceArb({ maxPerSide: 8, quotas: true }), (input) => {
        const result = matchPenpals(input);
        const best = maxQuotaPairs(input);
        expect(result.stats.objective.quotaPairs).toBe(best);
        const min = input.countryBalance?.minPerCountry ?? 0;
        if (best === 10 * min) expect(result.stats.shortfalls).toEqual([]);
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('is deterministic and ignores the order of the participants', () => {
    fc.assert(
      fc.property(
        instanceArb({ maxPerSide: 8, quotas: true }),
        fc.integer(),
        (input, shuffleSeed) => {
          const first = matchPenpals(input);
          expect(stripTimes(matchPenpals(input))).toEqual(stripTimes(first));
          const shuffled = [...input.participants];
          let s = shuffleSeed >>> 0;
          for (let i = shuffled.length - 1; i > 0; i--) {
            s = (Math.imul(s, 1103515245) + 12345) >>> 0;
            const j = s % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
          }
          const again = matchPenpals({ ...input, participants: shuffled });
          expect(again.pairs).toEqual(first.pairs);
        },
      ),
      { numRuns: 80, seed: 13 },
    );
  });

  it.each([
    ['the default solver', 2, undefined, 17],
    ['cost scaling, with up to three pen pals', 3, 'cost-scaling', 31],
  ] as const)(
    'reaches the exhaustive optimum on tiny instances: %s',
    (_, maxPenpals, solver, seed) => {
      fc.assert(
        fc.property(instanceArb({ maxPerSide: 4, quotas: true, maxPenpals }), (input) => {
          const expected = exhaustiveOptimum(input);
          const tuning = solver === undefined ? input.tuning : { ...input.tuning, solver };
          const got = matchPenpals({ ...input, tuning }).stats.objective;
          if (solver !== undefined) expect(got.method).toBe(solver);
          expect({
            quotaPairs: got.quotaPairs,
            matchedPeople: got.matchedPeople,
            totalScore: got.totalScore,
          }).toEqual(expected);
        }),
        { numRuns: 250, seed },
      );
    },
  );

  it('matches an independent Hungarian algorithm without quotas, capacity one', () => {
    fc.assert(
      fc.property(
        instanceArb({ maxPerSide: 30, quotas: false, capacityOne: true, lists: false }),
        (input) => {
          const kr = input.participants.filter((p) => p.country === 'KR');
          const asean = input.participants.filter((p) => p.country !== 'KR');
          const n = Math.max(kr.length, asean.length);
          const big = 1000 * (n + 1);
          const profit = Array.from({ length: n }, (_, i) =>
            Array.from({ length: n }, (_, j) =>
              i < kr.length && j < asean.length && compatible(input, kr[i], asean[j])
                ? big + referenceScore(input, kr[i], asean[j])
                : 0,
            ),
          );
          const rowToCol = hungarianMax(profit);
          let pairs = 0;
          let score = 0;
          rowToCol.forEach((j, i) => {
            if (profit[i][j] > 0) {
              pairs++;
              score += profit[i][j] - big;
            }
          });
          const got = matchPenpals(input).stats.objective;
          expect(got.matchedPeople).toBe(2 * pairs);
          expect(got.totalScore).toBe(score);
        },
      ),
      { numRuns: 60, seed: 19 },
    );
  });

  it('gets the same optimum from the auction and from the network simplex', () => {
    let byAuction = 0;
    fc.assert(
      fc.property(instanceArb({ maxPerSide: 12, quotas: true, capacityOne: true }), (input) => {
        const solve = (solver: 'assignment' | 'network-simplex') =>
          matchPenpals({ ...input, tuning: { ...input.tuning, solver } }).stats.objective;
        const auction = solve('assignment');
        const simplex = solve('network-simplex');
        expect(simplex.method).toBe('network-simplex');
        if (auction.method === 'assignment') byAuction++;
        const { method: _a, ...auctionValues } = auction;
        const { method: _b, ...simplexValues } = simplex;
        expect(auctionValues).toEqual(simplexValues);
      }),
      { numRuns: 200, seed: 23 },
    );
    // The quota certificate must hold nearly always, or the fast path would be pointless.
    expect(byAuction).toBeGreaterThan(180);
  });

  it('gets the same optimum from cost scaling and the network simplex, with up to three pen pals', () => {
    let several = 0;
    fc.assert(
      fc.property(instanceArb({ maxPerSide: 12, quotas: true, maxPenpals: 3 }), (input) => {
        const solve = (solver: 'cost-scaling' | 'network-simplex') =>
          matchPenpals({ ...input, tuning: { ...input.tuning, solver } });
        const scaling = solve('cost-scaling');
        checkResult(input, scaling);
        const { method: a, ...scalingValues } = scaling.stats.objective;
        const { method: b, ...simplexValues } = solve('network-simplex').stats.objective;
        expect([a, b]).toEqual(['cost-scaling', 'network-simplex']);
        expect(scalingValues).toEqual(simplexValues);
        if ((input.penpalsPerParticipant ?? 1) > 1) several++;
      }),
      { numRuns: 200, seed: 29 },
    );
    expect(several).toBeGreaterThan(100);
  });

  it('solves rounds with two pen pals each by cost scaling on small weights, any solver when told', () => {
    const input: MatchingInput = {
      participants: [person('k1', 'KR', 20), person('i1', 'ID', 20), person('i2', 'ID', 21)],
      penpalsPerParticipant: 2,
    };
    const auto = runMatching(input);
    expect(auto.solved.method).toBe('cost-scaling');
    expect(auto.solved.smallWeights).toBe(true);
    expect(auto.result.pairs).toHaveLength(2);
    for (const solver of ['cost-scaling', 'network-simplex'] as const) {
      const forced = runMatching({ ...input, tuning: { solver } });
      expect(forced.solved.method).toBe(solver);
      expect(forced.solved.smallWeights).toBe(false);
      expect(forced.solved.flowCost).toBe(auto.solved.flowCost);
    }
  });

  it('gets the simplex optimum from the small weights with several pen pals, quotas and pins', () => {
    let certified = 0;
    fc.assert(
      fc.property(instanceArb({ maxPerSide: 12, quotas: true, maxPenpals: 3 }), (input) => {
        if ((input.penpalsPerParticipant ?? 1) < 2) return;
        const auto = runMatching(input);
        checkResult(input, auto.result);
        const simplex = runMatching({
          ...input,
          tuning: { ...input.tuning, solver: 'network-simplex' },
        });
        if (auto.solved.smallWeights) certified++;
        const { method: _a, ...autoValues } = auto.result.stats.objective;
        const { method: _b, ...simplexValues } = simplex.result.stats.objective;
        expect(autoValues).toEqual(simplexValues);
      }),
      { numRuns: 300, seed: 31 },
    );
    // The certificate must hold nearly always, or the fast path would be pointless.
    expect(certified).toBeGreaterThan(100);
  });

  it('keeps the flow optimum consistent with the reported objective', () => {
    const run = runMatching({
      participants: [
        person('k1', 'KR', 20),
        person('k2', 'KR', 21),
        person('i1', 'ID', 20),
        person('b1', 'BN', 22),
      ],
      countryBalance: { minPerCountry: 1 },
      seed: 5,
    });
    const { objective } = run.result.stats;
    expect(objective.flowCost).toBe(run.solved.flowCost);
    expect(objective.quotaPairs).toBe(2);
    expect(objective.matchedPeople).toBe(4);
  });
});
