import {
  genderCompatible,
  type FeatureLayout,
  type Prepared,
  type ResolvedRules,
  type Side,
} from './prepare';
import { Rng } from './rng';
import { makeScorer, MAX_SCORE, type PairScorer, type ScoreTables } from './scoring';
import { COUNTRY_SLOTS, KR_SLOT } from './vocabulary';

/**
 * Sparse candidate graph. Scoring every Korean against every ASEAN participant is 10^10 pairs
 * at 100,000 a side, so each person only looks at counterparts in the blocks that can be
 * compatible with them (same minor status, age within the gap, a shared language), and keeps
 * the k best it finds: all of the blocks when they are small, otherwise a systematic sample of
 * 4k of them from a seeded offset (a third of the draws from preferred countries when the
 * person named some).
 * Everything found here satisfies every hard rule, so the solver only has to choose.
 *
 * Country minimums must stay reachable: people from a country whose capacity is barely enough
 * for its minimum ("scarce") keep scarceCountryFactor * k candidates, chosen from their whole
 * block rather than a sample.
 *
 * The graph is the union of both sides' lists, stored by Korean participant (CSR).
 */
export interface CandidateGraph {
  /** edges of Korean k are [start[k], start[k + 1]) */
  start: Int32Array;
  asean: Int32Array;
  score: Uint8Array;
  edges: number;
}

export interface CandidateOptions {
  k: number;
  sampleFactor: number;
  scarceFactor: number;
  /** upper bound of block members examined for one scarce-country person */
  enumerateLimit: number;
  /** called with the fraction of people done, every few thousand people */
  onProgress?: (fraction: number) => void;
}

export const DEFAULT_CANDIDATE_OPTIONS: CandidateOptions = {
  k: 50,
  sampleFactor: 4,
  scarceFactor: 4,
  enumerateLimit: 50_000,
};

/** Index of one side's people by (minor, age, language, country). */
export interface Blocks {
  ageLo: number;
  ages: number;
  langSlots: number;
  start: Int32Array;
  members: Int32Array;
}

export function blockId(
  b: Blocks,
  minor: number,
  age: number,
  lang: number,
  country: number,
): number {
  return ((minor * b.ages + (age - b.ageLo)) * b.langSlots + lang) * COUNTRY_SLOTS + country;
}

/** People of a side for whom include(i) holds, by block; one entry per language spoken. */
export function buildBlocks(prep: Prepared, side: Side, include: (i: number) => boolean): Blocks {
  const byLanguage = prep.rules.requireSharedLanguage;
  let ageLo = Infinity;
  let ageHi = -Infinity;
  for (let i = 0; i < side.count; i++) {
    if (!include(i)) continue;
    if (side.age[i] < ageLo) ageLo = side.age[i];
    if (side.age[i] > ageHi) ageHi = side.age[i];
  }
  if (ageLo > ageHi) {
    ageLo = 0;
    ageHi = 0;
  }
  const b: Blocks = {
    ageLo,
    ages: ageHi - ageLo + 1,
    langSlots: byLanguage ? Math.max(1, prep.languages.length) : 1,
    start: new Int32Array(0),
    members: new Int32Array(0),
  };
  const total = 2 * b.ages * b.langSlots * COUNTRY_SLOTS;
  const counts = new Int32Array(total + 1);
  const each = (fn: (id: number, person: number) => void): void => {
    for (let i = 0; i < side.count; i++) {
      if (!include(i)) continue;
      if (!byLanguage) {
        fn(blockId(b, side.minor[i], side.age[i], 0, side.country[i]), i);
        continue;
      }
      for (let j = side.langStart[i]; j < side.langStart[i + 1]; j++) {
        fn(blockId(b, side.minor[i], side.age[i], side.langList[j], side.country[i]), i);
      }
    }
  };
  each((id) => counts[id + 1]++);
  for (let i = 0; i < total; i++) counts[i + 1] += counts[i];
  const fill = counts.slice(0, total);
  const members = new Int32Array(counts[total]);
  each((id, person) => (members[fill[id]++] = person));
  b.start = counts;
  b.members = members;
  return b;
}

