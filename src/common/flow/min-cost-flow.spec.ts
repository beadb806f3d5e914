import fc from 'fast-check';
import {
  FlowNetwork,
  solveMinCostFlow,
  solveMinCostFlowByCostScaling,
  toDimacs,
  type FlowSolution,
} from './index';

interface ArcSpec {
  from: number;
  to: number;
  cap: number;
  cost: number;
  lower: number;
}

interface Instance {
  n: number;
  arcs: ArcSpec[];
  supply: number[];
}

function build(inst: Instance): FlowNetwork {
  const net = new FlowNetwork(inst.n);
  for (const a of inst.arcs) net.addArc(a.from, a.to, a.cap, a.cost, a.lower);
  inst.supply.forEach((s, u) => net.setSupply(u, s));
  return net;
}

/** Checks bounds and conservation, and that the potentials certify optimality. */
function expectValid(inst: Instance, sol: FlowSolution): void {
  const balance = new Array<number>(inst.n).fill(0);
  let cost = 0;
  inst.arcs.forEach((a, i) => {
    const f = sol.flow[i];
    expect(Number.isInteger(f)).toBe(true);
    expect(f).toBeGreaterThanOrEqual(a.lower);
    expect(f).toBeLessThanOrEqual(a.cap);
    balance[a.from] += f;
    balance[a.to] -= f;
    cost += f * a.cost;
    const rc = a.cost + sol.potential[a.from] - sol.potential[a.to];
    if (rc > 0) expect(f).toBe(a.lower);
    if (rc < 0) expect(f).toBe(a.cap);
  });
  expect(balance).toEqual(inst.supply);
  expect(sol.cost).toBe(cost);
}

/** The reference's verdict: infeasible, or its optimum with a valid certificate. */
function expectReferenceOptimum(inst: Instance, sol: FlowSolution): void {
  const expected = referenceMinCost(inst);
  expect(sol.feasible).toBe(expected !== null);
  if (expected !== null) {
    expect(sol.cost).toBe(expected);
    expectValid(inst, sol);
  }
}

/**
 * Independent reference: successive shortest paths with Bellman-Ford on an explicit residual
 * graph. Lower bounds become supplies; negative arcs start saturated so that the residual graph
 * has no negative cycle, which is what makes each shortest augmentation keep optimality.
 */
