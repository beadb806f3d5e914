import { FlowNetwork } from './flow-network';
import type { FlowSolution, FlowStatus, SolveOptions } from './network-simplex';

/*
 * Minimum-cost flow by cost scaling: Goldberg's push-relabel with epsilon-scaling
 * (A. V. Goldberg, "An efficient implementation of a scaling minimum-cost flow algorithm",
 * 1997), the method of LEMON's CostScaling.
 *
 * Why next to the network simplex: on pen-pal rounds with two or three pen pals each nearly
 * every simplex pivot is degenerate (unit arcs sit at their bounds) and the pivot count grows
 * faster than the network (issue 14: 300-684 s at 100,000 a side). Measured on the same graphs
 * with two pen pals each, cost scaling's CPU time grew about 6 times from 10,000 to 30,000 a
 * side where the simplex's grew 9 times; at 10,000 it still took 1.6 times the simplex's.
 *
 * Exactness: costs are multiplied by alpha = nodes + 1 and the last phase runs with epsilon = 1,
 * so every residual arc has reduced cost >= -1 / (nodes + 1) in the original units, which for
 * integer costs means optimal (no residual cycle can be negative). Prices are integers kept
 * below 2^51 (checked as they change) and scaled costs below 2^51, so every sum is exact. The
 * exact potentials returned are computed afterwards from the final prices by a label-correcting
 * pass on the residual network, so they certify the optimum like the simplex's do.
 *
 * Infinite capacities become the total of all supplies and finite capacities, which no arc of a
 * bounded optimum needs to exceed; an unbounded problem (a negative cycle of infinite arcs) is
 * recognised before solving. Supplies are met through an artificial node whose arcs cost more
 * than any simple path: flow left on them at the end means the supplies cannot be met.
 */

/** epsilon shrinks by this factor per phase (LEMON uses 16; 12, 32 and 64 measured alike here) */
const SCALING_FACTOR = 12;
const PRICE_BOUND = 2 ** 51;
/**
 * Relabels between global price updates, as a multiple of the node count. On pen-pal networks
 * with two pen pals each 2 took 25% less CPU time than 1 (and 3 more than 2), in one run each.
 */
const UPDATE_EVERY_NODES = 2;
/** node visits, as a multiple of the node count, that an early optimality check may spend */
const EARLY_CHECK_PASSES = 3;
/**
 * Nodes with at least this many residual entries are discharged with a current-entry pointer
 * instead of the look-back cache (see dischargeHub). Pen-pal networks have two such hubs.
 */
const HUB_ENTRIES = 1000;

export interface CostScalingOptions extends Pick<SolveOptions, 'onProgress'> {
  /**
   * Starting prices (node potentials, in cost units; reduced cost of u -> v is
   * cost + price[u] - price[v]). Any integers give the same optimum: each phase first
   * saturates every arc of negative reduced cost. Prices close to optimal duals save most of
   * the first phase, which from zero prices saturates every arc of negative cost and then
   * pushes nearly all of that flow back (see partNetwork in penpal/matching/solve-capacity.ts).
   */
  price?: Float64Array;
}

