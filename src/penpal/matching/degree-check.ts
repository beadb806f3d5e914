import type { CandidateGraph } from './candidates';

/** One side of the b-matching as the check sees it: per person, in the side's own numbering. */
export interface DegreeSide {
  /** new pairs the solution gives the person */
  degree: Int32Array;
  /** new pairs the person may take (capacity left after pins) */
  capacity: Int32Array;
  /** 1 when the person's first pair counts them as newly matched (nobody pinned to them) */
  first: Uint8Array;
  /** 1 when each of the person's pairs counts towards a quota (ASEAN bonus country) */
  bonus: Uint8Array;
}

/**
 * Exact check that a b-matching (everyone in at most `capacity` new pairs) is lexicographically
 * maximal in (bonus pairs, newly matched people), the first two levels of the objective once the
 * quota bonus is fixed (see solve-capacity.ts). It generalises level-check.ts from matchings.
 *
 * Why it suffices: the symmetric difference of the solution X and any other b-matching Y splits
 * into alternating trails such that a person ends |deg_Y - deg_X| of them, all raising or all
 * lowering their degree; each trail applied alone to X is a b-matching again. Bonus pairs are
 * the degrees of bonus ASEAN people summed, so they change by the sum over the trails; matched
 * people are a concave function of each degree, so Y's change is at most the sum of the trails'
 * changes. A trail changes degrees only at its two ends, each end by one, so it changes bonus
 * pairs by at most 2 and matched people by at most 2, and (bonus, people) rises
 * lexicographically exactly when 3 * bonus + people rises. If no trail rises, then no Y is
 * lexicographically higher: a Y with more bonus pairs has a trail with more; one with as many
 * and more people has a trail with as many and more.
 *
 * The search: a trail that rises has an end worth more than 0, and read from that end it starts
 * by adding a pair there. From every person with room and a positive worth, in decreasing worth,
 * alternate "add a pair not in X" and "drop a pair of X", labelling each (person, how reached)
 * with the largest start worth that reaches it; at each label, test the trail that would end
 * there. Walks found this way may reuse an edge, which no trail does: such a false alarm only
 * sends the caller to the proven weights, never lets a rising trail pass. O(edges).
 */
export function isDegreeLexMaximal(
  graph: CandidateGraph,
  chosen: Uint8Array,
  kr: DegreeSide,
  asean: DegreeSide,
): boolean {
  const nK = kr.degree.length;
  const nA = asean.degree.length;
  const n = nK + nA;
  const byAsean = transposeWithEdges(graph, nA);
  // Persons 0..nK-1 are Koreans, nK.. ASEAN participants.
  const sideOf = (v: number): DegreeSide => (v < nK ? kr : asean);
  const local = (v: number): number => (v < nK ? v : v - nK);
  // Worth of ending a trail at v by adding (+) or dropping (-) one of v's pairs.
  const gain = (v: number): number => {
    const s = sideOf(v);
    const i = local(v);
    return 3 * s.bonus[i] + (s.first[i] === 1 && s.degree[i] === 0 ? 1 : 0);
  };
  const loss = (v: number): number => {
    const s = sideOf(v);
    const i = local(v);
    return 3 * s.bonus[i] + (s.first[i] === 1 && s.degree[i] === 1 ? 1 : 0);
  };
  const hasRoom = (v: number): boolean => {
    const s = sideOf(v);
    const i = local(v);
    return s.degree[i] < s.capacity[i];
  };

  // reachedByAdd[v]: label of "v reached over a pair not in X" (next step drops a pair of X);
  // reachedByDrop[v]: "v reached by dropping a pair of X" (next step adds a pair not in X).
  const reachedByAdd = new Int8Array(n).fill(-1);
  const reachedByDrop = new Int8Array(n).fill(-1);
  const queue = new Int32Array(2 * n);
  const sources: number[][] = [[], [], [], [], []];
  for (let v = 0; v < n; v++) {
    if (!hasRoom(v)) continue;
    const worth = gain(v);
    if (worth > 0) sources[worth].push(v);
  }
  for (let worth = 4; worth > 0; worth--) {
    let head = 0;
    let tail = 0;
    for (const v of sources[worth]) {
      if (reachedByDrop[v] >= 0) continue;
      reachedByDrop[v] = worth;
      queue[tail++] = v; // even entries: next step adds a pair
    }
    while (head < tail) {
      const entry = queue[head++];
      const adding = entry >= 0;
      const v = adding ? entry : -entry - 1;
      const label = adding ? reachedByDrop[v] : reachedByAdd[v];
      const edges = v < nK ? graph : byAsean;
      const i = local(v);
      for (let p = edges.start[i]; p < edges.start[i + 1]; p++) {
        const e = v < nK ? p : byAsean.edge[p];
        if ((chosen[e] === 0) !== adding) continue;
        const w = v < nK ? nK + graph.asean[e] : byAsean.kr[p];
        if (adding) {
          if (reachedByAdd[w] >= 0) continue;
          reachedByAdd[w] = label;
          if (hasRoom(w) && label + gain(w) > 0) return false;
          queue[tail++] = -w - 1;
        } else {
          if (reachedByDrop[w] >= 0) continue;
          reachedByDrop[w] = label;
          if (label - loss(w) > 0) return false;
          queue[tail++] = w;
        }
      }
    }
  }
  return true;
}

/** The candidate graph by ASEAN participant, with each entry's edge id in the Korean CSR. */
function transposeWithEdges(
  graph: CandidateGraph,
  aseanCount: number,
): { start: Int32Array; kr: Int32Array; edge: Int32Array } {
  const start = new Int32Array(aseanCount + 1);
  for (let e = 0; e < graph.edges; e++) start[graph.asean[e] + 1]++;
  for (let a = 0; a < aseanCount; a++) start[a + 1] += start[a];
  const fill = start.slice(0, aseanCount);
  const kr = new Int32Array(graph.edges);
  const edge = new Int32Array(graph.edges);
  const krCount = graph.start.length - 1;
  for (let k = 0; k < krCount; k++) {
    for (let e = graph.start[k]; e < graph.start[k + 1]; e++) {
      const at = fill[graph.asean[e]]++;
      kr[at] = k;
      edge[at] = e;
    }
  }
  return { start, kr, edge };
}
