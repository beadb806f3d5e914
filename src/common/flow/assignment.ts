/*
 * Exact maximum-weight bipartite matching (not necessarily perfect) by Bertsekas' auction
 * algorithm with epsilon scaling.
 *
 * Why an auction next to the network simplex: on sparse "top-k candidates" graphs the
 * simplex spends almost all its pivots on degenerate steps (every matched arc sits at its
 * bound), about 50 per node; the auction only moves prices, and a bidder's next bid is usually
 * found among the three objects it liked best before ("look-back"), so its work stays close
 * to linear in the edges per scaling phase.
 *
 * Reduction: a matching that may leave nodes unmatched becomes a perfect assignment on the
 * doubled graph. Bidders are the left nodes and a mirror of every right node; objects are the
 * right nodes and a mirror of every left node. Edge (l, r) appears as l -> r and as
 * mirror(r) -> mirror(l), both with weight w; l -> mirror(l) and mirror(r) -> r have weight 0
 * ("stays unmatched"). Every matching M gives a perfect assignment worth 2 w(M) and every
 * perfect assignment splits into two matchings, so an optimal assignment's left half is an
 * optimal matching.
 *
 * Exactness: weights are integers multiplied by S = (number of bidders + 1); the auction ends
 * with epsilon = 1, so the assignment is within n * epsilon < S of the optimum, i.e. optimal in
 * the original integers. Every value stays an integer below 2^53 as long as
 * maxWeight * S <= 2^50 (checked).
 */

export interface BipartiteGraph {
  leftCount: number;
  rightCount: number;
  /** edges of left node l are [start[l], start[l + 1]) */
  start: Int32Array;
  right: Int32Array;
  /** non-negative integers below 2^31; an edge of weight 0 is never worth taking */
  weight: Float64Array | Int32Array;
}

export interface MatchingSolution {
  /** right node matched to each left node, or -1 */
  mateOfLeft: Int32Array;
  /** left node matched to each right node, or -1 */
  mateOfRight: Int32Array;
  /** sum of the weights of the matched edges */
  total: number;
  bids: number;
  phases: number;
}

export interface MatchingOptions {
  /** called once per scaling phase with the share of phases done, then with 1 */
  onProgress?: (fraction: number) => void;
}

const PRICE_BOUND = 2 ** 50;
const INT32_MAX = 2 ** 31 - 1;
/** epsilon shrinks by this factor per phase; 4..8 all did well, 6 best on candidate graphs */
const SCALING_FACTOR = 6;