export function solveMinCostFlowByCostScaling(
  net: FlowNetwork,
  opts: CostScalingOptions = {},
): FlowSolution {
  const n = net.nodeCount;
  const m = net.arcCount;
  const src = net.arrays();
  const fail = (status: FlowStatus): FlowSolution => ({
    feasible: false,
    status,
    cost: 0,
    flow: new Float64Array(m),
    potential: new Float64Array(n),
    pivots: 0,
  });

  const supply = new Float64Array(n);
  supply.set(src.supply);
  let balance = 0;
  let finiteTotal = 0;
  let maxAbsCost = 0;
  const maxIncident = new Float64Array(n);
  for (let a = 0; a < m; a++) {
    const low = src.lower === null ? 0 : src.lower[a];
    if (low !== 0) {
      supply[src.from[a]] -= low;
      supply[src.to[a]] += low;
    }
    const cap = src.capacity[a];
    if (cap !== Infinity) finiteTotal += Math.abs(cap) + Math.abs(low);
    const c = Math.abs(src.cost[a]);
    if (c > maxAbsCost) maxAbsCost = c;
    if (c > maxIncident[src.from[a]]) maxIncident[src.from[a]] = c;
    if (c > maxIncident[src.to[a]]) maxIncident[src.to[a]] = c;
  }
  let supplyTotal = 0;
  let unbalancedNodes = 0;
  for (let u = 0; u < n; u++) {
    balance += src.supply[u];
    supplyTotal += Math.abs(supply[u]);
    if (supply[u] !== 0) unbalancedNodes++;
  }
  if (balance !== 0) return fail('infeasible');
  if (hasNegativeInfiniteCycle(n, src.from, src.to, src.capacity, src.cost))
    return fail('unbounded');
  const infinite = Math.max(1, supplyTotal + finiteTotal);
  if (infinite > 2 ** 52) throw new RangeError('capacities too large for exact arithmetic');

  // An artificial node exists only when some node has a supply or demand to meet.
  const root = unbalancedNodes > 0 ? n : -1;
  const nodes = root >= 0 ? n + 1 : n;
  let incidentSum = 0;
  for (let u = 0; u < n; u++) incidentSum += maxIncident[u];
  const artificialCost = Math.min(incidentSum, n * maxAbsCost) + 1;
  const alpha = nodes + 1;
  const topCost = (root >= 0 ? artificialCost : maxAbsCost) * alpha;
  if (topCost > PRICE_BOUND) {
    throw new RangeError(`costs too large for exact cost scaling: ${topCost} exceeds 2^51`);
  }

  const arcs = m + unbalancedNodes;
  const { residual, excess } = startResidual(
    src,
    supply,
    arcs,
    nodes,
    root,
    infinite,
    artificialCost,
  );

  const solver = new Refiner(residual, excess);
  if (opts.price !== undefined) startPrices(solver.price, opts.price, n, alpha);
  const phasesTotal = Math.max(
    1,
    Math.ceil(Math.log(Math.max(2, topCost)) / Math.log(SCALING_FACTOR)),
  );
  let eps = topCost;
  let phase = 0;
  let certificate: Float64Array | null = null;
  do {
    eps = Math.max(1, Math.floor(eps / SCALING_FACTOR));
    solver.refine(eps);
    phase++;
    opts.onProgress?.(Math.min(0.99, phase / phasesTotal));
    // Once epsilon is below one original unit the flow is often optimal already, and a short
    // label-correcting pass proves it; the last phases, each as costly as the first, are saved.
    if (eps < alpha && eps > 1) {
      certificate = exactPotentials(residual, solver.price, alpha, n, EARLY_CHECK_PASSES);
    }
  } while (eps > 1 && certificate === null);

  const flow = new Float64Array(m);
  let total = 0;
  let magnitude = 0;
  for (let a = 0; a < m; a++) {
    // The reverse entry holds the flow: it starts empty and gains what the forward one loses.
    const f = residual.revcap[residual.forward[a]];
    const lowered = f + (src.lower === null ? 0 : src.lower[a]);
    flow[a] = lowered;
    const term = lowered * src.cost[a];
    total += term;
    magnitude += Math.abs(term);
  }
  for (let a = m; a < arcs; a++) {
    // Flow left on an artificial arc: the supplies cannot be met.
    if (residual.revcap[residual.forward[a]] !== 0) {
      return { ...fail('infeasible'), pivots: solver.work };
    }
  }
  if (magnitude > Number.MAX_SAFE_INTEGER) {
    throw new RangeError('total cost exceeds 2^53: it cannot be represented exactly');
  }
  const potential = certificate ?? exactPotentials(residual, solver.price, alpha, n, Infinity);
  if (potential === null)
    throw new Error('cost scaling: the residual network has a negative cycle');
  opts.onProgress?.(1);
  return { feasible: true, status: 'optimal', cost: total, flow, potential, pivots: solver.work };
}

