import { FlowNetwork, solveMinCostFlowByCostScaling, type FlowArrays } from '../../common/flow';
import { lexicographicWeights } from './build-network';
import type { CandidateGraph } from './candidates';
import { isDegreeLexMaximal, type DegreeSide } from './degree-check';
import type { Prepared } from './prepare';
import { firstBonus, networkCost, quotaNeeds, settleBonus } from './quota-bonus';
import { MAX_SCORE } from './scoring';
import { splitInTwo, type GraphPart } from './split';
import { KR_SLOT } from './vocabulary';

/*
 * Rounds where people take two or more new pen pals: a b-matching. The network of
 * build-network.ts solves it in one go, but its big-M weights (about 10^7 and 10^9 at 100,000 a
 * side) cost cost scaling six or more extra phases, and its eleven country nodes tie minors and
 * adults together. Here, as the auction does for one pen pal each (solve.ts):
 *   - the quota level is a bonus on the pairs of some countries (quota-bonus.ts), so the
 *     network has no country nodes and its connected components are independent: minors and
 *     adults, who are never paired, are solved apart (splitInTwo);
 *   - the levels get small weights: a pair weighs score + Q' (bonus country) and a person's first
 *     pair P' more, with P' = maxScore + 1 and Q' = 3 P', so costs stay below 4 * 101 + 100;
 *   - the result is exact on those weights; degree-check.ts then proves that it is also
 *     lexicographically maximal in (bonus pairs, people). Both together make it a lexicographic
 *     optimum (any b-matching with the same two levels differs only in score, which the small
 *     weights maximised). When the proof fails the caller solves the full network instead.
 */

/** Rounds of adjusting which countries get the quota bonus before giving up. */
const BONUS_ROUNDS = 4;

export interface CapacitySolution {
  kr: Int32Array;
  asean: Int32Array;
  score: Uint8Array;
  flowCost: number;
  work: number;
  parts: number;
  personWeight: number;
  quotaWeight: number;
}

/** A part's network and the prices cost scaling starts from (see partNetwork). */
export interface FlowTask {
  network: FlowArrays;
  price: Float64Array;
}

/**
 * Hands a flow network to another thread; the returned function waits for its optimal flow
 * (by solveMinCostFlowByCostScaling) and the solver's work. Null when the thread cannot take it.
 */
export type OffloadFlow = (task: FlowTask) => (() => { flow: Float64Array; work: number }) | null;

/** Below this many arcs a part is solved here: a thread hop costs more. */
const OFFLOAD_MIN_ARCS = 50_000;