export function maxWeightMatching(g: BipartiteGraph, opts: MatchingOptions = {}): MatchingSolution {
  const L = g.leftCount;
  const R = g.rightCount;
  const n = L + R;
  const scale = n + 1;
  let maxWeight = 0;
  let useful = 0;
  for (let e = 0; e < g.start[L]; e++) {
    const w = g.weight[e];
    if (!Number.isSafeInteger(w) || w < 0) {
      throw new RangeError(`edge weights must be non-negative integers, got ${w}`);
    }
    if (w > 0) useful++;
    if (w > maxWeight) maxWeight = w;
  }
  if (maxWeight * scale > PRICE_BOUND) {
    throw new RangeError('weights too large for an exact auction: maxWeight * (nodes + 1) > 2^50');
  }
  if (maxWeight > INT32_MAX) throw new RangeError('edge weights must stay below 2^31');

  // Doubled graph, CSR by bidder. Bidder l < L is left node l; bidder L + r mirrors right r.
  // Object r < R is right node r; object R + l mirrors left node l. Edge i is stored as
  // (object, weight) at adj[2i], adj[2i + 1]: one stream and one cache line per edge, which
  // matters once the graph is far larger than the cache; benefits are weight * scale.
  const start = new Int32Array(n + 1);
  for (let l = 0; l < L; l++) {
    for (let e = g.start[l]; e < g.start[l + 1]; e++) {
      if (g.weight[e] > 0) {
        start[l + 1]++;
        start[L + g.right[e] + 1]++;
      }
    }
  }
  for (let b = 0; b < n; b++) start[b + 1] += start[b] + 1;
  const adj = new Int32Array(2 * (2 * useful + n));
  const fill = start.slice(0, n);
  for (let l = 0; l < L; l++) {
    for (let e = g.start[l]; e < g.start[l + 1]; e++) {
      const w = g.weight[e];
      if (w <= 0) continue;
      const r = g.right[e];
      let at = 2 * fill[l]++;
      adj[at] = r;
      adj[at + 1] = w;
      at = 2 * fill[L + r]++;
      adj[at] = R + l;
      adj[at + 1] = w;
    }
  }
  for (let l = 0; l < L; l++) adj[2 * fill[l]++] = R + l;
  for (let r = 0; r < R; r++) adj[2 * fill[L + r]++] = r;

  const price = new Float64Array(n);
  const owner = new Int32Array(n);
  const assigned = new Int32Array(n);
  const queue = new Int32Array(n);
  // Look-back cache: the three best edges of a bidder at its last full scan, and the best
  // value of every other edge then. Prices only rise, so while the cached second best still
  // reaches that bound, the cached edges hold the true best two.
  const cache = new Int32Array(3 * n).fill(-1);
  const bound = new Float64Array(n).fill(Infinity);

  const phasesTotal = Math.max(
    1,
    Math.ceil(Math.log(Math.max(2, maxWeight * scale)) / Math.log(SCALING_FACTOR)),
  );
  let eps = Math.max(1, Math.floor((maxWeight * scale) / SCALING_FACTOR));
  let bids = 0;
  let phases = 0;
  for (;;) {
    phases++;
    owner.fill(-1);
    assigned.fill(-1);
    for (let b = 0; b < n; b++) queue[b] = b;
    let head = 0;
    let size = n;
    while (size > 0) {
      const b = queue[head];
      head = head + 1 === n ? 0 : head + 1;
      size--;
      bids++;

      let e1 = -1;
      let v1 = -Infinity;
      let v2 = -Infinity;
      const c = 3 * b;
      if (cache[c] >= 0) {
        for (let t = 0; t < 3; t++) {
          const e = cache[c + t];
          if (e < 0) continue;
          const v = adj[2 * e + 1] * scale - price[adj[2 * e]];
          if (v > v1) {
            v2 = v1;
            v1 = v;
            e1 = e;
          } else if (v > v2) {
            v2 = v;
          }
        }
        if (!(v2 >= bound[b])) e1 = -1;
      }
      if (e1 < 0) {
        // Full scan, keeping the top three and the best of the rest.
        let x1 = -1;
        let x2 = -1;
        let x3 = -1;
        let w1 = -Infinity;
        let w2 = -Infinity;
        let w3 = -Infinity;
        let rest = -Infinity;
        for (let e = start[b]; e < start[b + 1]; e++) {
          const v = adj[2 * e + 1] * scale - price[adj[2 * e]];
          if (v > w1) {
            rest = w3 > rest ? w3 : rest;
            x3 = x2;
            w3 = w2;
            x2 = x1;
            w2 = w1;
            x1 = e;
            w1 = v;
          } else if (v > w2) {
            rest = w3 > rest ? w3 : rest;
            x3 = x2;
            w3 = w2;
            x2 = e;
            w2 = v;
          } else if (v > w3) {
            rest = w3 > rest ? w3 : rest;
            x3 = e;
            w3 = v;
          } else if (v > rest) {
            rest = v;
          }
        }
        cache[c] = x1;
        cache[c + 1] = x2;
        cache[c + 2] = x3;
        bound[b] = rest;
        e1 = x1;
        v1 = w1;
        v2 = w2;
      }
      const o = adj[2 * e1];
      // With a single edge any increment keeps the bidder happy; use epsilon.
      price[o] += v2 === -Infinity ? eps : v1 - v2 + eps;
      const previous = owner[o];
      owner[o] = b;
      assigned[b] = o;
      if (previous >= 0) {
        assigned[previous] = -1;
        queue[(head + size) % n] = previous;
        size++;
      }
    }
    opts.onProgress?.(Math.min(0.99, phases / phasesTotal));
    if (eps === 1) break;
    eps = Math.max(1, Math.floor(eps / SCALING_FACTOR));
  }

  const mateOfLeft = new Int32Array(L).fill(-1);
  const mateOfRight = new Int32Array(R).fill(-1);
  let total = 0;
  for (let l = 0; l < L; l++) {
    const o = assigned[l];
    if (o >= R) continue;
    mateOfLeft[l] = o;
    mateOfRight[o] = l;
  }
  for (let l = 0; l < L; l++) {
    const r = mateOfLeft[l];
    if (r < 0) continue;
    let w = -1;
    for (let e = g.start[l]; e < g.start[l + 1]; e++) {
      if (g.right[e] === r && g.weight[e] > w) w = g.weight[e];
    }
    total += w;
  }
  opts.onProgress?.(1);
  return { mateOfLeft, mateOfRight, total, bids, phases };
}