function startPrices(price: Float64Array, given: Float64Array, n: number, alpha: number): void {
  if (given.length !== n) throw new RangeError(`price needs ${n} entries, got ${given.length}`);
  for (let u = 0; u < n; u++) {
    const p = given[u] * alpha;
    // Prices only fall from here and relabels check the lower bound: sums stay exact.
    if (!Number.isInteger(given[u]) || Math.abs(p) > PRICE_BOUND) {
      throw new RangeError(`price[${u}] = ${given[u]} is not an integer below 2^51 / alpha`);
    }
    price[u] = p;
  }
}

/**
 * The residual network in CSR form (each arc a has a forward entry and a reverse entry) with
 * artificial arcs to and from the root for supplies, and the nodes' excesses.
 */
function startResidual(
  src: ReturnType<FlowNetwork['arrays']>,
  supply: Float64Array,
  arcs: number,
  nodes: number,
  root: number,
  infinite: number,
  artificialCost: number,
): { residual: Residual; excess: Float64Array } {
  const m = src.from.length;
  const n = supply.length;
  // Only the artificial arcs get arrays of their own: copies of the network's (24 bytes an
  // arc) would add about 230 MB to the peak at 100,000 a side with two pen pals each.
  const extra = {
    tail: new Int32Array(arcs - m),
    head: new Int32Array(arcs - m),
    cap: new Float64Array(arcs - m),
  };
  for (let u = 0, i = 0; u < n; u++) {
    if (supply[u] === 0) continue;
    // u -> root carries u's supply, root -> u a demand; both at the artificial price.
    extra.tail[i] = supply[u] > 0 ? u : root;
    extra.head[i] = supply[u] > 0 ? root : u;
    extra.cap[i] = Math.abs(supply[u]);
    i++;
  }
  const residual = buildResidual(nodes, src, extra, infinite, artificialCost);
  const excess = new Float64Array(nodes);
  for (let u = 0; u < n; u++) excess[u] = supply[u];
  // The artificial arcs start saturated, which balances every node but the root.
  for (let i = 0; i < arcs - m; i++) {
    const r = residual.forward[m + i];
    const back = residual.pair[r];
    residual.rescap[back] = residual.revcap[r] = residual.rescap[r];
    residual.rescap[r] = residual.revcap[back] = 0;
    excess[extra.tail[i]] -= extra.cap[i];
    excess[extra.head[i]] += extra.cap[i];
  }

  return { residual, excess };
}

type Numbers = Int32Array | Float64Array;

function numbers(length: number, maxAbs: number): Numbers {
  return maxAbs < 2 ** 31 ? new Int32Array(length) : new Float64Array(length);
}

interface Residual {
  nodes: number;
  /** entries of node u are [first[u], first[u + 1]) */
  first: Int32Array;
  head: Int32Array;
  /** the opposite entry of each entry */
  pair: Int32Array;
  rescap: Numbers;
  /**
   * rescap of each entry's opposite entry: the price update reads it for every entry it
   * scans, and here it is next in memory instead of a cache miss away.
   */
  revcap: Numbers;
  /** cost * alpha; the reverse entry holds its negation */
  cost: Numbers;
  /** forward entry of each original arc */
  forward: Int32Array;
}