/** (Korean, ASEAN, score) triples; what a helper thread sends back is this, not the class. */
export interface EdgeTriples {
  from: Int32Array;
  to: Int32Array;
  score: Uint8Array;
  length: number;
}

/** Growable (from, to, score) triples. */
export class EdgeBuffer implements EdgeTriples {
  from: Int32Array;
  to: Int32Array;
  score: Uint8Array;
  length = 0;

  constructor(expected: number) {
    const size = Math.max(16, expected);
    this.from = new Int32Array(size);
    this.to = new Int32Array(size);
    this.score = new Uint8Array(size);
  }

  push(from: number, to: number, score: number): void {
    if (this.length === this.from.length) {
      const size = this.length * 2;
      const f = new Int32Array(size);
      f.set(this.from);
      this.from = f;
      const t = new Int32Array(size);
      t.set(this.to);
      this.to = t;
      const s = new Uint8Array(size);
      s.set(this.score);
      this.score = s;
    }
    this.from[this.length] = from;
    this.to[this.length] = to;
    this.score[this.length] = score;
    this.length++;
  }
}

/** Countries whose people need most of their capacity to reach the minimum. */
export function scarceCountries(prep: Prepared): Uint8Array {
  const scarce = new Uint8Array(COUNTRY_SLOTS);
  if (prep.minPerCountry === 0) return scarce;
  const capacity = new Float64Array(COUNTRY_SLOTS);
  const A = prep.asean;
  for (let i = 0; i < A.count; i++) capacity[A.country[i]] += A.remaining[i];
  for (let c = 0; c < KR_SLOT; c++) {
    const needed = prep.minPerCountry - prep.pinnedPerCountry[c];
    if (needed > 0 && capacity[c] <= 3 * needed) scarce[c] = 1;
  }
  return scarce;
}

/** The parts of a side that candidate selection reads: typed arrays, which cross threads. */
export type SideView = Pick<
  Side,
  | 'count'
  | 'age'
  | 'minor'
  | 'gender'
  | 'genderPref'
  | 'country'
  | 'prefCountries'
  | 'remaining'
  | 'langStart'
  | 'langList'
  | 'features'
>;

/**
 * One direction of candidate selection (Koreans choosing among ASEAN participants, or the
 * reverse) as plain data: the engine runs one direction itself and hands the other to a helper
 * thread when it has one.
 */
export interface DirectionTask {
  fromKr: boolean;
  kr: SideView;
  asean: SideView;
  /** blocks of the side chosen from */
  blocks: Blocks;
  rules: ResolvedRules;
  layout: FeatureLayout;
  langWords: number;
  interestWords: number;
  tables: ScoreTables;
  opts: Omit<CandidateOptions, 'onProgress'>;
  scarce: Uint8Array;
  /** people of the choosing side with a barred pair */
  hasBarred: Uint8Array;
  /** barred pair keys (kr * aseanCount + asean) */
  barred: Float64Array;
  seed: number;
  /** room to reserve for the edges */
  expected: number;
}

/** The typed arrays of a side, without its participant objects (which need not cross). */
function sideView(s: Side): SideView {
  return {
    count: s.count,
    age: s.age,
    minor: s.minor,
    gender: s.gender,
    genderPref: s.genderPref,
    country: s.country,
    prefCountries: s.prefCountries,
    remaining: s.remaining,
    langStart: s.langStart,
    langList: s.langList,
    features: s.features,
  };
}

