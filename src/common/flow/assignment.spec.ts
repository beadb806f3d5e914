import fc from 'fast-check';
import { maxWeightMatching, type BipartiteGraph } from './assignment';
import { FlowNetwork, solveMinCostFlow } from './min-cost-flow';

function graphOf(left: number, right: number, edges: [number, number, number][]): BipartiteGraph {
  const sorted = [...edges].sort((x, y) => x[0] - y[0]);
  const start = new Int32Array(left + 1);
  for (const [l] of sorted) start[l + 1]++;
  for (let l = 0; l < left; l++) start[l + 1] += start[l];
  return {
    leftCount: left,
    rightCount: right,
    start,
    right: Int32Array.from(sorted.map((e) => e[1])),
    weight: Float64Array.from(sorted.map((e) => e[2])),
  };
}

/** Brute force over every matching, for tiny graphs. */
function bruteForce(left: number, edges: [number, number, number][]): number {
  let best = 0;
  const usedRight = new Set<number>();
  const visit = (l: number, total: number): void => {
    if (l === left) {
      best = Math.max(best, total);
      return;
    }
    visit(l + 1, total);
    for (const [a, b, w] of edges) {
      if (a !== l || usedRight.has(b)) continue;
      usedRight.add(b);
      visit(l + 1, total + w);
      usedRight.delete(b);
    }
  };
  visit(0, 0);
  return best;
}

/** The same problem as a min-cost flow, solved by the network simplex. */
function byFlow(left: number, right: number, edges: [number, number, number][]): number {
  const net = new FlowNetwork(left + right + 2);
  const s = left + right;
  const t = s + 1;
  for (let l = 0; l < left; l++) net.addArc(s, l, 1, 0);
  for (let r = 0; r < right; r++) net.addArc(left + r, t, 1, 0);
  for (const [l, r, w] of edges) net.addArc(l, left + r, 1, -w);
  net.addArc(t, s, Infinity, 0);
  return 0 - solveMinCostFlow(net).cost;
}

const edgesArb = (maxSide: number, maxWeight: number) =>
  fc
    .tuple(fc.integer({ min: 1, max: maxSide }), fc.integer({ min: 1, max: maxSide }))
    .chain(([left, right]) =>
      fc.tuple(
        fc.constant(left),
        fc.constant(right),
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: left - 1 }),
            fc.integer({ min: 0, max: right - 1 }),
            fc.integer({ min: 0, max: maxWeight }),
          ),
          { maxLength: 3 * maxSide },
        ),
      ),
    );

function checkMatching(g: BipartiteGraph, sol: ReturnType<typeof maxWeightMatching>): void {
  for (let l = 0; l < g.leftCount; l++) {
    const r = sol.mateOfLeft[l];
    if (r < 0) continue;
    expect(sol.mateOfRight[r]).toBe(l);
    let found = false;
    for (let e = g.start[l]; e < g.start[l + 1]; e++) if (g.right[e] === r) found = true;
    expect(found).toBe(true);
  }
}

describe('maxWeightMatching', () => {
  it('solves a small hand case', () => {
    const g = graphOf(3, 3, [
      [0, 0, 5],
      [0, 1, 4],
      [1, 0, 4],
      [2, 2, 0],
    ]);
    const sol = maxWeightMatching(g);
    expect(sol.total).toBe(8);
    expect(Array.from(sol.mateOfLeft)).toEqual([1, 0, -1]);
  });

  it('matches brute force on tiny random graphs', () => {
    fc.assert(
      fc.property(edgesArb(5, 20), ([left, right, edges]) => {
        const g = graphOf(left, right, edges);
        const sol = maxWeightMatching(g);
        checkMatching(g, sol);
        expect(sol.total).toBe(bruteForce(left, edges));
      }),
      { numRuns: 400, seed: 3 },
    );
  });

  it('matches the network simplex on larger graphs with big weights and ties', () => {
    fc.assert(
      fc.property(edgesArb(40, 3), fc.integer({ min: 0, max: 10 ** 7 }), ([l, r, edges], big) => {
        const weighted = edges.map(([a, b, w]): [number, number, number] => [a, b, big + w]);
        const g = graphOf(l, r, weighted);
        const sol = maxWeightMatching(g);
        checkMatching(g, sol);
        expect(sol.total).toBe(byFlow(l, r, weighted));
      }),
      { numRuns: 150, seed: 5 },
    );
  });

  it('refuses weights it cannot keep exact', () => {
    expect(() => maxWeightMatching(graphOf(1, 1, [[0, 0, 2 ** 50]]))).toThrow(RangeError);
    expect(() => maxWeightMatching(graphOf(1, 1, [[0, 0, 1.5]]))).toThrow(RangeError);
  });
});