function buildResidual(
  nodes: number,
  src: ReturnType<FlowNetwork['arrays']>,
  extra: { tail: Int32Array; head: Int32Array; cap: Float64Array },
  infinite: number,
  artificialCost: number,
): Residual {
  const m = src.from.length;
  const arcs = m + extra.tail.length;
  const alpha = nodes + 1;
  const capOf = (a: number): number => {
    const low = src.lower === null ? 0 : src.lower[a];
    return src.capacity[a] === Infinity ? infinite : src.capacity[a] - low;
  };
  const first = new Int32Array(nodes + 1);
  // 32-bit entries where the values fit (pen-pal networks): a third less memory to walk.
  let maxCap = 0;
  let maxCost = extra.tail.length > 0 ? artificialCost : 0;
  for (let a = 0; a < m; a++) {
    first[src.from[a] + 1]++;
    first[src.to[a] + 1]++;
    maxCap = Math.max(maxCap, capOf(a));
    maxCost = Math.max(maxCost, Math.abs(src.cost[a]));
  }
  for (let i = 0; i < extra.tail.length; i++) {
    first[extra.tail[i] + 1]++;
    first[extra.head[i] + 1]++;
    maxCap = Math.max(maxCap, extra.cap[i]);
  }
  for (let u = 0; u < nodes; u++) first[u + 1] += first[u];
  const fill = first.slice(0, nodes);
  const g: Residual = {
    nodes,
    first,
    head: new Int32Array(2 * arcs),
    pair: new Int32Array(2 * arcs),
    rescap: numbers(2 * arcs, maxCap),
    revcap: numbers(2 * arcs, maxCap),
    cost: numbers(2 * arcs, maxCost * alpha),
    forward: new Int32Array(arcs),
  };
  const place = (a: number, tail: number, head: number, cap: number, cost: number): void => {
    const f = fill[tail]++;
    const b = fill[head]++;
    g.head[f] = head;
    g.head[b] = tail;
    g.pair[f] = b;
    g.pair[b] = f;
    g.rescap[f] = g.revcap[b] = cap;
    g.cost[f] = cost * alpha;
    g.cost[b] = -cost * alpha;
    g.forward[a] = f;
  };
  for (let a = 0; a < m; a++) place(a, src.from[a], src.to[a], capOf(a), src.cost[a]);
  for (let i = 0; i < extra.tail.length; i++) {
    place(m + i, extra.tail[i], extra.head[i], extra.cap[i], artificialCost);
  }
  return g;
}

/**
 * One epsilon phase after another on the same residual network and prices. Convention: the
 * reduced cost of an entry u -> v is cost + price[u] - price[v]; epsilon-optimal means every
 * entry with residual capacity has reduced cost >= -epsilon.
 */
class Refiner {
  readonly price: Float64Array;
  /** pushes plus relabels, for benchmarks */
  work = 0;
  private readonly queue: Int32Array;
  /** look-back cache of discharge: three entries per node, and a bound on the others */
  private readonly cache: Int32Array;
  private readonly bound: Float64Array;
  /** full scans of a node's entries, for benchmarks */
  scans = 0;
  private readonly buckets: {
    dist: Float64Array;
    bucketFirst: Int32Array;
    next: Int32Array;
    prev: Int32Array;
    done: Uint8Array;
  };
  /** where a hub's next search for an admissible entry starts (dischargeHub) */
  private readonly current: Int32Array;
  private relabelsSinceUpdate = 0;
  /** relabels between price updates: a full update costs about one relabel per entry */
  private readonly updateEvery: number;

  constructor(
    private readonly g: Residual,
    private readonly excess: Float64Array,
  ) {
    this.price = new Float64Array(g.nodes);
    this.cache = new Int32Array(3 * g.nodes).fill(-1);
    this.bound = new Float64Array(g.nodes);
    this.queue = new Int32Array(g.nodes);
    this.current = g.first.slice(0, g.nodes);
    const n = g.nodes;
    this.buckets = {
      dist: new Float64Array(n),
      bucketFirst: new Int32Array(n + 1),
      next: new Int32Array(n),
      prev: new Int32Array(n),
      done: new Uint8Array(n),
    };
    this.updateEvery = Math.max(16, UPDATE_EVERY_NODES * n);
  }

  refine(eps: number): void {
    const { first, head, pair, rescap, revcap, cost, nodes } = this.g;
    const { price, excess, queue, cache } = this;
    // Saturating every entry of negative reduced cost makes the flow 0-optimal (so eps-optimal)
    // at the price of excesses and deficits, which the pushes below then settle.
    for (let u = 0; u < nodes; u++) {
      const pu = price[u];
      for (let r = first[u]; r < first[u + 1]; r++) {
        const delta = rescap[r];
        if (delta > 0 && cost[r] + pu - price[head[r]] < 0) {
          const back = pair[r];
          rescap[r] = revcap[back] = 0;
          rescap[back] += delta;
          revcap[r] += delta;
          excess[u] -= delta;
          excess[head[r]] += delta;
        }
      }
    }
    let size = 0;
    for (let u = 0; u < nodes; u++) {
      // The saturation above gave entries back their capacity: every cache is stale.
      cache[3 * u] = -1;
      if (excess[u] > 0) queue[size++] = u;
    }
    let head0 = 0;
    this.priceUpdate(eps, size);
    while (size > 0) {
      if (this.relabelsSinceUpdate > this.updateEvery) {
        // Prices only fall, so the caches stay valid.
        this.priceUpdate(eps, size);
      }
      const u = queue[head0];
      head0 = head0 + 1 === nodes ? 0 : head0 + 1;
      size--;
      size =
        first[u + 1] - first[u] >= HUB_ENTRIES
          ? this.dischargeHub(u, eps, head0, size)
          : this.discharge(u, eps, head0, size);
    }
  }

