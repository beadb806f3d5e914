import fc from 'fast-check';
import type { CandidateGraph } from './candidates';
import { isDegreeLexMaximal, type DegreeSide } from './degree-check';

interface Case {
  nK: number;
  nA: number;
  /** distinct (kr, asean) pairs, sorted by Korean */
  edges: [number, number][];
  krCapacity: number[];
  aseanCapacity: number[];
  krFirst: number[];
  aseanFirst: number[];
  aseanBonus: number[];
}

function graphOf(c: Case): CandidateGraph {
  const start = new Int32Array(c.nK + 1);
  for (const [k] of c.edges) start[k + 1]++;
  for (let k = 0; k < c.nK; k++) start[k + 1] += start[k];
  return {
    start,
    asean: Int32Array.from(c.edges.map(([, a]) => a)),
    score: new Uint8Array(c.edges.length),
    edges: c.edges.length,
  };
}

/** Degrees of a set of edges, or null when it exceeds a capacity. */
function degrees(c: Case, chosen: Uint8Array): { kr: Int32Array; asean: Int32Array } | null {
  const kr = new Int32Array(c.nK);
  const asean = new Int32Array(c.nA);
  c.edges.forEach(([k, a], e) => {
    if (chosen[e] === 0) return;
    kr[k]++;
    asean[a]++;
  });
  if (kr.some((d, k) => d > c.krCapacity[k])) return null;
  if (asean.some((d, a) => d > c.aseanCapacity[a])) return null;
  return { kr, asean };
}

/** (bonus pairs, newly matched people) as one number that orders them lexicographically. */
function levels(c: Case, d: { kr: Int32Array; asean: Int32Array }): number {
  let bonus = 0;
  let people = 0;
  d.kr.forEach((n, k) => (people += n > 0 ? c.krFirst[k] : 0));
  d.asean.forEach((n, a) => {
    people += n > 0 ? c.aseanFirst[a] : 0;
    bonus += n * c.aseanBonus[a];
  });
  return bonus * 1000 + people;
}

function sides(c: Case, d: { kr: Int32Array; asean: Int32Array }): [DegreeSide, DegreeSide] {
  return [
    {
      degree: d.kr,
      capacity: Int32Array.from(c.krCapacity),
      first: Uint8Array.from(c.krFirst),
      bonus: new Uint8Array(c.nK),
    },
    {
      degree: d.asean,
      capacity: Int32Array.from(c.aseanCapacity),
      first: Uint8Array.from(c.aseanFirst),
      bonus: Uint8Array.from(c.aseanBonus),
    },
  ];
}

const caseArb: fc.Arbitrary<{ c: Case; mask: number }> = fc
  .record({
    nK: fc.integer({ min: 1, max: 4 }),
    nA: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ nK, nA }) =>
    fc.record({
      c: fc.record({
        nK: fc.constant(nK),
        nA: fc.constant(nA),
        edges: fc
          .uniqueArray(fc.integer({ min: 0, max: nK * nA - 1 }), { maxLength: 10 })
          .map((keys) =>
            keys
              .sort((x, y) => x - y)
              .map((key): [number, number] => [Math.floor(key / nA), key % nA]),
          ),
        krCapacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: nK, maxLength: nK }),
        aseanCapacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: nA, maxLength: nA }),
        krFirst: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: nK, maxLength: nK }),
        aseanFirst: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: nA, maxLength: nA }),
        aseanBonus: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: nA, maxLength: nA }),
      }),
      mask: fc.integer({ min: 0, max: 1023 }),
    }),
  );

describe('isDegreeLexMaximal', () => {
  it('accepts a b-matching only when no other is lexicographically higher (exhaustive)', () => {
    let accepted = 0;
    let optimalSeen = 0;
    fc.assert(
      fc.property(caseArb, ({ c, mask }) => {
        const m = c.edges.length;
        const chosen = Uint8Array.from({ length: m }, (_, e) => (mask >> e) & 1);
        const d = degrees(c, chosen);
        if (d === null) return;
        let best = -1;
        for (let other = 0; other < 1 << m; other++) {
          const od = degrees(
            c,
            Uint8Array.from({ length: m }, (_, e) => (other >> e) & 1),
          );
          if (od !== null) best = Math.max(best, levels(c, od));
        }
        const optimal = levels(c, d) === best;
        const [kr, asean] = sides(c, d);
        const verdict = isDegreeLexMaximal(graphOf(c), chosen, kr, asean);
        // Sound: never accepts a b-matching that some other beats.
        if (verdict) expect(optimal).toBe(true);
        if (optimal) optimalSeen++;
        if (verdict) accepted++;
      }),
      { numRuns: 3000, seed: 37 },
    );
    // And useful: it accepts nearly every optimum (a false alarm needs a walk reusing an edge).
    expect(accepted).toBeGreaterThan(0.9 * optimalSeen);
  });

  it('finds the rising trail through a full person to a free one', () => {
    // k0 is free; a0 is full with k1, who could take a1, which has room: k0-a0, drop a0-k1,
    // k1-a1 matches k0 and keeps k1 and a0 matched.
    const c: Case = {
      nK: 2,
      nA: 2,
      edges: [
        [0, 0],
        [1, 0],
        [1, 1],
      ],
      krCapacity: [2, 1],
      aseanCapacity: [1, 2],
      krFirst: [1, 1],
      aseanFirst: [1, 1],
      aseanBonus: [0, 0],
    };
    const chosen = Uint8Array.from([0, 1, 0]);
    const [kr, asean] = sides(c, degrees(c, chosen)!);
    expect(isDegreeLexMaximal(graphOf(c), chosen, kr, asean)).toBe(false);
    const better = Uint8Array.from([1, 0, 1]);
    const [kr2, asean2] = sides(c, degrees(c, better)!);
    expect(isDegreeLexMaximal(graphOf(c), better, kr2, asean2)).toBe(true);
  });
});
