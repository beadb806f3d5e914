import {
  DEFAULT_CANDIDATE_OPTIONS,
  generateCandidates,
  type CandidateGraph,
  type RunDirection,
} from './candidates';
import { prepare, type Prepared } from './prepare';
import { countryShortfalls } from './quotas';
import { pairFacts, renderReasons } from './reasons';
import { makeScorer, resolveWeights, scoreTables, type PairScorer } from './scoring';
import { solveMatching, type OffloadMatching, type SolvedMatching } from './solve';
import type { OffloadFlow } from './solve-capacity';
import {
  MatchingInputError,
  UNMATCHED_REASONS,
  type AseanCountry,
  type CountryCode,
  type MatchedPair,
  type MatchingInput,
  type MatchingResult,
  type UnmatchedReason,
} from './types';
import { diagnoseUnmatched } from './unmatched';
import { COUNTRY_SLOTS, KR_SLOT, slotCountry } from './vocabulary';

/** Everything a run computes before reporting, exposed for tests and benchmarks. */
export interface MatchingRun {
  prep: Prepared;
  scorer: PairScorer;
  graph: CandidateGraph;
  solved: SolvedMatching;
  result: MatchingResult;
}

/**
 * Work the engine may hand to a second thread. The engine stays pure: the caller owns the
 * thread (src/penpal/matching-helper.ts), and the result is the same with or without it.
 */
export interface EngineHelper {
  /** runs the ASEAN participants' candidate selection while the engine runs the Koreans' */
  candidates: RunDirection;
  /** solves one part of a split matching problem while the engine solves the other */
  matching: OffloadMatching;
  /** the same for the flow networks of rounds with several pen pals each */
  flow: OffloadFlow;
}

/**
 * Proposes pen-pal pairs between Korean and ASEAN participants. Pure: plain data in, plain
 * data out, no I/O. Pins are kept; then, exactly on the candidate graph, the pairs counted
 * towards the country minimums are maximised, then the number of people with a pen pal, then
 * the total score. The same input and seed give the same result.
 */
export function matchPenpals(input: MatchingInput, helper?: EngineHelper): MatchingResult {
  return runMatching(input, helper).result;
}

export function runMatching(input: MatchingInput, helper?: EngineHelper): MatchingRun {
  const progress = input.onProgress ?? (() => undefined);
  const t0 = performance.now();
  const prep = prepare(input);
  const tables = scoreTables(resolveWeights(input.weights), prep.rules.maxAgeGapYears);
  const scorer = makeScorer(prep, tables);
  progress(0.05);

  const t1 = performance.now();
  const tuning = input.tuning ?? {};
  const k = tuning.candidatesPerPerson ?? DEFAULT_CANDIDATE_OPTIONS.k;
  const sampleFactor = tuning.sampleFactor ?? DEFAULT_CANDIDATE_OPTIONS.sampleFactor;
  const scarceFactor = tuning.scarceCountryFactor ?? DEFAULT_CANDIDATE_OPTIONS.scarceFactor;
  for (const [name, v] of [
    ['candidatesPerPerson', k],
    ['sampleFactor', sampleFactor],
    ['scarceCountryFactor', scarceFactor],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) {
      throw new MatchingInputError(`tuning.${name} must be a positive integer`);
    }
  }
  const graph = generateCandidates(
    prep,
    tables,
    { k, sampleFactor, scarceFactor, onProgress: (f) => progress(0.05 + 0.25 * f) },
    helper?.candidates,
  );
  progress(0.3);

  const t2 = performance.now();
  const solved = solveMatching(
    prep,
    graph,
    (f) => progress(0.3 + 0.6 * f),
    tuning.solver,
    helper?.matching,
    helper?.flow,
  );
  const t3 = performance.now();

  const result = report(prep, scorer, graph, solved);
  const t4 = performance.now();
  result.stats.durationMs = {
    prepare: Math.round(t1 - t0),
    candidates: Math.round(t2 - t1),
    solve: Math.round(t3 - t2),
    report: Math.round(t4 - t3),
    total: Math.round(t4 - t0),
  };
  progress(1);
  return { prep, scorer, graph, solved, result };
}

function perCountry(values: ArrayLike<number>): Record<CountryCode, number> {
  const out = {} as Record<CountryCode, number>;
  for (let c = 0; c < COUNTRY_SLOTS; c++) out[slotCountry(c)] = values[c];
  return out;
}

