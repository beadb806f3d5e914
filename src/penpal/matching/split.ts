import type { CandidateGraph } from './candidates';

/**
 * Two halves of the candidate graph that share no person, for two threads. Connected
 * components are independent once the quota bonus is fixed (a pair's weight depends on its
 * own two people and their country only), so each half can be solved on its own and the union
 * of the two optima is an optimum. Minors are only ever paired with minors, so a round with
 * both minors and adults has at least two components.
 *
 * Each half is a compact graph of its own: its Koreans `kr` and ASEAN participants `asean`
 * (local index -> index in the whole graph), and its edges with their scores.
 */
export interface GraphPart {
  kr: Int32Array;
  asean: Int32Array;
  start: Int32Array;
  right: Int32Array;
  score: Uint8Array;
}

/** Splits when the lighter half holds at least this share of the edges; else not worth it. */
const MIN_SHARE = 0.15;

/** The heavier half first. Null when the graph does not split well. */
export function splitInTwo(
  graph: CandidateGraph,
  aseanCount: number,
): [GraphPart, GraphPart] | null {
  const nKr = graph.start.length - 1;
  const n = nKr + aseanCount;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (let k = 0; k < nKr; k++) {
    // k's root stays a root while the roots of its neighbours are hung below it.
    const x = find(k);
    for (let e = graph.start[k]; e < graph.start[k + 1]; e++) {
      const y = find(nKr + graph.asean[e]);
      if (y !== x) parent[y] = x;
    }
  }
  const edgesOf = new Float64Array(n);
  for (let k = 0; k < nKr; k++) edgesOf[find(k)] += graph.start[k + 1] - graph.start[k];
  const roots: number[] = [];
  for (let i = 0; i < n; i++) if (parent[i] === i && edgesOf[i] > 0) roots.push(i);
  // Largest first, each to the lighter half: within a few percent of the best split here.
  roots.sort((x, y) => edgesOf[y] - edgesOf[x] || x - y);
  const half = new Uint8Array(n);
  const load = [0, 0];
  for (const r of roots) {
    const side = load[0] <= load[1] ? 0 : 1;
    half[r] = side;
    load[side] += edgesOf[r];
  }
  const heavy = load[0] >= load[1] ? 0 : 1;
  if (load[1 - heavy] < MIN_SHARE * graph.edges) return null;
  const local = new Int32Array(aseanCount).fill(-1);
  const part = (which: number): GraphPart => {
    const kr: number[] = [];
    const asean: number[] = [];
    const start: number[] = [0];
    const right = new Int32Array(load[which]);
    const score = new Uint8Array(load[which]);
    let m = 0;
    for (let k = 0; k < nKr; k++) {
      if (graph.start[k + 1] === graph.start[k] || half[find(k)] !== which) continue;
      kr.push(k);
      for (let e = graph.start[k]; e < graph.start[k + 1]; e++) {
        const a = graph.asean[e];
        if (local[a] < 0) {
          local[a] = asean.length;
          asean.push(a);
        }
        right[m] = local[a];
        score[m++] = graph.score[e];
      }
      start.push(m);
    }
    return {
      kr: Int32Array.from(kr),
      asean: Int32Array.from(asean),
      start: Int32Array.from(start),
      right,
      score,
    };
  };
  return [part(heavy), part(1 - heavy)];
}
