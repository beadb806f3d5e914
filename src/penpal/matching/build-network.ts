import { FlowNetwork } from '../../common/flow';
import type { CandidateGraph } from './candidates';
import type { Prepared } from './prepare';
import { KR_SLOT } from './vocabulary';

/*
 * The lexicographic objective as one min-cost circulation.
 *
 * Nodes: S, T, one node per ASEAN country, one per Korean and one per ASEAN participant.
 *
 *   T --(inf, 0)--> S
 *   S --(1, -P)--> kr            "first slot": only a Korean's first pair earns P
 *   S --(r-1, 0)--> kr           the rest of the Korean's remaining capacity r
 *   kr --(1, -score)--> asean    one arc per candidate pair
 *   asean --(1, -P)--> country   first slot of the ASEAN participant
 *   asean --(r-1, 0)--> country
 *   country --(q, -Q)--> T       "quota": the first q = minimum - pinned pairs earn Q each
 *   country --(inf, 0)--> T
 *
 * A pair of flow units through kr -> asean is a proposed pair. Pins are not in the network:
 * they are fixed beforehand, use up capacity, count towards their country's minimum, and a
 * pinned person's first slot has no P (they are matched already). Since a first slot is
 * cheaper than the rest, an optimum fills it first, so the flow's -P terms count the people
 * matched and its -Q terms count the pairs towards the minimums, capped at each minimum.
 *
 * Why the weights make the single cost lexicographic (quota pairs, then people, then score):
 * two circulations differ by a sum of simple cycles of the residual network, and the optimum
 * has no cycle of negative cost. A simple cycle passes each hub (S and the countries) at most
 * once, so it changes at most 2 first slots per hub: |people change| <= 2 * hubs = 22. It uses
 * at most one pair arc per participant node, so |score change| <= maxScore * pairBound with
 * pairBound = min(pair arcs, participant nodes). With
 *   P = maxScore * pairBound + 1  and  Q = 22 * P + maxScore * pairBound + 1,
 * the sign of every cycle's cost is the sign of its first non-zero change in
 * (quota pairs, people, score), so no cycle can trade a higher level for a lower one, and
 * a circulation without negative cycles is a lexicographic optimum.
 *
 * Sizes: at 100,000 people a side P is about 2e7 and Q about 5e8; the solver's exactness
 * bound (about 2^50 on path costs, see network-simplex.ts) allows roughly 25x that.
 */

export const HUB_FIRST_SLOT_BOUND = 22;

export interface MatchingNetwork {
  net: FlowNetwork;
  /** arc id of the first candidate pair arc; pair e of the CSR is arc firstPairArc + e */
  firstPairArc: number;
  /** arc id of the quota arc of each ASEAN country slot, -1 when the country needs none */
  quotaArc: Int32Array;
  /** first-slot arc ids (their flow counts newly matched people) */
  firstSlotArcs: Int32Array;
  personWeight: number;
  quotaWeight: number;
}

/** The big-M weights of the construction above, for a given candidate graph. */
export function lexicographicWeights(
  prep: Prepared,
  graph: CandidateGraph,
): { personWeight: number; quotaWeight: number; aseanDegree: Int32Array } {
  const { kr, asean } = prep;
  const aseanDegree = new Int32Array(asean.count);
  let maxScore = 0;
  for (let e = 0; e < graph.edges; e++) {
    aseanDegree[graph.asean[e]]++;
    if (graph.score[e] > maxScore) maxScore = graph.score[e];
  }
  let participantNodes = 0;
  for (let k = 0; k < kr.count; k++) if (graph.start[k + 1] > graph.start[k]) participantNodes++;
  for (let a = 0; a < asean.count; a++) if (aseanDegree[a] > 0) participantNodes++;
  const pairBound = Math.min(graph.edges, participantNodes);
  const personWeight = maxScore * pairBound + 1;
  const quotaWeight = HUB_FIRST_SLOT_BOUND * personWeight + maxScore * pairBound + 1;
  return { personWeight, quotaWeight, aseanDegree };
}

export function buildNetwork(prep: Prepared, graph: CandidateGraph): MatchingNetwork {
  const { kr, asean } = prep;
  const S = 0;
  const T = 1;
  const countryNode = (slot: number): number => 2 + slot;
  const krNode = (k: number): number => 2 + KR_SLOT + k;
  const aseanNode = (a: number): number => 2 + KR_SLOT + kr.count + a;
  const nodeCount = 2 + KR_SLOT + kr.count + asean.count;

  const { personWeight, quotaWeight, aseanDegree } = lexicographicWeights(prep, graph);

  const net = new FlowNetwork(nodeCount, graph.edges + 2 * (kr.count + asean.count) + 32);
  net.addArc(T, S, Infinity, 0);
  const quotaArc = new Int32Array(KR_SLOT).fill(-1);
  for (let c = 0; c < KR_SLOT; c++) {
    const q = prep.minPerCountry - prep.pinnedPerCountry[c];
    if (q > 0) quotaArc[c] = net.addArc(countryNode(c), T, q, -quotaWeight);
    net.addArc(countryNode(c), T, Infinity, 0);
  }
  const firstSlots: number[] = [];
  const slots = (from: number, to: number, remaining: number, degree: number, pinned: number) => {
    const usable = Math.min(remaining, degree);
    if (usable <= 0) return;
    if (pinned > 0) {
      net.addArc(from, to, usable, 0);
      return;
    }
    firstSlots.push(net.addArc(from, to, 1, -personWeight));
    if (usable > 1) net.addArc(from, to, usable - 1, 0);
  };
  for (let k = 0; k < kr.count; k++) {
    slots(S, krNode(k), kr.remaining[k], graph.start[k + 1] - graph.start[k], kr.pinned[k]);
  }
  for (let a = 0; a < asean.count; a++) {
    const to = countryNode(asean.country[a]);
    slots(aseanNode(a), to, asean.remaining[a], aseanDegree[a], asean.pinned[a]);
  }
  const firstPairArc = net.arcCount;
  for (let k = 0; k < kr.count; k++) {
    for (let e = graph.start[k]; e < graph.start[k + 1]; e++) {
      net.addArc(krNode(k), aseanNode(graph.asean[e]), 1, -graph.score[e]);
    }
  }
  return {
    net,
    firstPairArc,
    quotaArc,
    firstSlotArcs: Int32Array.from(firstSlots),
    personWeight,
    quotaWeight,
  };
}
