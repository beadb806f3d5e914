import type { CandidateGraph } from './candidates';

/**
 * Exact check that a matching (everyone in at most one new pair) maximises a vertex-weighted
 * objective: the sum of alpha over matched Koreans plus beta over matched ASEAN participants.
 *
 * Why this suffices: the symmetric difference of two matchings is a set of disjoint alternating
 * paths and cycles, each of which can be applied on its own. A cycle changes nothing; a path
 * only changes its two ends, so it is one of
 *   - augmenting (free Korean ... free ASEAN): gains alpha(start) + beta(end);
 *   - even, on the Korean side (free Korean ... matched Korean, who is let go): alpha(start) -
 *     alpha(end); likewise on the ASEAN side with beta.
 * The matching is optimal exactly when no such path gains. Alternating reachability from the
 * free people, with sources taken in decreasing weight so that each person is labelled with the
 * heaviest source that reaches them, finds every such path in O(edges).
 */
export function isVertexWeightOptimal(
  graph: CandidateGraph,
  mateOfKr: Int32Array,
  mateOfAsean: Int32Array,
  alpha: Uint8Array,
  beta: Uint8Array,
): boolean {
  const nK = mateOfKr.length;
  const nA = mateOfAsean.length;
  const { start, asean } = graph;
  // A search from sources of weight w can only find a gain where w exceeds a matched person's
  // weight or a free person's weight adds to it; searches that cannot are skipped.
  let maxFreeBeta = -1;
  let minMatchedBeta = Infinity;
  for (let a = 0; a < nA; a++) {
    if (mateOfAsean[a] < 0) maxFreeBeta = Math.max(maxFreeBeta, beta[a]);
    else minMatchedBeta = Math.min(minMatchedBeta, beta[a]);
  }
  let minMatchedAlpha = Infinity;
  for (let k = 0; k < nK; k++)
    if (mateOfKr[k] >= 0) minMatchedAlpha = Math.min(minMatchedAlpha, alpha[k]);

  // From the free Koreans: Korean -> ASEAN over any edge but the matched one, ASEAN -> mate.
  const labelK = new Int16Array(nK).fill(-1);
  const labelA = new Int16Array(nA).fill(-1);
  const queue = new Int32Array(Math.max(nK, nA));
  for (const weight of distinctDescending(alpha, (k) => mateOfKr[k] < 0)) {
    if (weight + maxFreeBeta <= 0 && weight <= minMatchedAlpha) continue;
    let head = 0;
    let tail = 0;
    for (let k = 0; k < nK; k++) {
      if (mateOfKr[k] < 0 && alpha[k] === weight && labelK[k] < 0 && start[k + 1] > start[k]) {
        labelK[k] = weight;
        queue[tail++] = k;
      }
    }
    while (head < tail) {
      const k = queue[head++];
      for (let e = start[k]; e < start[k + 1]; e++) {
        const a = asean[e];
        if (a === mateOfKr[k] || labelA[a] >= 0) continue;
        labelA[a] = weight;
        const k2 = mateOfAsean[a];
        if (k2 < 0) {
          if (weight + beta[a] > 0) return false;
          continue;
        }
        if (labelK[k2] >= 0) continue;
        labelK[k2] = weight;
        if (weight > alpha[k2]) return false;
        queue[tail++] = k2;
      }
    }
  }

  // From the free ASEAN participants, the mirror image (augmenting paths are found above).
  const classes = distinctDescending(beta, (a) => mateOfAsean[a] < 0).filter(
    (weight) => weight > minMatchedBeta,
  );
  if (classes.length === 0) return true;
  const byAsean = transpose(graph, nA);
  labelK.fill(-1);
  labelA.fill(-1);
  for (const weight of classes) {
    let head = 0;
    let tail = 0;
    for (let a = 0; a < nA; a++) {
      if (
        mateOfAsean[a] < 0 &&
        beta[a] === weight &&
        labelA[a] < 0 &&
        byAsean.start[a + 1] > byAsean.start[a]
      ) {
        labelA[a] = weight;
        queue[tail++] = a;
      }
    }
    while (head < tail) {
      const a = queue[head++];
      for (let i = byAsean.start[a]; i < byAsean.start[a + 1]; i++) {
        const k = byAsean.kr[i];
        if (k === mateOfAsean[a] || labelK[k] >= 0) continue;
        labelK[k] = weight;
        const a2 = mateOfKr[k];
        if (a2 < 0 || labelA[a2] >= 0) continue;
        labelA[a2] = weight;
        if (weight > beta[a2]) return false;
        queue[tail++] = a2;
      }
    }
  }
  return true;
}

/** The distinct values (of the people `include` keeps), largest first. */
function distinctDescending(values: Uint8Array, include?: (i: number) => boolean): number[] {
  const seen = new Set<number>();
  for (let i = 0; i < values.length; i++) if (!include || include(i)) seen.add(values[i]);
  return [...seen].sort((x, y) => y - x);
}

/** The candidate graph by ASEAN participant: their Koreans are kr[start[a] .. start[a + 1]). */
function transpose(
  graph: CandidateGraph,
  aseanCount: number,
): { start: Int32Array; kr: Int32Array } {
  const start = new Int32Array(aseanCount + 1);
  for (let e = 0; e < graph.edges; e++) start[graph.asean[e] + 1]++;
  for (let a = 0; a < aseanCount; a++) start[a + 1] += start[a];
  const fill = start.slice(0, aseanCount);
  const kr = new Int32Array(graph.edges);
  const krCount = graph.start.length - 1;
  for (let k = 0; k < krCount; k++) {
    for (let e = graph.start[k]; e < graph.start[k + 1]; e++) kr[fill[graph.asean[e]]++] = k;
  }
  return { start, kr };
}