  /**
   * Global price update (Goldberg's "price update" heuristic): lowers every price by epsilon
   * times the node's distance to the nearest deficit, where an entry of reduced cost rc counts
   * floor(rc / eps) + 1, so that eps-optimality is kept and every active node gets an
   * admissible path towards a deficit. Without it most relabels only creep prices down one
   * epsilon at a time. Dial's buckets; the search stops once every active node is reached,
   * and the nodes not reached drop by the distance reached so far, which keeps eps-optimality.
   */
  private priceUpdate(eps: number, active: number): void {
    const { first, head, revcap, cost, nodes } = this.g;
    const { price, excess } = this;
    const { dist, bucketFirst, next, prev, done } = this.buckets;
    const limit = bucketFirst.length;
    this.relabelsSinceUpdate = 0;
    dist.fill(Infinity);
    done.fill(0);
    bucketFirst.fill(-1);
    const insert = (u: number, d: number): void => {
      const old = dist[u];
      if (old !== Infinity) {
        // Unlink from the old bucket.
        if (prev[u] >= 0) next[prev[u]] = next[u];
        else bucketFirst[old] = next[u];
        if (next[u] >= 0) prev[next[u]] = prev[u];
      }
      dist[u] = d;
      prev[u] = -1;
      next[u] = bucketFirst[d];
      if (next[u] >= 0) prev[next[u]] = u;
      bucketFirst[d] = u;
    };
    for (let u = 0; u < nodes; u++) if (excess[u] < 0) insert(u, 0);
    let reached = 0;
    let level = 0;
    for (; level < limit && reached < active; level++) {
      while (bucketFirst[level] >= 0 && reached < active) {
        const v = bucketFirst[level];
        bucketFirst[level] = next[v];
        if (next[v] >= 0) prev[next[v]] = -1;
        done[v] = 1;
        if (excess[v] > 0) reached++;
        const pv = price[v];
        for (let s = first[v]; s < first[v + 1]; s++) {
          const u = head[s];
          if (done[u] || revcap[s] <= 0) continue;
          // The reverse entry's cost is -cost[s]: read here, not at the far end of memory.
          const d = level + Math.floor((price[u] - cost[s] - pv) / eps) + 1;
          if (d < dist[u] && d < limit) insert(u, d);
        }
      }
      if (reached >= active) break;
    }
    const top = Math.min(level, limit - 1);
    for (let u = 0; u < nodes; u++) {
      const d = done[u] ? dist[u] : top;
      if (d > 0) price[u] -= d * eps;
    }
    // Unequal drops can make entries behind a hub's pointer admissible again.
    this.current.set(first.subarray(0, nodes));
  }

