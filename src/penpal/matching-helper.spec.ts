import { generatePopulation } from '../../bench/lib/population';
import { matchPenpals, runMatching } from './matching';
import { startMatchingHelper } from './matching-helper';

describe('matching helper thread', () => {
  it('gives exactly the result of one thread', () => {
    const input = generatePopulation({ perSide: 600, seed: 3, k: 20, penpals: 1 });
    // From source: ts-node starts the helper (slowly); production starts the compiled one.
    const helper = startMatchingHelper(input.participants.length, { fromSource: true });
    expect(helper).not.toBeNull();
    try {
      const alone = runMatching(input);
      const helped = runMatching(input, helper ?? undefined);
      expect(helped.graph.edges).toBe(alone.graph.edges);
      expect(Array.from(helped.graph.asean)).toEqual(Array.from(alone.graph.asean));
      expect(helped.result.pairs).toEqual(alone.result.pairs);
      expect(helped.result.stats.objective).toEqual(alone.result.stats.objective);
    } finally {
      helper?.close();
    }
  });

  it('stays out of small runs unless asked', () => {
    expect(startMatchingHelper(100)).toBeNull();
    const input = generatePopulation({ perSide: 50, seed: 4, k: 10, penpals: 1 });
    expect(matchPenpals(input).pairs.length).toBeGreaterThan(0);
  });
});
