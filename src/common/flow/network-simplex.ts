import { FlowNetwork } from './flow-network';

/*
 * Primal network simplex with LEMON's block-search pivot rule.
 *
 * The spanning-tree bookkeeping (parent / pred / thread / rev_thread / succ_num / last_succ,
 * strongly feasible trees, arc mixing, the artificial root) follows the scheme of LEMON's
 * NetworkSimplex (Péter Kovács, "Minimum-cost flow algorithms: an experimental evaluation",
 * 2015; LEMON is under the Boost Software License 1.0). It was chosen over successive shortest
 * paths because its pivots touch only the subtree that moves, which is what lets a few million
 * arcs solve in seconds; and over cost scaling because it needs no epsilon schedule and hands
 * back an exact dual (the potentials) that callers can use as an optimality certificate.
 *
 * Exactness: all quantities are Float64 holding integers. Potentials are sums of costs along
 * simple tree paths (plus one artificial cost), so they stay below 2 * B + 1 where B bounds the
 * cost of any simple path: B = min(n * max|cost|, sum over nodes of the largest |cost| of an
 * incident arc). Reduced costs stay below 5 * B. Requiring B <= 2^50 keeps every intermediate
 * value an exact integer (< 2^53); larger costs are refused with a RangeError rather than
 * silently rounded. The total cost is checked against 2^53 as well.
 */

export type FlowStatus = 'optimal' | 'infeasible' | 'unbounded';

export interface FlowSolution {
  /** false when supplies, demands or lower bounds cannot be met (or the problem is unbounded) */
  feasible: boolean;
  status: FlowStatus;
  /** sum(flow * cost) of the optimum; 0 when not feasible */
  cost: number;
  /** flow per arc id (including the lower bound); zeros when not feasible */
  flow: Float64Array;
  /**
   * Node potentials proving optimality: with rc = cost + potential[from] - potential[to],
   * an arc with rc > 0 carries its lower bound and an arc with rc < 0 its capacity.
   */
  potential: Float64Array;
  /** number of simplex pivots, for benchmarks */
  pivots: number;
}

export interface SolveOptions {
  /** called every few hundred milliseconds with an estimate in [0, 1), then once with 1 */
  onProgress?: (fraction: number) => void;
  /**
   * Arcs examined per pivot search, as a multiple of sqrt(arcCount). LEMON uses 1; on the
   * bipartite and transportation networks of this project 0.2 needed about half the time
   * (more pivots, each much cheaper), and 0.05 is better still for sparse assignment graphs.
   */
  blockSizeFactor?: number;
}

/** Largest simple-path cost bound B for which every intermediate value stays exact. */
export const MAX_PATH_COST_BOUND = 2 ** 50;

const DEFAULT_BLOCK_SIZE_FACTOR = 0.2;
const STATE_UPPER = -1;
const STATE_TREE = 0;
const STATE_LOWER = 1;
const DIR_UP = 1;
const DIR_DOWN = -1;
const PIVOTING = 0;
const DONE = 1;
const UNBOUNDED = 2;

export function solveMinCostFlow(net: FlowNetwork, opts: SolveOptions = {}): FlowSolution {
  const n = net.nodeCount;
  const m = net.arcCount;
  const src = net.arrays();
  const fail = (status: FlowStatus, pivots = 0): FlowSolution => ({
    feasible: false,
    status,
    cost: 0,
    flow: new Float64Array(m),
    potential: new Float64Array(n),
    pivots,
  });
  if (n === 0) {
    opts.onProgress?.(1);
    return {
      feasible: true,
      status: 'optimal',
      cost: 0,
      flow: new Float64Array(0),
      potential: new Float64Array(0),
      pivots: 0,
    };
  }

  const ns = new NetworkSimplex(n, m);
  const arcId = ns.loadArcs(src.from, src.to, src.capacity, src.cost, src.lower, src.supply);
  if (!ns.init(opts.blockSizeFactor ?? DEFAULT_BLOCK_SIZE_FACTOR)) return fail('infeasible');
  const outcome = ns.run(opts.onProgress);
  if (outcome !== 'optimal') return fail(outcome, ns.pivots);

  const flow = new Float64Array(m);
  let cost = 0;
  let magnitude = 0;
  for (let a = 0; a < m; a++) {
    const f = ns.flow[arcId[a]] + (src.lower === null ? 0 : src.lower[a]);
    flow[a] = f;
    const term = f * src.cost[a];
    cost += term;
    magnitude += Math.abs(term);
  }
  if (magnitude > Number.MAX_SAFE_INTEGER) {
    throw new RangeError('total cost exceeds 2^53: it cannot be represented exactly');
  }
  opts.onProgress?.(1);
  return {
    feasible: true,
    status: 'optimal',
    cost,
    flow,
    potential: ns.pi.slice(0, n),
    pivots: ns.pivots,
  };
}

