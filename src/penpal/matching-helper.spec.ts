import { generatePopulation } from '../../bench/lib/population';
import { matchPenpals, runMatching } from './matching';
import { startMatchingHelper } from './matching-helper';

describe('matching helper thread', () => {
  // One pen pal each: the auction's halves; two: the flow networks' halves (solve-capacity.ts).
  it.each([1, 2])('gives exactly the result of one thread (%i pen pals each)', (penpals) => {
    // Large enough (about 250,000 candidate edges) for the solve to be split in two as well.
    const input = generatePopulation({ perSide: 2500, seed: 3, k: 50, penpals });
    // From source: ts-node starts the helper (slowly); production starts the compiled one.
    const helper = startMatchingHelper(input.participants.length, { fromSource: true });
    expect(helper).not.toBeNull();
    try {
      const alone = runMatching(input);
      const helped = runMatching(input, helper ?? undefined);
      expect(helped.graph.edges).toBe(alone.graph.edges);
      expect(Array.from(helped.graph.asean)).toEqual(Array.from(alone.graph.asean));
      // Minors and adults form two halves, solved apart with or without the helper.
      expect(helped.solved.parts).toBe(2);
      expect(alone.solved.parts).toBe(2);
      expect(helped.solved.method).toBe(penpals === 1 ? 'assignment' : 'cost-scaling');
      expect(helped.result.pairs).toEqual(alone.result.pairs);
      expect(helped.result.stats.objective).toEqual(alone.result.stats.objective);
    } finally {
      helper?.close();
    }
  });

  it('does the work itself when the helper cannot take it', () => {
    const input = generatePopulation({ perSide: 2500, seed: 5, k: 50, penpals: 1 });
    const alone = runMatching(input);
    const refused = runMatching(input, {
      candidates: () => null,
      matching: () => null,
      flow: () => null,
    });
    expect(refused.result.pairs).toEqual(alone.result.pairs);
  });

  it('stays out of small runs unless asked', () => {
    expect(startMatchingHelper(100)).toBeNull();
    const input = generatePopulation({ perSide: 50, seed: 4, k: 10, penpals: 1 });
    expect(matchPenpals(input).pairs.length).toBeGreaterThan(0);
  });
});
