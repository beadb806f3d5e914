import {
  maxWeightMatching,
  solveMinCostFlow,
  solveMinCostFlowByCostScaling,
  type BipartiteGraph,
  type MatchingSolution,
} from '../../common/flow';
import { buildNetwork, lexicographicWeights } from './build-network';
import type { CandidateGraph } from './candidates';
import { isVertexWeightOptimal } from './level-check';
import type { Prepared } from './prepare';
import { MAX_SCORE } from './scoring';
import { firstBonus, networkCost, quotaNeeds, settleBonus } from './quota-bonus';
import { solveByCapacity, type OffloadFlow } from './solve-capacity';
import { splitInTwo, type GraphPart } from './split';
import { KR_SLOT } from './vocabulary';

export type SolverChoice = 'auto' | 'assignment' | 'cost-scaling' | 'network-simplex';

export interface SolvedMatching {
  /** new (not pinned) pairs as parallel arrays */
  kr: Int32Array;
  asean: Int32Array;
  score: Uint8Array;
  /**
   * Optimal cost of the min-cost-flow network of build-network.ts for this candidate graph
   * (the value any min-cost-flow solver reports on the exported DIMACS file).
   */
  flowCost: number;
  method: 'assignment' | 'cost-scaling' | 'network-simplex';
  /** auction bids, cost-scaling pushes and relabels, or simplex pivots */
  work: number;
  /** the auction's result under the small level weights passed the level check */
  smallWeights: boolean;
  /** independent halves solved apart (side by side when a helper thread took one) */
  parts: number;
  personWeight: number;
  quotaWeight: number;
}

/**
 * Sparse assignment networks solve fastest with small pivot blocks (see SolveOptions); 0.05 was
 * the best of 0.02 .. 1 on generated populations of 10,000 and 30,000 a side.
 */
const BLOCK_SIZE_FACTOR = 0.05;
/** Rounds of adjusting which countries get the quota bonus before giving up on the auction. */
const BONUS_ROUNDS = 4;
/** Pairs an alternating path may undo and still be paid for by the small weights; see smallLevel. */
const SMALL_LEVEL_PATH = 1;

/**
 * Chooses the solver. When nobody can take more than one new pen pal, the problem is a
 * bipartite matching and the auction (common/flow/assignment.ts) solves it. Otherwise cost
 * scaling solves small-weight networks without country nodes, one per independent half
 * (solve-capacity.ts). When either one's certificate fails, the network simplex solves the full
 * network of build-network.ts. Forcing 'cost-scaling' or 'network-simplex' solves that full
 * network with that solver. All are exact and yield the same optimum value.
 *
 * Why small weights and halves with two pen pals each: measured on the same candidate graph at
 * 10,000 a side (CPU time, one run each under load 25-37), the full network took the simplex
 * 5.9 s and cost scaling 8.8 s; the halves on small weights took cost scaling 3.3 s in all.
 */
export function solveMatching(
  prep: Prepared,
  graph: CandidateGraph,
  onProgress?: (fraction: number) => void,
  choice: SolverChoice = 'auto',
  offload?: OffloadMatching,
  offloadFlow?: OffloadFlow,
): SolvedMatching {
  if ((choice === 'auto' || choice === 'assignment') && everyoneTakesAtMostOne(prep)) {
    const solved = solveByAssignment(prep, graph, onProgress, offload);
    if (solved !== null) return solved;
  }
  if (choice === 'auto') {
    const solved = solveByCapacity(prep, graph, onProgress, offloadFlow);
    if (solved !== null) {
      return { ...solved, method: 'cost-scaling', smallWeights: true };
    }
  }
  const method = choice === 'cost-scaling' ? 'cost-scaling' : 'network-simplex';
  return solveByFlow(prep, graph, method, onProgress);
}

function everyoneTakesAtMostOne(prep: Prepared): boolean {
  for (const side of [prep.kr, prep.asean]) {
    for (let i = 0; i < side.count; i++) if (side.remaining[i] > 1) return false;
  }
  return true;
}

function solveByFlow(
  prep: Prepared,
  graph: CandidateGraph,
  method: 'cost-scaling' | 'network-simplex',
  onProgress?: (fraction: number) => void,
): SolvedMatching {
  const network = buildNetwork(prep, graph);
  const solution =
    method === 'cost-scaling'
      ? solveMinCostFlowByCostScaling(network.net, { onProgress })
      : solveMinCostFlow(network.net, { onProgress, blockSizeFactor: BLOCK_SIZE_FACTOR });
  if (!solution.feasible) {
    // A circulation with only upper bounds is always feasible (zero flow) and bounded (every
    // cycle crosses a finite arc), so this is a bug, not an input problem.
    throw new Error(`matching network not solved: ${solution.status}`);
  }
  const kr: number[] = [];
  const asean: number[] = [];
  const score: number[] = [];
  for (let k = 0; k < prep.kr.count; k++) {
    for (let e = graph.start[k]; e < graph.start[k + 1]; e++) {
      if (solution.flow[network.firstPairArc + e] > 0) {
        kr.push(k);
        asean.push(graph.asean[e]);
        score.push(graph.score[e]);
      }
    }
  }
  return {
    kr: Int32Array.from(kr),
    asean: Int32Array.from(asean),
    score: Uint8Array.from(score),
    flowCost: solution.cost,
    method,
    work: solution.pivots,
    smallWeights: false,
    parts: 1,
    personWeight: network.personWeight,
    quotaWeight: network.quotaWeight,
  };
}