class NetworkSimplex {
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly cap: Float64Array;
  readonly cost: Float64Array;
  readonly flow: Float64Array;
  readonly state: Int8Array;
  readonly supply: Float64Array;
  readonly pi: Float64Array;
  readonly parent: Int32Array;
  readonly pred: Int32Array;
  readonly predDir: Int8Array;
  readonly thread: Int32Array;
  readonly revThread: Int32Array;
  readonly succNum: Int32Array;
  readonly lastSucc: Int32Array;
  readonly dirtyRevs: Int32Array;

  private readonly root: number;
  private allArcNum = 0;
  private searchArcNum = 0;
  pivots = 0;

  // Pivot state, shared between the steps of one pivot.
  private inArc = 0;
  private join = 0;
  private uIn = 0;
  private vIn = 0;
  private uOut = 0;
  private delta = 0;

  // Block search pivot rule.
  private blockSize = 10;
  private nextArc = 0;

  constructor(
    private readonly n: number,
    private readonly m: number,
  ) {
    const all = n + 1;
    const maxArcs = m + n;
    this.root = n;
    this.source = new Int32Array(maxArcs);
    this.target = new Int32Array(maxArcs);
    this.cap = new Float64Array(maxArcs);
    this.cost = new Float64Array(maxArcs);
    this.flow = new Float64Array(maxArcs);
    this.state = new Int8Array(maxArcs);
    this.supply = new Float64Array(all);
    this.pi = new Float64Array(all);
    this.parent = new Int32Array(all);
    this.pred = new Int32Array(all);
    this.predDir = new Int8Array(all);
    this.thread = new Int32Array(all);
    this.revThread = new Int32Array(all);
    this.succNum = new Int32Array(all);
    this.lastSucc = new Int32Array(all);
    this.dirtyRevs = new Int32Array(all);
  }

  /**
   * Copies the arcs in a strided order (arc mixing): consecutive arcs of a generated network
   * tend to share a node, and spreading them out lets each search block see varied arcs.
   * Returns the internal index of every original arc.
   */
  loadArcs(
    from: Int32Array,
    to: Int32Array,
    capacity: Float64Array,
    cost: Float64Array,
    lower: Float64Array | null,
    supply: Float64Array,
  ): Int32Array {
    const { n, m } = this;
    const arcId = new Int32Array(m);
    const skip = Math.max(Math.floor(m / n), 3);
    for (let a = 0, i = 0, j = 0; a < m; a++) {
      arcId[a] = i;
      this.source[i] = from[a];
      this.target[i] = to[a];
      this.cost[i] = cost[a];
      // Lower bounds are removed by shifting them into the supplies.
      const low = lower === null ? 0 : lower[a];
      this.cap[i] = capacity[a] - low;
      if (low !== 0) {
        this.supply[from[a]] -= low;
        this.supply[to[a]] += low;
      }
      if ((i += skip) >= m) i = ++j;
    }
    for (let u = 0; u < n; u++) this.supply[u] += supply[u];
    return arcId;
  }