/** Runs one direction; the triples are always (Korean, ASEAN, score). */
export function selectDirection(
  task: DirectionTask,
  onProgress?: (fraction: number) => void,
  // One scorer for both directions in one thread keeps its call site monomorphic (faster).
  scorer: PairScorer = makeScorer(task, task.tables),
  barred: Set<number> = new Set(task.barred),
): EdgeBuffer {
  const out = new EdgeBuffer(task.expected);
  const { fromKr, blocks, opts, scarce, hasBarred } = task;
  const from = fromKr ? task.kr : task.asean;
  const to = fromKr ? task.asean : task.kr;
  const rng = new Rng(task.seed);
  const { start, members } = blocks;
  const gap = task.rules.maxAgeGapYears;
  const byLanguage = task.rules.requireSharedLanguage;
  const minorSlots = task.rules.minorsOnlyWithMinors ? 1 : 2;
  const nA = task.asean.count;
  const countryLo = fromKr ? 0 : KR_SLOT;
  const countryHi = fromKr ? KR_SLOT : COUNTRY_SLOTS;
  const fromGender = from.gender;
  const fromPref = from.genderPref;
  const toFeatures = to.features;
  const { stride, gender: genderAt, genderPref: genderPrefAt } = task.layout;

  const stamp = new Int32Array(to.count).fill(-1);
  const maxBlocks = minorSlots * (2 * gap + 1) * blocks.langSlots * COUNTRY_SLOTS;
  const blockList = new Int32Array(maxBlocks);
  const cum = new Int32Array(maxBlocks + 1);
  const prefList = new Int32Array(maxBlocks);
  const prefCum = new Int32Array(maxBlocks + 1);
  let candTo = new Int32Array(1024);
  let candScore = new Uint8Array(1024);
  const histogram = new Int32Array(MAX_SCORE + 2);

  // Per-person state read by consider(); kept outside the loop so no closure is made per person.
  let p = 0;
  let found = 0;
  let checkBarred = false;
  const consider = (q: number): void => {
    if (stamp[q] === p) return;
    stamp[q] = p;
    const qb = q * stride;
    if (
      !genderCompatible(
        fromGender[p],
        fromPref[p],
        toFeatures[qb + genderAt],
        toFeatures[qb + genderPrefAt],
      )
    ) {
      return;
    }
    const kr = fromKr ? p : q;
    const as = fromKr ? q : p;
    if (checkBarred && barred.has(kr * nA + as)) return;
    candTo[found] = q;
    candScore[found] = scorer(kr, as);
    found++;
  };
  // Systematic sampling: evenly spaced positions from a random offset over the concatenated
  // blocks, walked in order, so each draw costs O(1) instead of a search.
  const sample = (list: Int32Array, cumul: Int32Array, count: number, draws: number): void => {
    const total = cumul[count];
    if (draws <= 0 || total === 0) return;
    const step = total / draws;
    let pos = (rng.nextUint32() / 4294967296) * step;
    let b = 0;
    for (let d = 0; d < draws; d++) {
      const at = Math.floor(pos);
      while (cumul[b + 1] <= at) b++;
      consider(members[start[list[b]] + (at - cumul[b])]);
      pos += step;
    }
  };

  for (p = 0; p < from.count; p++) {
    if (onProgress && (p & 4095) === 0) onProgress(p / from.count);
    if (from.remaining[p] === 0) continue;
    const age = from.age[p];
    let nBlocks = 0;
    let nPref = 0;
    cum[0] = 0;
    prefCum[0] = 0;
    const prefs = from.prefCountries[p];
    const langLo = byLanguage ? from.langStart[p] : 0;
    const langHi = byLanguage ? from.langStart[p + 1] : 1;
    const aLo = Math.max(age - gap, blocks.ageLo);
    const aHi = Math.min(age + gap, blocks.ageLo + blocks.ages - 1);
    for (let ms = 0; ms < minorSlots; ms++) {
      const minor = minorSlots === 1 ? from.minor[p] : ms;
      for (let a = aLo; a <= aHi; a++) {
        for (let j = langLo; j < langHi; j++) {
          const lang = byLanguage ? from.langList[j] : 0;
          const base = blockId(blocks, minor, a, lang, 0);
          for (let c = countryLo; c < countryHi; c++) {
            const id = base + c;
            const size = start[id + 1] - start[id];
            if (size === 0) continue;
            blockList[nBlocks] = id;
            cum[nBlocks + 1] = cum[nBlocks] + size;
            nBlocks++;
            if ((prefs >>> c) & 1) {
              prefList[nPref] = id;
              prefCum[nPref + 1] = prefCum[nPref] + size;
              nPref++;
            }
          }
        }
      }
    }
    const pool = cum[nBlocks];
    if (pool === 0) continue;

    const isScarce = !fromKr && scarce[from.country[p]] === 1;
    const k = isScarce ? opts.k * opts.scarceFactor : opts.k;
    const target = opts.sampleFactor * k;
    const enumerate = isScarce ? pool <= opts.enumerateLimit : pool <= 2 * target;
    const room = enumerate ? pool : target;
    if (candTo.length < room) {
      candTo = new Int32Array(room);
      candScore = new Uint8Array(room);
    }
    checkBarred = hasBarred[p] === 1;
    found = 0;
    if (enumerate) {
      for (let b = 0; b < nBlocks; b++) {
        const id = blockList[b];
        for (let i = start[id]; i < start[id + 1]; i++) consider(members[i]);
      }
    } else {
      // A third of the draws from the preferred countries when the person named some.
      const fromPreferred = nPref > 0 ? Math.min(Math.floor(target / 3), prefCum[nPref]) : 0;
      sample(prefList, prefCum, nPref, fromPreferred);
      sample(blockList, cum, nBlocks, target - fromPreferred);
    }
    if (found === 0) continue;

    // Top-k by score without sorting: scores are small integers, so find the threshold score
    // from a histogram; ties at the threshold go to the earliest (seed-ordered) candidates.
    let threshold = 0;
    let atThreshold = found;
    if (found > k) {
      histogram.fill(0);
      for (let i = 0; i < found; i++) histogram[candScore[i]]++;
      let above = 0;
      threshold = MAX_SCORE;
      while (threshold > 0 && above + histogram[threshold] < k) above += histogram[threshold--];
      atThreshold = k - above;
    }
    for (let i = 0; i < found; i++) {
      const s = candScore[i];
      if (s < threshold) continue;
      if (s === threshold && found > k) {
        if (atThreshold === 0) continue;
        atThreshold--;
      }
      if (fromKr) out.push(p, candTo[i], s);
      else out.push(candTo[i], p, s);
    }
  }
  return out;
}