function referenceMinCost(inst: Instance): number | null {
  const n = inst.n + 2;
  const s = inst.n;
  const t = inst.n + 1;
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const adj: number[][] = Array.from({ length: n }, () => []);
  const add = (u: number, v: number, c: number, w: number): void => {
    adj[u].push(to.length);
    to.push(v);
    cap.push(c);
    cost.push(w);
    adj[v].push(to.length);
    to.push(u);
    cap.push(0);
    cost.push(-w);
  };
  const excess = inst.supply.slice();
  let base = 0;
  for (const a of inst.arcs) {
    const room = a.cap - a.lower;
    excess[a.from] -= a.lower;
    excess[a.to] += a.lower;
    base += a.lower * a.cost;
    if (a.cost < 0) {
      // Saturate: the residual arc is the reverse, with positive cost.
      excess[a.from] -= room;
      excess[a.to] += room;
      base += room * a.cost;
      add(a.to, a.from, room, -a.cost);
    } else {
      add(a.from, a.to, room, a.cost);
    }
  }
  let need = 0;
  for (let u = 0; u < inst.n; u++) {
    if (excess[u] > 0) {
      add(s, u, excess[u], 0);
      need += excess[u];
    } else if (excess[u] < 0) add(u, t, -excess[u], 0);
  }
  let total = base;
  while (need > 0) {
    const dist = new Array<number>(n).fill(Infinity);
    const via = new Array<number>(n).fill(-1);
    dist[s] = 0;
    for (let round = 0; round < n; round++) {
      let changed = false;
      for (let u = 0; u < n; u++) {
        if (dist[u] === Infinity) continue;
        for (const e of adj[u]) {
          if (cap[e] > 0 && dist[u] + cost[e] < dist[to[e]]) {
            dist[to[e]] = dist[u] + cost[e];
            via[to[e]] = e;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    if (dist[t] === Infinity) return null;
    let push = need;
    for (let v = t; v !== s; v = to[via[v] ^ 1]) push = Math.min(push, cap[via[v]]);
    for (let v = t; v !== s; v = to[via[v] ^ 1]) {
      cap[via[v]] -= push;
      cap[via[v] ^ 1] += push;
    }
    need -= push;
    total += push * dist[t];
  }
  const balanced = inst.supply.reduce((x, y) => x + y, 0) === 0;
  return balanced ? total : null;
}

const instanceArb = (maxNodes: number, maxArcs: number): fc.Arbitrary<Instance> =>
  fc
    .integer({ min: 1, max: maxNodes })
    .chain((n) =>
      fc.record({
        n: fc.constant(n),
        arcs: fc.array(
          fc
            .record({
              from: fc.integer({ min: 0, max: n - 1 }),
              to: fc.integer({ min: 0, max: n - 1 }),
              cap: fc.integer({ min: 0, max: 6 }),
              cost: fc.integer({ min: -9, max: 9 }),
              lower: fc.integer({ min: 0, max: 3 }),
            })
            .map((a) => ({ ...a, lower: Math.min(a.lower, a.cap) })),
          { maxLength: maxArcs },
        ),
        supply: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: n, maxLength: n }),
      }),
    )
    .map((inst) => {
      // Balance most instances so that feasible ones are common, keep some unbalanced.
      const sum = inst.supply.reduce((x, y) => x + y, 0);
      if (sum !== 0 && inst.arcs.length % 4 !== 0) inst.supply[0] -= sum;
      return inst;
    });

describe.each([
  ['network simplex', solveMinCostFlow],
  ['cost scaling', solveMinCostFlowByCostScaling],
] as const)('%s', (_name, solve) => {
  it('routes a transportation problem at minimum cost', () => {
    const net = new FlowNetwork(4);
    net.setSupply(0, 3);
    net.setSupply(1, 2);
    net.setSupply(2, -4);
    net.setSupply(3, -1);
    const a02 = net.addArc(0, 2, 10, 4);
    const a03 = net.addArc(0, 3, 10, 1);
    const a12 = net.addArc(1, 2, 10, 2);
    const a13 = net.addArc(1, 3, 10, 3);
    const sol = solve(net);
    expect(sol.feasible).toBe(true);
    expect(sol.status).toBe('optimal');
    expect(Array.from(sol.flow)).toEqual([2, 1, 2, 0]);
    expect([a02, a03, a12, a13]).toEqual([0, 1, 2, 3]);
    expect(sol.cost).toBe(2 * 4 + 1 + 2 * 2);
  });

  it('uses a negative cycle of a circulation up to its capacity', () => {
    const net = new FlowNetwork(3);
    net.addArc(0, 1, 5, -3);
    net.addArc(1, 2, 2, 1);
    net.addArc(2, 0, 4, 1);
    const sol = solve(net);
    expect(sol.feasible).toBe(true);
    expect(Array.from(sol.flow)).toEqual([2, 2, 2]);
    expect(sol.cost).toBe(-2);
  });

  it('reports infeasibility for unbalanced supplies and missing capacity', () => {
    const unbalanced = new FlowNetwork(2);
    unbalanced.addArc(0, 1, 10, 1);
    unbalanced.setSupply(0, 3);
    unbalanced.setSupply(1, -2);
    expect(solve(unbalanced)).toMatchObject({ feasible: false, status: 'infeasible' });

    const narrow = new FlowNetwork(3);
    narrow.addArc(0, 1, 2, 1);
    narrow.addArc(1, 2, 1, 1);
    narrow.setSupply(0, 2);
    narrow.setSupply(2, -2);
    expect(solve(narrow).feasible).toBe(false);
  });

  it('honours lower bounds even when they cost more', () => {
    const net = new FlowNetwork(2);
    net.setSupply(0, 4);
    net.setSupply(1, -4);
    const cheap = net.addArc(0, 1, 10, 1);
    const dear = net.addArc(0, 1, 10, 5, 3);
    const sol = solve(net);
    expect(sol.feasible).toBe(true);
    expect(sol.flow[cheap]).toBe(1);
    expect(sol.flow[dear]).toBe(3);
    expect(sol.cost).toBe(1 + 15);
  });

  it('reports lower bounds that cannot be met as infeasible', () => {
    const net = new FlowNetwork(2);
    net.addArc(0, 1, 5, 0, 2);
    expect(solve(net).feasible).toBe(false);
  });

  it('handles infinite capacities and detects unbounded negative cycles', () => {
    const net = new FlowNetwork(2);
    net.setSupply(0, 7);
    net.setSupply(1, -7);
    net.addArc(0, 1, Infinity, 2);
    expect(solve(net)).toMatchObject({ feasible: true, cost: 14 });

    const loop = new FlowNetwork(2);
    loop.addArc(0, 1, Infinity, -1);
    loop.addArc(1, 0, Infinity, 0);
    expect(solve(loop)).toMatchObject({ feasible: false, status: 'unbounded' });
  });

  it('keeps big-M costs exact', () => {
    const big = 2 ** 40;
    const net = new FlowNetwork(3);
    net.setSupply(0, 2);
    net.setSupply(2, -2);
    net.addArc(0, 1, 2, -big);
    net.addArc(1, 2, 1, 1);
    net.addArc(1, 2, 1, 3);
    net.addArc(0, 2, 2, 0);
    const sol = solve(net);
    expect(sol.cost).toBe(-2 * big + 4);
  });

  it('refuses costs beyond the exactness bound', () => {
    const net = new FlowNetwork(2);
    net.addArc(0, 1, 1, 2 ** 51);
    expect(() => solve(net)).toThrow(RangeError);
  });

  it('validates arcs and supplies', () => {
    const net = new FlowNetwork(2);
    expect(() => net.addArc(0, 2, 1, 1)).toThrow(RangeError);
    expect(() => net.addArc(0, 1, 1.5, 1)).toThrow(RangeError);
    expect(() => net.addArc(0, 1, 1, 0.5)).toThrow(RangeError);
    expect(() => net.addArc(0, 1, 1, 1, 2)).toThrow(RangeError);
    expect(() => net.setSupply(0, 0.5)).toThrow(RangeError);
  });

  it('grows past its initial storage and solves an empty network', () => {
    const net = new FlowNetwork(50);
    for (let i = 0; i < 1000; i++) net.addArc(i % 50, (i * 7 + 1) % 50, 1, (i * 13) % 11);
    expect(net.arcCount).toBe(1000);
    expect(net.arcTo(999)).toBe((999 * 7 + 1) % 50);
    expect(solve(net)).toMatchObject({ feasible: true, cost: 0 });
    expect(solve(new FlowNetwork(0))).toMatchObject({ feasible: true, cost: 0 });
  });

  it('reports progress ending at 1', () => {
    const net = new FlowNetwork(2);
    net.setSupply(0, 1);
    net.setSupply(1, -1);
    net.addArc(0, 1, 1, 1);
    const seen: number[] = [];
    solve(net, { onProgress: (f) => seen.push(f) });
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('matches successive shortest paths on random small networks', () => {
    fc.assert(
      fc.property(instanceArb(7, 14), (inst) => {
        const sol = solve(build(inst));
        const expected = referenceMinCost(inst);
        if (expected === null) {
          expect(sol.feasible).toBe(false);
        } else {
          expect(sol.feasible).toBe(true);
          expect(sol.cost).toBe(expected);
          expectValid(inst, sol);
        }
      }),
      { numRuns: 600, seed: 20270101 },
    );
  });

  it('certifies optimality on a larger random transportation problem', () => {
    let x = 12345;
    const rand = (k: number): number => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return x % k;
    };
    const left = 120;
    const right = 90;
    const arcs: ArcSpec[] = [];
    for (let i = 0; i < left; i++) {
      for (let j = 0; j < 8; j++) {
        arcs.push({ from: i, to: left + rand(right), cap: 1 + rand(3), cost: rand(100), lower: 0 });
      }
    }
    const supply = new Array<number>(left + right).fill(0);
    for (let i = 0; i < left; i++) supply[i] = 3;
    for (let j = 0; j < right; j++) supply[left + j] = -4;
    const inst: Instance = { n: left + right, arcs, supply };
    const sol = solve(build(inst));
    const expected = referenceMinCost(inst);
    expect(sol.feasible).toBe(expected !== null);
    if (expected !== null) {
      expect(sol.cost).toBe(expected);
      expectValid(inst, sol);
    }
  });
});

describe('cost scaling from given prices', () => {
  it('matches successive shortest paths whatever prices it starts from', () => {
    fc.assert(
      fc.property(
        instanceArb(7, 14).chain((inst) =>
          fc.tuple(
            fc.constant(inst),
            fc.array(fc.integer({ min: -40, max: 40 }), {
              minLength: inst.n,
              maxLength: inst.n,
            }),
          ),
        ),
        ([inst, price]) => {
          const sol = solveMinCostFlowByCostScaling(build(inst), {
            price: Float64Array.from(price),
          });
          expectReferenceOptimum(inst, sol);
        },
      ),
      { numRuns: 600, seed: 20261206 },
    );
  });

  it('refuses prices of the wrong length, fractional ones and ones beyond exact arithmetic', () => {
    const net = new FlowNetwork(2);
    net.addArc(0, 1, 1, -1);
    net.addArc(1, 0, 1, 0);
    const solve = (price: number[]) => () =>
      solveMinCostFlowByCostScaling(net, { price: Float64Array.from(price) });
    expect(solve([0])).toThrow(RangeError);
    expect(solve([0, 0.5])).toThrow(RangeError);
    expect(solve([0, 2 ** 51])).toThrow(RangeError);
    expect(solve([0, -3]).call(null).cost).toBe(-1);
  });
});

describe('solveMinCostFlow options', () => {
  it('agrees with the reference on medium networks whatever the pivot block size (network simplex)', () => {
    fc.assert(
      fc.property(
        instanceArb(20, 70),
        fc.constantFrom(0.01, 0.2, 1, 3),
        (inst, blockSizeFactor) => {
          const sol = solveMinCostFlow(build(inst), { blockSizeFactor });
          expectReferenceOptimum(inst, sol);
        },
      ),
      { numRuns: 300, seed: 4242 },
    );
  });
});

/**
 * A b-matching circulation shaped like a pen-pal round: hubs S and T with more entries than
 * HUB_ENTRIES in cost-scaling.ts (discharged by a current-entry pointer), a first slot per
 * person worth more than the rest, and unit pair arcs (where the look-ahead relabels).
 */
function hubCirculation(seed: number, side: number, perLeft: number, slots: number): Instance {
  const rand = fc.sample(fc.integer({ min: 0, max: 2 ** 30 }), { seed, numRuns: 1 })[0];
  let x = rand;
  const next = (k: number): number => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % k;
  };
  const s = 0;
  const t = 1;
  const arcs: ArcSpec[] = [{ from: t, to: s, cap: 10 ** 6, cost: 0, lower: 0 }];
  const person = 101;
  for (let i = 0; i < 2 * side; i++) {
    const node = 2 + i;
    const [from, to] = i < side ? [s, node] : [node, t];
    arcs.push({ from, to, cap: 1, cost: next(4) === 0 ? 0 : -person, lower: 0 });
    arcs.push({ from, to, cap: slots - 1, cost: 0, lower: 0 });
  }
  for (let i = 0; i < side; i++) {
    for (let j = 0; j < perLeft; j++) {
      const cost = -(next(101) + 3 * person * next(2));
      arcs.push({ from: 2 + i, to: 2 + side + next(side), cap: 1, cost, lower: 0 });
    }
  }
  return { n: 2 + 2 * side, arcs, supply: new Array<number>(2 + 2 * side).fill(0) };
}

/** 0 at the hubs, the cheapest path cost from S elsewhere (arcs leave S, then go left to right). */
function bidPrices(inst: Instance): Float64Array {
  const price = new Float64Array(inst.n);
  const pair = (a: ArcSpec): boolean => a.from > 1 && a.to > 1;
  for (const a of inst.arcs) if (a.from === 0) price[a.to] = Math.min(price[a.to], a.cost);
  for (const a of inst.arcs) {
    if (pair(a)) price[a.to] = Math.min(price[a.to], price[a.from] + a.cost);
  }
  return price;
}

describe('cost scaling on pen-pal-shaped circulations with hubs', () => {
  it('reaches the network simplex optimum with a valid certificate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 6 }),
        fc.integer({ min: 2, max: 3 }),
        (seed, slots) => {
          const inst = hubCirculation(seed, 600, 5, slots);
          const optimum = solveMinCostFlow(build(inst)).cost;
          const sol = solveMinCostFlowByCostScaling(build(inst));
          expect(sol.feasible).toBe(true);
          expect(sol.cost).toBe(optimum);
          expectValid(inst, sol);
          // From the prices the pen-pal engine starts from (solve-capacity.ts): the same optimum.
          const warm = solveMinCostFlowByCostScaling(build(inst), { price: bidPrices(inst) });
          expect(warm.feasible).toBe(true);
          expect(warm.cost).toBe(optimum);
          expectValid(inst, warm);
        },
      ),
      { numRuns: 6, seed: 1414 },
    );
  });
});