  /** Builds the all-artificial starting tree; false when supplies do not balance. */
  init(blockSizeFactor: number): boolean {
    const { n, m, root } = this;
    let sum = 0;
    for (let u = 0; u < n; u++) sum += this.supply[u];
    if (sum !== 0) return false;

    const maxInc = new Float64Array(n);
    let maxAbs = 0;
    for (let a = 0; a < m; a++) {
      const c = Math.abs(this.cost[a]);
      if (c > maxAbs) maxAbs = c;
      const s = this.source[a];
      const t = this.target[a];
      if (c > maxInc[s]) maxInc[s] = c;
      if (c > maxInc[t]) maxInc[t] = c;
    }
    let incidentSum = 0;
    for (let u = 0; u < n; u++) incidentSum += maxInc[u];
    const pathBound = Math.min(incidentSum, n * maxAbs);
    if (pathBound > MAX_PATH_COST_BOUND) {
      throw new RangeError(
        `costs too large for exact arithmetic: path cost bound ${pathBound} exceeds 2^50`,
      );
    }
    // Any cycle that removes artificial flow saves artCost and pays at most one simple path.
    const artCost = pathBound + 1;

    this.state.fill(STATE_LOWER, 0, m);
    this.parent[root] = -1;
    this.pred[root] = -1;
    this.thread[root] = 0;
    this.revThread[0] = root;
    this.succNum[root] = n + 1;
    this.lastSucc[root] = root - 1;
    this.supply[root] = 0;
    this.pi[root] = 0;

    this.searchArcNum = m;
    this.allArcNum = m + n;
    for (let u = 0, e = m; u < n; u++, e++) {
      this.parent[u] = root;
      this.pred[u] = e;
      this.thread[u] = u + 1;
      this.revThread[u + 1] = u;
      this.succNum[u] = 1;
      this.lastSucc[u] = u;
      this.cap[e] = Infinity;
      this.state[e] = STATE_TREE;
      if (this.supply[u] >= 0) {
        this.predDir[u] = DIR_UP;
        this.pi[u] = 0;
        this.source[e] = u;
        this.target[e] = root;
        this.flow[e] = this.supply[u];
        this.cost[e] = 0;
      } else {
        this.predDir[u] = DIR_DOWN;
        this.pi[u] = artCost;
        this.source[e] = root;
        this.target[e] = u;
        this.flow[e] = -this.supply[u];
        this.cost[e] = artCost;
      }
    }
    this.blockSize = Math.max(Math.floor(blockSizeFactor * Math.sqrt(m)), 10);
    this.nextArc = 0;
    return true;
  }

  run(onProgress?: (fraction: number) => void): FlowStatus {
    if (!this.initialPivots()) return 'unbounded';
    let lastReport = Date.now();
    const scale = 2 * (this.n + 1);
    for (;;) {
      // Pivots run in batches so that the hot loop is compiled as an ordinary function
      // rather than through on-stack replacement of this one, which V8 optimises worse.
      const outcome = this.pivotBatch(4096);
      if (outcome !== PIVOTING) {
        if (outcome === UNBOUNDED) return 'unbounded';
        break;
      }
      if (onProgress !== undefined) {
        const now = Date.now();
        if (now - lastReport >= 250) {
          lastReport = now;
          // Pivot counts grow roughly with the node count; this is only an estimate.
          onProgress(Math.min(0.99, 1 - Math.exp(-this.pivots / scale)));
        }
      }
    }
    for (let e = this.searchArcNum; e < this.allArcNum; e++) {
      if (this.flow[e] !== 0) return 'infeasible';
    }
    return 'optimal';
  }

  private pivotBatch(count: number): number {
    for (let i = 0; i < count; i++) {
      if (!this.findEnteringArc()) return DONE;
      this.findJoinNode();
      const change = this.findLeavingArc();
      if (this.delta === Infinity) return UNBOUNDED;
      this.changeFlow(change);
      if (change) {
        this.updateTreeStructure();
        this.updatePotential();
      }
      this.pivots++;
    }
    return PIVOTING;
  }

  /**
   * Starts from a better tree when the instance has the shape of a transportation problem:
   * each demand node first takes its cheapest incoming arc (LEMON's heuristic for EQ supplies).
   */
  private initialPivots(): boolean {
    const { n, m } = this;
    let demandNodes = 0;
    let supplyTotal = 0;
    for (let u = 0; u < n; u++) {
      if (this.supply[u] > 0) supplyTotal += this.supply[u];
      else if (this.supply[u] < 0) demandNodes++;
    }
    if (supplyTotal <= 0 || demandNodes === 0) return true;
    const best = new Int32Array(n).fill(-1);
    for (let a = 0; a < m; a++) {
      const t = this.target[a];
      if (this.supply[t] < 0 && (best[t] < 0 || this.cost[a] < this.cost[best[t]])) best[t] = a;
    }
    for (let u = 0; u < n; u++) {
      const a = best[u];
      if (a < 0) continue;
      this.inArc = a;
      const rc = this.cost[a] + this.pi[this.source[a]] - this.pi[this.target[a]];
      if (this.state[a] * rc >= 0) continue;
      this.findJoinNode();
      const change = this.findLeavingArc();
      if (this.delta === Infinity) return false;
      this.changeFlow(change);
      if (change) {
        this.updateTreeStructure();
        this.updatePotential();
      }
      this.pivots++;
    }
    return true;
  }

