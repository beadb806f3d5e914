import { generatePopulation } from '../../../bench/lib/population';
import type { CandidateGraph } from './candidates';
import { runMatching } from './match';
import { prepare } from './prepare';
import { solveMatching } from './solve';
import type { Participant } from './types';

const person = (id: string, country: Participant['country']): Participant => ({
  id,
  country,
  age: 20,
  consentConfirmed: true,
  languages: [{ code: 'en', level: 'fluent' }],
  interests: [],
});

/** A candidate graph from (Korean, ASEAN, score) triples. */
function graphOf(krCount: number, edges: [number, number, number][]): CandidateGraph {
  edges.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const start = new Int32Array(krCount + 1);
  for (const [k] of edges) start[k + 1]++;
  for (let k = 0; k < krCount; k++) start[k + 1] += start[k];
  return {
    start,
    asean: Int32Array.from(edges.map((e) => e[1])),
    score: Uint8Array.from(edges.map((e) => e[2])),
    edges: edges.length,
  };
}

describe('solveMatching', () => {
  /*
   * A chain k0 - a1 = k1 - a2 = ... = k5 - a0 where the "=" pairs score 100 and the others 1.
   * Five good pairs leave k0 and a0 alone; six poor pairs match everyone. People come before
   * score, so six pairs is the optimum, but under the small level weights the five good pairs
   * weigh more: the level check must catch that and the proven weights must take over.
   */
  it('falls back to the proven weights when the small ones would give up people', () => {
    const ids = [0, 1, 2, 3, 4, 5];
    const prep = prepare({
      participants: [
        ...ids.map((i) => person(`k${i}`, 'KR')),
        ...ids.map((i) => person(`a${i}`, 'ID')),
      ],
    });
    const kr = (i: number) => prep.kr.participants.findIndex((p) => p.id === `k${i}`);
    const asean = (i: number) => prep.asean.participants.findIndex((p) => p.id === `a${i}`);
    const edges: [number, number, number][] = [[kr(0), asean(1), 1]];
    for (let i = 1; i <= 5; i++) {
      edges.push([kr(i), asean(i), 100]);
      edges.push([kr(i), asean((i + 1) % 6), 1]);
    }
    const graph = graphOf(6, edges);

    const byAuction = solveMatching(prep, graph);
    expect(byAuction.method).toBe('assignment');
    expect(byAuction.smallWeights).toBe(false);
    expect(byAuction.kr.length).toBe(6);
    expect(Array.from(byAuction.score)).toEqual([1, 1, 1, 1, 1, 1]);
    const bySimplex = solveMatching(prep, graph, undefined, 'network-simplex');
    expect(byAuction.flowCost).toBe(bySimplex.flowCost);
  });

  /*
   * The same chain with pen pals capped at one, beside a pair that may take two (so the round is
   * a b-matching): under the small weights the five good pairs win again, the degree check must
   * catch it and the full network must take over.
   */
  it('solves the full network when the small weights would give up people with two pen pals', () => {
    const ids = [0, 1, 2, 3, 4, 5];
    const one = { capacity: 1 };
    const prep = prepare({
      participants: [
        ...ids.map((i) => ({ ...person(`k${i}`, 'KR'), preferences: one })),
        person('k6', 'KR'),
        ...ids.map((i) => ({ ...person(`a${i}`, 'ID'), preferences: one })),
        person('a6', 'ID'),
      ],
      penpalsPerParticipant: 2,
    });
    const kr = (i: number) => prep.kr.participants.findIndex((p) => p.id === `k${i}`);
    const asean = (i: number) => prep.asean.participants.findIndex((p) => p.id === `a${i}`);
    const edges: [number, number, number][] = [
      [kr(0), asean(1), 1],
      [kr(6), asean(6), 50],
    ];
    for (let i = 1; i <= 5; i++) {
      edges.push([kr(i), asean(i), 100]);
      edges.push([kr(i), asean((i + 1) % 6), 1]);
    }
    const graph = graphOf(7, edges);
    expect(prep.kr.remaining[kr(6)]).toBe(2);

    const auto = solveMatching(prep, graph);
    expect(auto.method).toBe('network-simplex');
    expect(auto.smallWeights).toBe(false);
    expect(auto.kr.length).toBe(7);
    expect(Array.from(auto.score).sort((x, y) => x - y)).toEqual([1, 1, 1, 1, 1, 1, 50]);
    const byScaling = solveMatching(prep, graph, undefined, 'cost-scaling');
    expect(auto.flowCost).toBe(byScaling.flowCost);
  });

  it('keeps the small weights when the level check passes', () => {
    const prep = prepare({ participants: [person('k0', 'KR'), person('a0', 'ID')] });
    const graph: CandidateGraph = {
      start: Int32Array.from([0, 1]),
      asean: Int32Array.from([0]),
      score: Uint8Array.from([60]),
      edges: 1,
    };
    const solved = solveMatching(prep, graph);
    expect(solved.smallWeights).toBe(true);
    expect(solved.kr.length).toBe(1);
  });

  /*
   * The job's engine (matching-thread runs matchPenpals with the round's pen pals per
   * participant) on a generated round with two and three pen pals each: whichever flow solver
   * it picks, it and cost scaling must reach the simplex's optimum on the same candidate graph.
   */
  it.each([2, 3])('solves a generated round with %i pen pals each like the simplex', (penpals) => {
    const input = generatePopulation({ perSide: 300, seed: 9, k: 20, penpals });
    const run = runMatching(input);
    expect(run.solved.method).not.toBe('assignment');
    const byScaling = solveMatching(run.prep, run.graph, undefined, 'cost-scaling');
    const bySimplex = solveMatching(run.prep, run.graph, undefined, 'network-simplex');
    expect(byScaling.method).toBe('cost-scaling');
    expect(byScaling.flowCost).toBe(bySimplex.flowCost);
    expect(run.solved.flowCost).toBe(bySimplex.flowCost);
    expect(run.result.stats.pairs).toBe(bySimplex.kr.length);
    expect(run.result.stats.pairs).toBeGreaterThan(300);
  });
});