describe('FlowNetwork as plain arrays', () => {
  it('crosses to another thread as arrays and solves to the same optimum', () => {
    const net = new FlowNetwork(4);
    net.addArc(3, 0, Infinity, 0);
    net.addArc(0, 1, 2, -5);
    net.addArc(1, 2, 1, 3);
    net.addArc(0, 2, 1, -1);
    net.addArc(2, 3, 2, -2);
    const copy = FlowNetwork.fromArrays(net.toArrays());
    expect(toDimacs(copy)).toBe(toDimacs(net));
    const original = solveMinCostFlowByCostScaling(net);
    expect(solveMinCostFlowByCostScaling(copy).cost).toBe(original.cost);
    expect(original.cost).toBe(-5 + 3 - 1 - 4);
  });

  it('checks every arc it is given as addArc does, and grows past them', () => {
    const arrays = (from: number, to: number, capacity: number, cost: number) => ({
      nodeCount: 3,
      from: Int32Array.of(0, from),
      to: Int32Array.of(1, to),
      capacity: Float64Array.of(1, capacity),
      cost: Float64Array.of(0, cost),
    });
    expect(() => FlowNetwork.fromArrays(arrays(0, 3, 1, 0))).toThrow('node 3 is outside 0..2');
    expect(() => FlowNetwork.fromArrays(arrays(-1, 2, 1, 0))).toThrow('node -1 is outside');
    expect(() => FlowNetwork.fromArrays(arrays(0, 2, -1, 0))).toThrow('below the lower bound');
    expect(() => FlowNetwork.fromArrays(arrays(0, 2, 1.5, 0))).toThrow('capacity must be');
    expect(() => FlowNetwork.fromArrays(arrays(0, 2, 1, 0.5))).toThrow('cost must be');
    expect(() =>
      FlowNetwork.fromArrays({ ...arrays(0, 2, 1, 0), cost: Float64Array.of(0) }),
    ).toThrow('one entry per arc');
    const net = FlowNetwork.fromArrays(arrays(1, 2, Infinity, -3));
    expect(net.arcCount).toBe(2);
    expect(net.addArc(2, 0, 1, 0)).toBe(2);
    expect([net.arcCapacity(1), net.arcCost(1), net.arcFrom(2)]).toEqual([Infinity, -3, 2]);
  });

  it('refuses to drop supplies or lower bounds', () => {
    const withSupply = new FlowNetwork(2);
    withSupply.setSupply(0, 1);
    expect(() => withSupply.toArrays()).toThrow('neither lower bounds nor supplies');
    const withLower = new FlowNetwork(2);
    withLower.addArc(0, 1, 2, 1, 1);
    expect(() => withLower.toArrays()).toThrow('neither lower bounds nor supplies');
  });
});

describe('toDimacs', () => {
  it('writes 1-based nodes, supplies and arcs with lower bounds', () => {
    const net = new FlowNetwork(3);
    net.setSupply(0, 2);
    net.setSupply(2, -2);
    net.addArc(0, 1, 4, 3, 1);
    net.addArc(1, 2, Infinity, -1);
    expect(toDimacs(net)).toBe(
      ['p min 3 2', 'n 1 2', 'n 3 -2', 'a 1 2 1 4 3', 'a 2 3 0 9 -1', ''].join('\n'),
    );
  });
});