function report(
  prep: Prepared,
  scorer: PairScorer,
  graph: CandidateGraph,
  solved: SolvedMatching,
): MatchingResult {
  const { kr, asean } = prep;
  const krPairs = new Int32Array(kr.count);
  const aseanPairs = new Int32Array(asean.count);
  const pairsPerCountry = new Int32Array(COUNTRY_SLOTS);
  const pairs: MatchedPair[] = [];
  const scores: number[] = [];
  const add = (k: number, a: number, score: number, pinned: boolean): void => {
    const facts = pairFacts(prep, k, a);
    krPairs[k]++;
    aseanPairs[a]++;
    pairsPerCountry[asean.country[a]]++;
    pairsPerCountry[KR_SLOT]++;
    scores.push(score);
    pairs.push({
      krId: kr.participants[k].id,
      aseanId: asean.participants[a].id,
      aseanCountry: asean.participants[a].country as AseanCountry,
      score,
      reasons: renderReasons(facts, 'en'),
      facts,
      pinned,
    });
  };
  for (let i = 0; i < prep.pinKr.length; i++) {
    add(prep.pinKr[i], prep.pinAsean[i], scorer(prep.pinKr[i], prep.pinAsean[i]), true);
  }
  for (let i = 0; i < solved.kr.length; i++)
    add(solved.kr[i], solved.asean[i], solved.score[i], false);
  checkSolution(prep, solved, krPairs, aseanPairs);
  pairs.sort((x, y) =>
    x.krId < y.krId
      ? -1
      : x.krId > y.krId
        ? 1
        : x.aseanId < y.aseanId
          ? -1
          : x.aseanId > y.aseanId
            ? 1
            : 0,
  );

  const krMatched = krPairs.map((n) => (n > 0 ? 1 : 0));
  const aseanMatched = aseanPairs.map((n) => (n > 0 ? 1 : 0));
  const matchedPerCountry = new Int32Array(COUNTRY_SLOTS);
  krMatched.forEach((m) => (matchedPerCountry[KR_SLOT] += m));
  aseanMatched.forEach((m, a) => (matchedPerCountry[asean.country[a]] += m));
  const matchedPeople = matchedPerCountry.reduce((x, y) => x + y, 0);

  const unmatched = diagnoseUnmatched(
    prep,
    graph,
    Uint8Array.from(krMatched),
    Uint8Array.from(aseanMatched),
  );
  const unmatchedByReason = Object.fromEntries(UNMATCHED_REASONS.map((r) => [r, 0])) as Record<
    UnmatchedReason,
    number
  >;
  for (const u of unmatched) unmatchedByReason[u.reason]++;

  const min = prep.minPerCountry;
  let quotaPairs = 0;
  let shortfall = 0;
  for (let c = 0; c < KR_SLOT; c++) {
    quotaPairs += Math.min(pairsPerCountry[c], min);
    shortfall += Math.max(0, min - pairsPerCountry[c]);
  }
  const totalScore = scores.reduce((x, y) => x + y, 0);
  const sorted = [...scores].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  const median =
    sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  let eligible = 0;
  for (const side of [kr, asean]) for (let i = 0; i < side.count; i++) eligible += side.eligible[i];

  return {
    pairs,
    unmatched,
    warnings: prep.warnings,
    stats: {
      enrolled: kr.count + asean.count + prep.withoutConsent.length,
      eligible,
      matchedPeople,
      unmatchedPeople: unmatched.length,
      pairs: pairs.length,
      pinnedPairs: prep.pinKr.length,
      pairsByCountry: perCountry(pairsPerCountry),
      enrolledByCountry: perCountry(prep.enrolledPerCountry),
      matchedByCountry: perCountry(matchedPerCountry),
      minPerCountry: min,
      shortfalls: countryShortfalls(prep, pairsPerCountry, krPairs),
      unmatchedByReason,
      meanScore: scores.length === 0 ? 0 : Math.round((totalScore / scores.length) * 100) / 100,
      medianScore: median,
      candidateEdges: graph.edges,
      objective: {
        quotaPairs,
        shortfall,
        matchedPeople,
        totalScore,
        flowCost: solved.flowCost,
        method: solved.method,
        quotaWeight: solved.quotaWeight,
        personWeight: solved.personWeight,
      },
      durationMs: { prepare: 0, candidates: 0, solve: 0, report: 0, total: 0 },
    },
  };
}

/**
 * Guards against a construction bug: capacities hold, no barred pair appears, and the flow's
 * cost is exactly what the pairs it encodes are worth under the big-M weights.
 */
function checkSolution(
  prep: Prepared,
  solved: SolvedMatching,
  krPairs: Int32Array,
  aseanPairs: Int32Array,
): void {
  const { kr, asean } = prep;
  for (const [side, count] of [
    [kr, krPairs],
    [asean, aseanPairs],
  ] as const) {
    for (let i = 0; i < side.count; i++) {
      if (count[i] - side.pinned[i] > side.remaining[i]) {
        throw new Error(`matching exceeded the capacity of ${side.participants[i].id}`);
      }
    }
  }
  const newPerCountry = new Int32Array(KR_SLOT);
  let cost = 0;
  for (let i = 0; i < solved.kr.length; i++) {
    const k = solved.kr[i];
    const a = solved.asean[i];
    if (prep.barred.has(k * asean.count + a)) throw new Error('matching made a barred pair');
    newPerCountry[asean.country[a]]++;
    cost -= solved.score[i];
  }
  const { personWeight, quotaWeight } = solved;
  for (let c = 0; c < KR_SLOT; c++) {
    const cap = Math.max(0, prep.minPerCountry - prep.pinnedPerCountry[c]);
    cost -= quotaWeight * Math.min(newPerCountry[c], cap);
  }
  for (const [side, count] of [
    [kr, krPairs],
    [asean, aseanPairs],
  ] as const) {
    for (let i = 0; i < side.count; i++) {
      if (side.pinned[i] === 0 && count[i] > 0) cost -= personWeight;
    }
  }
  if (cost !== solved.flowCost) {
    throw new Error(`flow cost ${solved.flowCost} does not match the pairs it encodes (${cost})`);
  }
}
