import fc from 'fast-check';
import type { CandidateGraph } from './candidates';
import { isVertexWeightOptimal } from './level-check';

interface Case {
  nK: number;
  nA: number;
  edges: [number, number][];
  alpha: number[];
  beta: number[];
  /** a matching, as edge indices into `edges` */
  matching: number[];
}

function graphOf(c: Case): CandidateGraph {
  const sorted = [...new Set(c.edges.map(([k, a]) => k * 100 + a))].sort((x, y) => x - y);
  const start = new Int32Array(c.nK + 1);
  for (const key of sorted) start[Math.floor(key / 100) + 1]++;
  for (let k = 0; k < c.nK; k++) start[k + 1] += start[k];
  return {
    start,
    asean: Int32Array.from(sorted.map((key) => key % 100)),
    score: new Uint8Array(sorted.length),
    edges: sorted.length,
  };
}

function mates(c: Case): { kr: Int32Array; asean: Int32Array } {
  const kr = new Int32Array(c.nK).fill(-1);
  const asean = new Int32Array(c.nA).fill(-1);
  for (const i of c.matching) {
    const [k, a] = c.edges[i];
    if (kr[k] >= 0 || asean[a] >= 0) continue;
    kr[k] = a;
    asean[a] = k;
  }
  return { kr, asean };
}

function value(c: Case, kr: Int32Array, asean: Int32Array): number {
  let v = 0;
  kr.forEach((a, k) => (v += a >= 0 ? c.alpha[k] : 0));
  asean.forEach((k, a) => (v += k >= 0 ? c.beta[a] : 0));
  return v;
}

/** The best value over every matching of the graph. */
function bruteForce(c: Case): number {
  const g = graphOf(c);
  const kr = new Int32Array(c.nK).fill(-1);
  const asean = new Int32Array(c.nA).fill(-1);
  let best = 0;
  const visit = (k: number): void => {
    if (k === c.nK) {
      best = Math.max(best, value(c, kr, asean));
      return;
    }
    visit(k + 1);
    for (let e = g.start[k]; e < g.start[k + 1]; e++) {
      const a = g.asean[e];
      if (asean[a] >= 0) continue;
      kr[k] = a;
      asean[a] = k;
      visit(k + 1);
      kr[k] = -1;
      asean[a] = -1;
    }
  };
  visit(0);
  return best;
}

const caseArb: fc.Arbitrary<Case> = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([nK, nA]) =>
    fc.record({
      nK: fc.constant(nK),
      nA: fc.constant(nA),
      edges: fc.array(
        fc.tuple(fc.integer({ min: 0, max: nK - 1 }), fc.integer({ min: 0, max: nA - 1 })),
        { maxLength: 14 },
      ),
      alpha: fc.array(fc.constantFrom(0, 1), { minLength: nK, maxLength: nK }),
      beta: fc.array(fc.constantFrom(0, 1, 3, 4), { minLength: nA, maxLength: nA }),
      matching: fc.array(fc.nat({ max: 13 }), { maxLength: 8 }),
    }),
  )
  .map((c) => ({ ...c, matching: c.matching.filter((i) => i < c.edges.length) }));

describe('isVertexWeightOptimal', () => {
  it('says a matching is optimal exactly when no matching is worth more', () => {
    let optimal = 0;
    let notOptimal = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const m = mates(c);
        const says = isVertexWeightOptimal(
          graphOf(c),
          m.kr,
          m.asean,
          Uint8Array.from(c.alpha),
          Uint8Array.from(c.beta),
        );
        const truth = value(c, m.kr, m.asean) === bruteForce(c);
        expect(says).toBe(truth);
        if (truth) optimal++;
        else notOptimal++;
      }),
      { numRuns: 1500, seed: 29 },
    );
    // Both answers must be exercised for the comparison to mean anything.
    expect(Math.min(optimal, notOptimal)).toBeGreaterThan(200);
  });

  it('finds a long augmenting path, and lets a heavier person replace a lighter one', () => {
    // k0 - a1 = k1 - a2 = k2 - a0, with (k1, a1) and (k2, a2) matched.
    const chain = (withK0: boolean): Case => ({
      nK: 3,
      nA: 3,
      edges: [[1, 1], [1, 2], [2, 2], [2, 0], ...(withK0 ? [[0, 1] as [number, number]] : [])],
      alpha: [1, 1, 1],
      beta: [0, 0, 0],
      matching: [0, 2],
    });
    const check = (c: Case, alpha: number[], beta: number[]): boolean => {
      const m = mates(c);
      return isVertexWeightOptimal(
        graphOf(c),
        m.kr,
        m.asean,
        Uint8Array.from(alpha),
        Uint8Array.from(beta),
      );
    };
    expect(check(chain(true), [1, 1, 1], [0, 0, 0])).toBe(false);
    // Nothing to gain when neither end of the path is worth anything.
    expect(check(chain(true), [0, 1, 1], [0, 1, 1])).toBe(true);
    // Without k0 there is no augmenting path, but a0 (3) can replace a2 (1): a0 - k2 = a2.
    expect(check(chain(false), [1, 1, 1], [3, 1, 1])).toBe(false);
    expect(check(chain(false), [1, 1, 1], [1, 1, 1])).toBe(true);
  });
});