export function solveByCapacity(
  prep: Prepared,
  graph: CandidateGraph,
  onProgress?: (fraction: number) => void,
  offload?: OffloadFlow,
): CapacitySolution | null {
  const { kr, asean } = prep;
  const needed = quotaNeeds(prep);
  const bonus = firstBonus(prep, needed);
  let maxScore = 0;
  for (let e = 0; e < graph.edges; e++) if (graph.score[e] > maxScore) maxScore = graph.score[e];
  const person = Math.max(1, Math.min(maxScore, MAX_SCORE)) + 1;
  const quota = 3 * person;
  const parts: GraphPart[] = splitInTwo(graph, asean.count) ?? [wholeGraph(graph, asean.count)];
  const chosen = new Uint8Array(graph.edges);
  let work = 0;
  for (let round = 0; round < BONUS_ROUNDS; round++) {
    chosen.fill(0);
    const heavy = { part: parts[0], ...partNetwork(prep, parts[0], bonus, person, quota) };
    const light =
      parts[1] === undefined
        ? null
        : { part: parts[1], ...partNetwork(prep, parts[1], bonus, person, quota) };
    // The lighter part on the helper thread, if there is one and the hop pays. Its arrays
    // move there; they stay here only when null says that nothing was sent.
    const pending =
      light !== null && offload !== undefined && light.network.from.length >= OFFLOAD_MIN_ARCS
        ? offload({ network: light.network, price: light.price })
        : null;
    const progress = onProgress && ((f: number) => onProgress((round + f) / BONUS_ROUNDS));
    let failure: unknown;
    try {
      const here = solveFlow(FlowNetwork.fromArrays(heavy.network), heavy.price, progress);
      work += here.work;
      markChosen(graph, heavy.part, heavy.firstPair, here.flow, chosen);
    } catch (error) {
      failure = error;
    }
    // Always collect the other thread's answer, so no stale reply is left for the next call.
    const there = pending?.();
    if (failure !== undefined) throw failure;
    if (light !== null) {
      const second = there ?? solveFlow(FlowNetwork.fromArrays(light.network), light.price);
      work += second.work;
      markChosen(graph, light.part, light.firstPair, second.flow, chosen);
    }
    const krSide = side(kr.count, kr.remaining, kr.pinned);
    const aseanSide = side(asean.count, asean.remaining, asean.pinned);
    const perCountry = new Int32Array(KR_SLOT);
    for (let k = 0; k < kr.count; k++) {
      for (let e = graph.start[k]; e < graph.start[k + 1]; e++) {
        if (chosen[e] === 0) continue;
        krSide.degree[k]++;
        aseanSide.degree[graph.asean[e]]++;
        perCountry[asean.country[graph.asean[e]]]++;
      }
    }
    for (let a = 0; a < asean.count; a++) aseanSide.bonus[a] = bonus[asean.country[a]];
    if (!isDegreeLexMaximal(graph, chosen, krSide, aseanSide)) return null;
    if (!settleBonus(bonus, perCountry, needed)) continue;

    const found = pairsOf(graph, chosen);
    const { personWeight, quotaWeight } = lexicographicWeights(prep, graph);
    onProgress?.(1);
    return {
      ...found,
      flowCost: networkCost(prep, found, personWeight, quotaWeight),
      work,
      parts: parts.length,
      personWeight,
      quotaWeight,
    };
  }
  return null;
}

function side(count: number, remaining: Int32Array, pinned: Int32Array): DegreeSide {
  const first = new Uint8Array(count);
  for (let i = 0; i < count; i++) first[i] = pinned[i] === 0 ? 1 : 0;
  return {
    degree: new Int32Array(count),
    capacity: remaining,
    first,
    bonus: new Uint8Array(count),
  };
}

function wholeGraph(graph: CandidateGraph, aseanCount: number): GraphPart {
  const krCount = graph.start.length - 1;
  return {
    kr: Int32Array.from({ length: krCount }, (_, k) => k),
    asean: Int32Array.from({ length: aseanCount }, (_, a) => a),
    start: graph.start,
    right: graph.asean,
    score: graph.score,
  };
}

/**
 * The small-weight network of one part. Nodes: S, T, the part's Koreans, its ASEAN participants;
 *   T -> S (inf, 0); S -> kr and asean -> T: a first slot (1, -P') unless pinned, then the
 *   rest of the capacity at 0; kr -> asean (1, -(score + Q' * bonus)), part edge m is arc
 *   firstPair + m.
 *
 * With it the prices cost scaling starts from: the cheapest path costs from S, but 0 at T, so
 * that no pair arc has negative reduced cost (-P' for a Korean, -P' - the weight of the best
 * pair for an ASEAN participant). From zero prices the first phase saturates every candidate
 * pair and pushes nearly all of them back, one unit each; from these only the ASEAN slots start
 * saturated and the Koreans bid for them. At 10,000 a side with two pen pals each this took the
 * larger half from 1,081,309 pushes and relabels to 420,344.
 */