interface Level {
  /** weight of each newly matched person */
  person: number;
  /** weight of each pair from a bonus country */
  quota: number;
  /** whether these weights make every maximum lexicographic, or the result needs the check */
  proven: boolean;
}

/**
 * Small level weights: P' = maxScore * SMALL_LEVEL_PATH + 1 and Q' = 3 P', so a pair weighs
 * P' * h + score with h = 3 * (bonus pair) + (newly matched people), the vertex-weighted
 * objective of level-check.ts. The auction needs about one costly scaling phase per factor of 6
 * in the largest weight; the proven big-M weights (about 10^7 at 10,000 a side, 10^9 at
 * 100,000) cost six or more extra phases. With P' an optimum gives up a person only where
 * matching them means undoing more than SMALL_LEVEL_PATH existing pairs along an alternating
 * path; candidate graphs are well connected and hardly ever need that. The level check then
 * proves that the result maximises h; together with maximising P' * h + score that makes it
 * lexicographically optimal, exactly as the big-M weights would. If the check fails, the
 * proven weights run.
 */
function smallLevel(graph: CandidateGraph): Level {
  let maxScore = 0;
  for (let e = 0; e < graph.edges; e++) if (graph.score[e] > maxScore) maxScore = graph.score[e];
  const person = Math.max(1, maxScore) * SMALL_LEVEL_PATH + 1;
  return { person, quota: 3 * person, proven: false };
}

/**
 * The lexicographic objective f = Q * quota pairs + P * people + score, with everyone taking
 * at most one new pair, as a weighted matching. A pair's weight is its score, plus P for each
 * side not matched by a pin, plus Q when its ASEAN country is in the "bonus" set B. That
 * weight counts quota pairs exactly when every country in B ends at or below its remaining
 * minimum and every other country at or above it: then f(X) = g(X) + Q * (sum of the other
 * countries' minimums), while f(Y) <= g(Y) + the same constant for every matching Y, so the
 * matching X that maximises g also maximises f, and f with the weights of build-network.ts is
 * lexicographic. B starts as the countries that cannot pass their minimum and is corrected from
 * the result (a country short of its minimum joins, one above it leaves); if a few
 * corrections do not settle it, null sends the caller to the network simplex.
 */