  private findEnteringArc(): boolean {
    const { state, cost, pi, source, target } = this;
    const searchArcNum = this.searchArcNum;
    const blockSize = this.blockSize;
    let min = 0;
    let cnt = blockSize;
    let e: number;
    let inArc = this.inArc;
    for (e = this.nextArc; e < searchArcNum; e++) {
      const c = state[e] * (cost[e] + pi[source[e]] - pi[target[e]]);
      if (c < min) {
        min = c;
        inArc = e;
      }
      if (--cnt === 0) {
        if (min < 0) {
          this.inArc = inArc;
          this.nextArc = e + 1 < searchArcNum ? e + 1 : 0;
          return true;
        }
        cnt = blockSize;
      }
    }
    for (e = 0; e < this.nextArc; e++) {
      const c = state[e] * (cost[e] + pi[source[e]] - pi[target[e]]);
      if (c < min) {
        min = c;
        inArc = e;
      }
      if (--cnt === 0) {
        if (min < 0) {
          this.inArc = inArc;
          this.nextArc = e + 1;
          return true;
        }
        cnt = blockSize;
      }
    }
    if (min >= 0) return false;
    this.inArc = inArc;
    this.nextArc = e;
    return true;
  }

  private findJoinNode(): void {
    const { succNum, parent } = this;
    let u = this.source[this.inArc];
    let v = this.target[this.inArc];
    while (u !== v) {
      if (succNum[u] < succNum[v]) u = parent[u];
      else v = parent[v];
    }
    this.join = u;
  }

  /** Returns true when the leaving arc is not the entering arc itself. */
  private findLeavingArc(): boolean {
    const { parent, pred, predDir, flow, cap } = this;
    const inArc = this.inArc;
    const join = this.join;
    let first: number;
    let second: number;
    if (this.state[inArc] === STATE_LOWER) {
      first = this.source[inArc];
      second = this.target[inArc];
    } else {
      first = this.target[inArc];
      second = this.source[inArc];
    }
    let delta = cap[inArc];
    let result = 0;
    let uOut = -1;
    for (let u = first; u !== join; u = parent[u]) {
      const e = pred[u];
      const d = predDir[u] === DIR_DOWN ? cap[e] - flow[e] : flow[e];
      if (d < delta) {
        delta = d;
        uOut = u;
        result = 1;
      }
    }
    // "<=" on this side keeps the tree strongly feasible, which rules out cycling.
    for (let u = second; u !== join; u = parent[u]) {
      const e = pred[u];
      const d = predDir[u] === DIR_UP ? cap[e] - flow[e] : flow[e];
      if (d <= delta) {
        delta = d;
        uOut = u;
        result = 2;
      }
    }
    if (result === 1) {
      this.uIn = first;
      this.vIn = second;
    } else {
      this.uIn = second;
      this.vIn = first;
    }
    this.delta = delta;
    this.uOut = uOut;
    return result !== 0;
  }

  private changeFlow(change: boolean): void {
    const { parent, pred, predDir, flow, state } = this;
    const inArc = this.inArc;
    const join = this.join;
    if (this.delta > 0) {
      const val = state[inArc] * this.delta;
      flow[inArc] += val;
      for (let u = this.source[inArc]; u !== join; u = parent[u]) flow[pred[u]] -= predDir[u] * val;
      for (let u = this.target[inArc]; u !== join; u = parent[u]) flow[pred[u]] += predDir[u] * val;
    }
    if (change) {
      state[inArc] = STATE_TREE;
      const out = pred[this.uOut];
      state[out] = flow[out] === 0 ? STATE_LOWER : STATE_UPPER;
    } else {
      state[inArc] = -state[inArc];
    }
  }

