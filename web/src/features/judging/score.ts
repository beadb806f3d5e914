import type { Criterion } from './queries';

/** The values typed so far: a field left empty or not a number is left out. */
export function parseScores(
  rubric: readonly Criterion[],
  typed: Record<string, string>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of rubric) {
    const text = (typed[c.key] ?? '').trim().replace(',', '.');
    if (text === '') continue;
    const n = Number(text);
    if (Number.isFinite(n)) out[c.key] = n;
  }
  return out;
}

/** Keys of the criteria whose value lies outside [min, max]. */
export function outOfRange(rubric: readonly Criterion[], values: Record<string, number>): string[] {
  return rubric
    .filter((c) => c.key in values && (values[c.key] < c.min || values[c.key] > c.max))
    .map((c) => c.key);
}

export interface Total {
  /** Σ weight × value / Σ weight over the criteria filled in (the ranking's judge total). */
  value: number | null;
  /** The scale the total lies on: the weighted mean of the minimums and of the maximums. */
  min: number;
  max: number;
  filled: number;
  of: number;
}

/** The weighted total as the ranking computes it (src/judging/ranking/normalisation.ts). */
export function weightedTotal(rubric: readonly Criterion[], values: Record<string, number>): Total {
  let weights = 0;
  let min = 0;
  let max = 0;
  let filledWeights = 0;
  let sum = 0;
  let filled = 0;
  for (const c of rubric) {
    weights += c.weight;
    min += c.weight * c.min;
    max += c.weight * c.max;
    if (c.key in values) {
      filled += 1;
      filledWeights += c.weight;
      sum += c.weight * values[c.key];
    }
  }
  return {
    value: filledWeights > 0 ? sum / filledWeights : null,
    min: weights > 0 ? min / weights : 0,
    max: weights > 0 ? max / weights : 0,
    filled,
    of: rubric.length,
  };
}

/** The criteria whose saved value differs from what the judge typed (shown after a 409). */
export function changedCriteria(
  rubric: readonly Criterion[],
  mine: Record<string, number>,
  theirs: Record<string, number>,
): string[] {
  return rubric.filter((c) => mine[c.key] !== theirs[c.key]).map((c) => c.key);
}