function solveByAssignment(
  prep: Prepared,
  graph: CandidateGraph,
  onProgress?: (fraction: number) => void,
  offload?: OffloadMatching,
): SolvedMatching | null {
  const { kr, asean } = prep;
  const { personWeight, quotaWeight } = lexicographicWeights(prep, graph);
  const needed = quotaNeeds(prep);
  const bonus = firstBonus(prep, needed);

  // Vertex weights of the (quota, people) levels: alpha per Korean, beta per ASEAN participant.
  const alpha = new Uint8Array(kr.count);
  for (let k = 0; k < kr.count; k++) alpha[k] = kr.pinned[k] === 0 ? 1 : 0;
  const unpinned = new Uint8Array(asean.count);
  for (let a = 0; a < asean.count; a++) unpinned[a] = asean.pinned[a] === 0 ? 1 : 0;
  const beta = new Uint8Array(asean.count);
  // Split whether or not a second thread is there, so that both give the same pairs.
  const split = splitInTwo(graph, asean.count);
  // The graphs the auction solves: the whole candidate graph, or the two halves of the split.
  // Int32 weights: half the memory of doubles, and fresh pages are slow to fault in here.
  const problems: BipartiteGraph[] = split
    ? split.map((part) => ({
        leftCount: part.kr.length,
        rightCount: part.asean.length,
        start: part.start,
        right: part.right,
        weight: new Int32Array(part.right.length),
      }))
    : [
        {
          leftCount: kr.count,
          rightCount: asean.count,
          start: graph.start,
          right: graph.asean,
          weight: new Int32Array(graph.edges),
        },
      ];
  const aseanWeight = new Float64Array(asean.count);
  const weigh = (level: Level): void => {
    for (let a = 0; a < asean.count; a++) {
      aseanWeight[a] = unpinned[a] * level.person + bonus[asean.country[a]] * level.quota;
    }
    problems.forEach((problem, p) => {
      const part = split?.[p];
      const score = part?.score ?? graph.score;
      const weight = problem.weight;
      for (let local = 0; local < problem.leftCount; local++) {
        const pk = alpha[part ? part.kr[local] : local] * level.person;
        for (let i = problem.start[local]; i < problem.start[local + 1]; i++) {
          const a = part ? part.asean[problem.right[i]] : problem.right[i];
          weight[i] = score[i] + pk + aseanWeight[a];
        }
      }
    });
  };
  const levels = [smallLevel(graph), { person: personWeight, quota: quotaWeight, proven: true }];
  let level = 0;
  let work = 0;
  for (let round = 0; round < BONUS_ROUNDS; round++) {
    const { person, quota } = levels[level];
    // Past about 450,000 a side the proven weights outgrow int32 and the auction's exact
    // doubles; the simplex's bound is looser, so let it try.
    if (2 * person + quota + MAX_SCORE > 2 ** 31 - 1) return null;
    if ((2 * person + quota + MAX_SCORE) * (kr.count + asean.count + 1) > 2 ** 50) return null;
    weigh(levels[level]);
    const solution = solveInParts(
      problems,
      split,
      offload,
      kr.count,
      asean.count,
      onProgress && ((f) => onProgress((round + f) / BONUS_ROUNDS)),
    );
    work += solution.bids;
    if (!levels[level].proven) {
      for (let a = 0; a < asean.count; a++) beta[a] = 3 * bonus[asean.country[a]] + unpinned[a];
      const optimal = isVertexWeightOptimal(
        graph,
        solution.mateOfLeft,
        solution.mateOfRight,
        alpha,
        beta,
      );
      if (!optimal) {
        level++;
        round--;
        continue;
      }
    }

    const pairs = new Int32Array(KR_SLOT);
    for (let k = 0; k < kr.count; k++) {
      const a = solution.mateOfLeft[k];
      if (a >= 0) pairs[asean.country[a]]++;
    }
    if (!settleBonus(bonus, pairs, needed)) continue;

    const outKr: number[] = [];
    const outAsean: number[] = [];
    const outScore: number[] = [];
    for (let k = 0; k < kr.count; k++) {
      const a = solution.mateOfLeft[k];
      if (a < 0) continue;
      let s = -1;
      for (let e = graph.start[k]; e < graph.start[k + 1]; e++) {
        if (graph.asean[e] === a) s = graph.score[e];
      }
      outKr.push(k);
      outAsean.push(a);
      outScore.push(s);
    }
    const found = {
      kr: Int32Array.from(outKr),
      asean: Int32Array.from(outAsean),
      score: Uint8Array.from(outScore),
    };
    onProgress?.(1);
    return {
      ...found,
      flowCost: networkCost(prep, found, personWeight, quotaWeight),
      method: 'assignment',
      work,
      smallWeights: !levels[level].proven,
      parts: split === null ? 1 : 2,
      personWeight,
      quotaWeight,
    };
  }
  return null;
}

/**
 * Hands a matching problem to another thread; the returned function waits for its solution.
 * Null when the thread cannot take it: the engine solves it.
 */
export type OffloadMatching = (graph: BipartiteGraph) => (() => MatchingSolution) | null;

/** Below this many candidate edges a half is solved here: a thread hop costs more. */
const OFFLOAD_MIN_EDGES = 50_000;

/**
 * Solves the matching: the whole graph, or the two halves of a split (see split.ts) one after
 * the other, or side by side when another thread can take the lighter half. Exact either way:
 * the halves share no person; and the pairs do not depend on where a half was solved.
 */
function solveInParts(
  problems: BipartiteGraph[],
  split: [GraphPart, GraphPart] | null,
  offload: OffloadMatching | undefined,
  krCount: number,
  aseanCount: number,
  onProgress?: (fraction: number) => void,
): MatchingSolution {
  if (split === null) return maxWeightMatching(problems[0], { onProgress });
  const elsewhere =
    offload !== undefined && problems[1].start[problems[1].leftCount] >= OFFLOAD_MIN_EDGES;
  const pending = elsewhere ? offload(problems[1]) : null; // null: the helper is not there
  let here: MatchingSolution | undefined;
  let failure: unknown;
  try {
    here = maxWeightMatching(problems[0], { onProgress });
  } catch (error) {
    failure = error;
  }
  // Always collect the other thread's answer, so no stale reply is left for the next call.
  const there = pending?.();
  if (here === undefined) throw failure;
  const second = there ?? maxWeightMatching(problems[1]);

  const mateOfLeft = new Int32Array(krCount).fill(-1);
  const mateOfRight = new Int32Array(aseanCount).fill(-1);
  for (const [part, solution] of [
    [split[0], here],
    [split[1], second],
  ] as const) {
    for (let i = 0; i < part.kr.length; i++) {
      const a = solution.mateOfLeft[i];
      if (a < 0) continue;
      mateOfLeft[part.kr[i]] = part.asean[a];
      mateOfRight[part.asean[a]] = part.kr[i];
    }
  }
  return {
    mateOfLeft,
    mateOfRight,
    total: here.total + second.total,
    bids: here.bids + second.bids,
    phases: Math.max(here.phases, second.phases),
  };
}