  /**
   * Pushes u's excess away, always along the residual entry of highest value price[v] - cost
   * (admissible when that value exceeds u's price), relabelling u to that value - eps when none
   * is admissible. Returns the new queue size.
   *
   * Look-back, as in the auction (assignment.ts): a full scan keeps u's three best entries and
   * an upper bound on the value of every other. Prices only fall, so a cached value above the
   * bound is the true best without a scan; an entry that regains capacity by a push from its
   * far end raises the bound to its value then. On these graphs most nodes have dozens of
   * entries and most relabels are then answered from the cache.
   */
  private discharge(u: number, eps: number, qHead: number, size: number): number {
    const { first, head } = this.g;
    const { price, excess } = this;
    let pu = price[u];
    while (excess[u] > 0) {
      const best = this.bestEntry(u);
      // An active node always has a residual path back to a deficit, so an exit entry.
      if (best < 0) throw new Error('cost scaling: an active node has no residual entry');
      if (!(this.bestValue > pu)) pu = this.relabel(u, this.bestValue - eps);
      const v = head[best];
      if (excess[v] >= 0 && first[v + 1] - first[v] < HUB_ENTRIES) {
        // Look-ahead (Goldberg's CS2): a unit pushed to a node with no admissible entry would
        // only come back after its relabel; relabel it first and choose again.
        const onward = this.bestEntry(v);
        if (onward >= 0 && !(this.bestValue > price[v])) {
          this.relabel(v, this.bestValue - eps);
          continue;
        }
      }
      size = this.push(u, best, pu, qHead, size);
    }
    return size;
  }

  /** value price[head] - cost of the entry bestEntry found last */
  private bestValue = -Infinity;

  /** u's residual entry of highest value (in bestValue), or -1 when u has none. */
  private bestEntry(u: number): number {
    const { first, head, rescap, cost } = this.g;
    const { price, cache, bound } = this;
    const c = 3 * u;
    let best = -1;
    let value = -Infinity;
    if (cache[c] >= 0) {
      for (let t = 0; t < 3; t++) {
        const e = cache[c + t];
        if (e < 0 || rescap[e] <= 0) continue;
        const x = price[head[e]] - cost[e];
        if (x > value) {
          value = x;
          best = e;
        }
      }
      if (best >= 0 && value >= bound[u]) {
        this.bestValue = value;
        return best;
      }
    }
    let x1 = -1;
    let x2 = -1;
    let x3 = -1;
    let w1 = -Infinity;
    let w2 = -Infinity;
    let w3 = -Infinity;
    let rest = -Infinity;
    for (let e = first[u]; e < first[u + 1]; e++) {
      if (rescap[e] <= 0) continue;
      const x = price[head[e]] - cost[e];
      if (x > w1) {
        rest = w3 > rest ? w3 : rest;
        x3 = x2;
        w3 = w2;
        x2 = x1;
        w2 = w1;
        x1 = e;
        w1 = x;
      } else if (x > w2) {
        rest = w3 > rest ? w3 : rest;
        x3 = x2;
        w3 = w2;
        x2 = e;
        w2 = x;
      } else if (x > w3) {
        rest = w3 > rest ? w3 : rest;
        x3 = e;
        w3 = x;
      } else if (x > rest) {
        rest = x;
      }
    }
    cache[c] = x1;
    cache[c + 1] = x2;
    cache[c + 2] = x3;
    bound[u] = rest;
    this.scans++;
    this.bestValue = w1;
    return x1;
  }

  /**
   * Discharge of a node with thousands of entries (the S and T of a transportation network).
   * The look-back cache answers three pushes per full scan, so a hub that must push its
   * excess one unit at a time to as many nodes scans its entries once per three of them:
   * quadratic in the network's size. Goldberg's current entry instead walks the entries once
   * per relabel: an entry behind the pointer stays inadmissible until u's price falls (prices
   * only fall, and a push from v back to u leaves u -> v with positive reduced cost), and a
   * global price update resets every pointer.
   */
  private dischargeHub(u: number, eps: number, qHead: number, size: number): number {
    const { first, head, rescap, cost } = this.g;
    const { price, excess, current } = this;
    const end = first[u + 1];
    let pu = price[u];
    let e = current[u];
    while (excess[u] > 0) {
      while (e < end && !(rescap[e] > 0 && price[head[e]] - cost[e] > pu)) e++;
      if (e < end) {
        size = this.push(u, e, pu, qHead, size);
        continue;
      }
      let value = -Infinity;
      for (let r = first[u]; r < end; r++) {
        if (rescap[r] <= 0) continue;
        const x = price[head[r]] - cost[r];
        if (x > value) value = x;
      }
      if (value === -Infinity) {
        throw new Error('cost scaling: an active node has no residual entry');
      }
      pu = this.relabel(u, value - eps);
      e = first[u];
    }
    current[u] = e;
    return size;
  }

