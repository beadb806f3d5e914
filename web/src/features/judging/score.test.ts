import { describe, expect, it } from 'vitest';
import { changedCriteria, outOfRange, parseScores, weightedTotal } from './score';

const rubric = [
  { key: 'story', label: 'Story', weight: 2, min: 0, max: 10 },
  { key: 'craft', label: 'Craft', weight: 1, min: 1, max: 5 },
];

describe('the score sheet arithmetic', () => {
  it('weighs the criteria as the ranking does: Σ w·s / Σ w on the weighted scale', () => {
    const total = weightedTotal(rubric, { story: 8, craft: 5 });
    expect(total.value).toBeCloseTo((2 * 8 + 5) / 3);
    expect(total.min).toBeCloseTo((0 + 1) / 3);
    expect(total.max).toBeCloseTo((20 + 5) / 3);
    expect(total.filled).toBe(2);
  });

  it('totals what is filled so far, and nothing when nothing is', () => {
    expect(weightedTotal(rubric, { craft: 4 }).value).toBe(4);
    expect(weightedTotal(rubric, {}).value).toBeNull();
  });

  it('reads what was typed (a decimal comma too) and leaves empty fields out', () => {
    expect(parseScores(rubric, { story: ' 7,5 ', craft: '' })).toEqual({ story: 7.5 });
    expect(parseScores(rubric, { story: 'abc', other: '3' })).toEqual({});
  });

  it('names the values out of range and the criteria that differ', () => {
    expect(outOfRange(rubric, { story: 11, craft: 0 })).toEqual(['story', 'craft']);
    expect(outOfRange(rubric, { story: 10, craft: 1 })).toEqual([]);
    expect(changedCriteria(rubric, { story: 7, craft: 3 }, { story: 7, craft: 4 })).toEqual([
      'craft',
    ]);
  });
});