function partNetwork(
  prep: Prepared,
  part: GraphPart,
  bonus: Uint8Array,
  person: number,
  quota: number,
): { network: FlowArrays; firstPair: number; price: Float64Array } {
  const nK = part.kr.length;
  const nA = part.asean.length;
  const degree = new Int32Array(nA);
  for (let i = 0; i < part.right.length; i++) degree[part.right[i]]++;
  // Plain arrays, filled here and checked once by FlowNetwork.fromArrays: a million addArc
  // calls cost tens of milliseconds on the solve's critical path.
  const most = part.right.length + 2 * (nK + nA) + 1;
  const net = {
    nodeCount: 2 + nK + nA,
    from: new Int32Array(most),
    to: new Int32Array(most),
    capacity: new Float64Array(most),
    cost: new Float64Array(most),
    arcCount: 0,
  };
  const addArc = (from: number, to: number, capacity: number, cost: number): void => {
    const a = net.arcCount++;
    net.from[a] = from;
    net.to[a] = to;
    net.capacity[a] = capacity;
    net.cost[a] = cost;
  };
  addArc(1, 0, Infinity, 0);
  const slots = (from: number, to: number, remaining: number, usable: number, pinned: number) => {
    const cap = Math.min(remaining, usable);
    if (cap <= 0) return;
    const first = pinned === 0 ? 1 : 0;
    if (first) addArc(from, to, 1, -person);
    if (cap > first) addArc(from, to, cap - first, 0);
  };
  for (let i = 0; i < nK; i++) {
    const k = part.kr[i];
    slots(0, 2 + i, prep.kr.remaining[k], part.start[i + 1] - part.start[i], prep.kr.pinned[k]);
  }
  for (let j = 0; j < nA; j++) {
    const a = part.asean[j];
    slots(2 + nK + j, 1, prep.asean.remaining[a], degree[j], prep.asean.pinned[a]);
  }
  const firstPair = net.arcCount;
  const price = new Float64Array(net.nodeCount).fill(-person);
  price[0] = price[1] = 0;
  for (let i = 0; i < nK; i++) {
    for (let m = part.start[i]; m < part.start[i + 1]; m++) {
      const j = 2 + nK + part.right[m];
      const weight = part.score[m] + quota * bonus[prep.asean.country[part.asean[part.right[m]]]];
      addArc(2 + i, j, 1, -weight);
      if (-person - weight < price[j]) price[j] = -person - weight;
    }
  }
  const m = net.arcCount;
  const network = {
    nodeCount: net.nodeCount,
    from: net.from.subarray(0, m),
    to: net.to.subarray(0, m),
    capacity: net.capacity.subarray(0, m),
    cost: net.cost.subarray(0, m),
  };
  return { network, firstPair, price };
}

/** What the helper thread runs too (matching-helper.worker.ts). */
export function solveFlow(
  net: FlowNetwork,
  price?: Float64Array,
  onProgress?: (fraction: number) => void,
): { flow: Float64Array; work: number } {
  const solution = solveMinCostFlowByCostScaling(net, { onProgress, price });
  if (!solution.feasible) {
    // A circulation with only upper bounds is always feasible and bounded: a bug, not input.
    throw new Error(`matching network not solved: ${solution.status}`);
  }
  return { flow: solution.flow, work: solution.pivots };
}

/** Marks the part's pairs with flow in `chosen` (edge ids of the whole graph). */
function markChosen(
  graph: CandidateGraph,
  part: GraphPart,
  firstPair: number,
  flow: Float64Array,
  chosen: Uint8Array,
): void {
  // The part lists its Koreans in the whole graph's order with all their edges in order.
  for (let i = 0; i < part.kr.length; i++) {
    const base = graph.start[part.kr[i]] - part.start[i];
    for (let m = part.start[i]; m < part.start[i + 1]; m++) {
      if (flow[firstPair + m] > 0) chosen[base + m] = 1;
    }
  }
}

function pairsOf(
  graph: CandidateGraph,
  chosen: Uint8Array,
): { kr: Int32Array; asean: Int32Array; score: Uint8Array } {
  let count = 0;
  for (let e = 0; e < graph.edges; e++) count += chosen[e];
  const kr = new Int32Array(count);
  const asean = new Int32Array(count);
  const score = new Uint8Array(count);
  let i = 0;
  for (let k = 0; k < graph.start.length - 1; k++) {
    for (let e = graph.start[k]; e < graph.start[k + 1]; e++) {
      if (chosen[e] === 0) continue;
      kr[i] = k;
      asean[i] = graph.asean[e];
      score[i++] = graph.score[e];
    }
  }
  return { kr, asean, score };
}