/**
 * Hands a direction to another thread; the returned function waits for its edges, ordered by
 * Korean participant (groupByKr). Null when the thread cannot take it: the engine runs it.
 */
export type RunDirection = (task: DirectionTask) => (() => EdgeTriples) | null;

export function generateCandidates(
  prep: Prepared,
  tables: ScoreTables,
  options: Partial<CandidateOptions> = {},
  elsewhere?: RunDirection,
): CandidateGraph {
  const { onProgress, ...opts } = { ...DEFAULT_CANDIDATE_OPTIONS, ...options };
  const { kr, asean } = prep;
  const rng = prep.rng.fork(2);
  const scarce = scarceCountries(prep);
  const krBarred = new Uint8Array(kr.count);
  const aseanBarred = new Uint8Array(asean.count);
  for (const key of prep.barred) {
    krBarred[Math.floor(key / asean.count)] = 1;
    aseanBarred[key % asean.count] = 1;
  }
  // Every list holds at most its k, so these bounds avoid regrowing millions of triples.
  let krExpected = 0;
  for (let i = 0; i < kr.count; i++) if (kr.remaining[i] > 0) krExpected += opts.k;
  let aseanExpected = 0;
  for (let i = 0; i < asean.count; i++) {
    if (asean.remaining[i] > 0)
      aseanExpected += scarce[asean.country[i]] ? opts.k * opts.scarceFactor : opts.k;
  }
  const common = {
    kr: sideView(kr),
    asean: sideView(asean),
    rules: prep.rules,
    layout: prep.layout,
    langWords: prep.langWords,
    interestWords: prep.interestWords,
    tables,
    opts,
    scarce,
    barred: Float64Array.from(prep.barred),
  };
  const krTask: DirectionTask = {
    ...common,
    fromKr: true,
    blocks: buildBlocks(prep, asean, (i) => asean.remaining[i] > 0),
    hasBarred: krBarred,
    seed: rng.nextUint32(),
    expected: krExpected,
  };
  const aseanTask: DirectionTask = {
    ...common,
    fromKr: false,
    blocks: buildBlocks(prep, kr, (i) => kr.remaining[i] > 0),
    hasBarred: aseanBarred,
    seed: rng.nextUint32(),
    expected: aseanExpected,
  };
  const scorer = makeScorer(prep, tables);
  const pending = elsewhere?.(aseanTask) ?? null;
  if (pending !== null) {
    // The helper runs the ASEAN side while this thread runs the Korean side; both are about
    // half the work, so this thread's progress stands for the whole phase.
    const fromKr = selectDirection(krTask, onProgress, scorer, prep.barred);
    return toCsr(kr.count, asean.count, [fromKr, pending()]);
  }
  // Half the work is each side's people: report so a long phase still shows movement.
  const krProgress = onProgress && ((f: number) => onProgress(0.5 * f));
  const aseanProgress = onProgress && ((f: number) => onProgress(0.5 + 0.5 * f));
  const fromKr = selectDirection(krTask, krProgress, scorer, prep.barred);
  const fromAsean = selectDirection(aseanTask, aseanProgress, scorer, prep.barred);
  return toCsr(kr.count, asean.count, [fromKr, groupByKr(fromAsean, kr.count)]);
}