  private relabel(u: number, to: number): number {
    if (to < -PRICE_BOUND) {
      throw new RangeError('cost scaling: a price left the exact range (2^51)');
    }
    this.price[u] = to;
    this.work++;
    this.relabelsSinceUpdate++;
    return to;
  }

  /** Pushes as much of u's excess as entry e takes; returns the new queue size. */
  private push(u: number, e: number, pu: number, qHead: number, size: number): number {
    const { head, pair, rescap, revcap, cost, nodes } = this.g;
    const { excess, queue, bound } = this;
    const v = head[e];
    const delta = excess[u] < rescap[e] ? excess[u] : rescap[e];
    rescap[e] -= delta;
    const back = pair[e];
    revcap[back] -= delta;
    revcap[e] += delta;
    if (rescap[back] === 0) {
      // v's entry back to u regains capacity: v's cache must not miss it.
      const x = pu - cost[back];
      if (x > bound[v]) bound[v] = x;
    }
    rescap[back] += delta;
    excess[u] -= delta;
    const before = excess[v];
    excess[v] = before + delta;
    this.work++;
    if (before <= 0 && before + delta > 0) {
      queue[(qHead + size) % nodes] = v;
      size++;
    }
    return size;
  }
}

/**
 * Exact potentials from the prices: price / alpha is close to a feasible potential, so a
 * label-correcting pass from the rounded prices settles after few corrections. The result
 * makes every residual entry's reduced cost non-negative, which proves the flow optimal. Null
 * when the pass does not settle within passes * nodes node visits (the flow may not be optimal
 * yet); with no limit it always settles at an optimum, which has no negative residual cycle.
 */
function exactPotentials(
  g: Residual,
  price: Float64Array,
  alpha: number,
  n: number,
  passes: number,
): Float64Array | null {
  const { first, head, rescap, cost, nodes } = g;
  const d = new Float64Array(nodes);
  for (let u = 0; u < nodes; u++) d[u] = Math.floor(price[u] / alpha);
  const queue = new Int32Array(nodes);
  const queued = new Uint8Array(nodes).fill(1);
  for (let u = 0; u < nodes; u++) queue[u] = u;
  let qHead = 0;
  let size = nodes;
  // Bellman-Ford's bound: no node is corrected more than nodes times without a negative cycle.
  let budget = Math.min(passes * nodes, nodes * (nodes + 1)) + nodes;
  while (size > 0) {
    if (--budget < 0) return null;
    const u = queue[qHead];
    qHead = qHead + 1 === nodes ? 0 : qHead + 1;
    size--;
    queued[u] = 0;
    const du = d[u];
    for (let r = first[u]; r < first[u + 1]; r++) {
      if (rescap[r] <= 0) continue;
      const v = head[r];
      const candidate = du + cost[r] / alpha;
      if (candidate < d[v]) {
        d[v] = candidate;
        if (!queued[v]) {
          queued[v] = 1;
          queue[(qHead + size) % nodes] = v;
          size++;
        }
      }
    }
  }
  return d.slice(0, n);
}

/** A negative cycle of arcs without capacity limit makes the cost unbounded below. */
function hasNegativeInfiniteCycle(
  n: number,
  from: Int32Array,
  to: Int32Array,
  capacity: Float64Array,
  cost: Float64Array,
): boolean {
  const arcs: number[] = [];
  for (let a = 0; a < capacity.length; a++) if (capacity[a] === Infinity) arcs.push(a);
  if (arcs.length === 0) return false;
  // Bellman-Ford from a virtual source joined to every node at cost 0.
  const d = new Float64Array(n);
  for (let pass = 0; pass <= n; pass++) {
    let changed = false;
    for (const a of arcs) {
      const candidate = d[from[a]] + cost[a];
      if (candidate < d[to[a]]) {
        d[to[a]] = candidate;
        changed = true;
      }
    }
    if (!changed) return false;
  }
  return true;
}