  private updateTreeStructure(): void {
    const { parent, pred, predDir, thread, revThread, succNum, lastSucc, dirtyRevs } = this;
    const uIn = this.uIn;
    const vIn = this.vIn;
    const uOut = this.uOut;
    const join = this.join;
    const inArc = this.inArc;
    const oldRevThread = revThread[uOut];
    const oldSuccNum = succNum[uOut];
    const oldLastSucc = lastSucc[uOut];
    const vOut = parent[uOut];

    if (uIn === uOut) {
      parent[uIn] = vIn;
      pred[uIn] = inArc;
      predDir[uIn] = uIn === this.source[inArc] ? DIR_UP : DIR_DOWN;
      if (thread[vIn] !== uOut) {
        let after = thread[oldLastSucc];
        thread[oldRevThread] = after;
        revThread[after] = oldRevThread;
        after = thread[vIn];
        thread[vIn] = uOut;
        revThread[uOut] = vIn;
        thread[oldLastSucc] = after;
        revThread[after] = oldLastSucc;
      }
    } else {
      // When oldRevThread is vIn, join and vOut coincide.
      const threadContinue = oldRevThread === vIn ? thread[oldLastSucc] : thread[vIn];

      // Re-hang the stem (the path from uIn up to uOut) under vIn, reversing it.
      let stem = uIn;
      let parStem = vIn;
      let last = lastSucc[uIn];
      let after = thread[last];
      thread[vIn] = uIn;
      let dirty = 0;
      dirtyRevs[dirty++] = vIn;
      while (stem !== uOut) {
        const nextStem = parent[stem];
        thread[last] = nextStem;
        dirtyRevs[dirty++] = last;

        const before = revThread[stem];
        thread[before] = after;
        revThread[after] = before;

        parent[stem] = parStem;
        parStem = stem;
        stem = nextStem;

        last = lastSucc[stem] === lastSucc[parStem] ? revThread[parStem] : lastSucc[stem];
        after = thread[last];
      }
      parent[uOut] = parStem;
      thread[last] = threadContinue;
      revThread[threadContinue] = last;
      lastSucc[uOut] = last;

      if (oldRevThread !== vIn) {
        thread[oldRevThread] = after;
        revThread[after] = oldRevThread;
      }
      for (let i = 0; i < dirty; i++) {
        const u = dirtyRevs[i];
        revThread[thread[u]] = u;
      }

      let tmpSc = 0;
      const tmpLs = lastSucc[uOut];
      for (let u = uOut, p = parent[u]; u !== uIn; u = p, p = parent[u]) {
        pred[u] = pred[p];
        predDir[u] = -predDir[p];
        tmpSc += succNum[u] - succNum[p];
        succNum[u] = tmpSc;
        lastSucc[p] = tmpLs;
      }
      pred[uIn] = inArc;
      predDir[uIn] = uIn === this.source[inArc] ? DIR_UP : DIR_DOWN;
      succNum[uIn] = oldSuccNum;
    }

    const upLimitOut = lastSucc[join] === vIn ? join : -1;
    const lastSuccOut = lastSucc[uOut];
    for (let u = vIn; u !== -1 && lastSucc[u] === vIn; u = parent[u]) lastSucc[u] = lastSuccOut;

    if (join !== oldRevThread && vIn !== oldRevThread) {
      for (let u = vOut; u !== upLimitOut && lastSucc[u] === oldLastSucc; u = parent[u]) {
        lastSucc[u] = oldRevThread;
      }
    } else if (lastSuccOut !== oldLastSucc) {
      for (let u = vOut; u !== upLimitOut && lastSucc[u] === oldLastSucc; u = parent[u]) {
        lastSucc[u] = lastSuccOut;
      }
    }

    for (let u = vIn; u !== join; u = parent[u]) succNum[u] += oldSuccNum;
    for (let u = vOut; u !== join; u = parent[u]) succNum[u] -= oldSuccNum;
  }

  /** Shifts the potentials of the subtree that moved so the entering arc has reduced cost 0. */
  private updatePotential(): void {
    const { pi, thread } = this;
    const uIn = this.uIn;
    const sigma = pi[this.vIn] - pi[uIn] - this.predDir[uIn] * this.cost[this.inArc];
    const end = thread[this.lastSucc[uIn]];
    for (let u = uIn; u !== end; u = thread[u]) pi[u] += sigma;
  }
}