/**
 * The same triples ordered by Korean participant (a stable counting sort). The ASEAN side's
 * lists come out grouped by ASEAN participant; the helper thread sorts its own before sending.
 */
export function groupByKr(t: EdgeTriples, nKr: number): EdgeTriples {
  const at = new Int32Array(nKr + 1);
  for (let i = 0; i < t.length; i++) at[t.from[i] + 1]++;
  for (let k = 0; k < nKr; k++) at[k + 1] += at[k];
  const from = new Int32Array(t.length);
  const to = new Int32Array(t.length);
  const score = new Uint8Array(t.length);
  for (let i = 0; i < t.length; i++) {
    const j = at[t.from[i]]++;
    from[j] = t.from[i];
    to[j] = t.to[i];
    score[j] = t.score[i];
  }
  return { from, to, score, length: t.length };
}

/**
 * Merges two lists of triples, each ordered by Korean participant, into the graph, dropping
 * the pairs both sides proposed (per Korean, the Korean's own list first).
 */
function toCsr(nKr: number, nAsean: number, lists: EdgeTriples[]): CandidateGraph {
  const seen = new Int32Array(nAsean).fill(-1);
  const total = lists.reduce((sum, t) => sum + t.length, 0);
  const start = new Int32Array(nKr + 1);
  const asean = new Int32Array(total);
  const score = new Uint8Array(total);
  const at = new Int32Array(lists.length);
  let edges = 0;
  for (let k = 0; k < nKr; k++) {
    start[k] = edges;
    for (let l = 0; l < lists.length; l++) {
      const t = lists[l];
      let i = at[l];
      for (; i < t.length && t.from[i] === k; i++) {
        const a = t.to[i];
        if (seen[a] === k) continue;
        seen[a] = k;
        asean[edges] = a;
        score[edges] = t.score[i];
        edges++;
      }
      at[l] = i;
    }
  }
  lists.forEach((t, l) => {
    if (at[l] !== t.length) throw new Error('candidate lists are not ordered by Korean');
  });
  start[nKr] = edges;
  // Views, not copies: the few dropped duplicates are not worth faulting in fresh pages.
  return { start, asean: asean.subarray(0, edges), score: score.subarray(0, edges), edges };
}
