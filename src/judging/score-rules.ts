import type { FieldError } from '../common/errors/app-error';
import type { RubricCriterion } from '../competitions/rules/types';

/**
 * Problems with a judge's values: an unknown criterion, a value that is not a finite number or
 * lies outside the criterion's [min, max], and, for a final score, a criterion left out.
 */
export function scoreProblems(
  rubric: readonly RubricCriterion[],
  scores: Record<string, unknown>,
  final: boolean,
): FieldError[] {
  const byKey = new Map(rubric.map((c) => [c.key, c]));
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(scores)) {
    const c = byKey.get(key);
    const path = `scores.${key}`;
    if (!c) errors.push({ path, message: 'not a criterion of the rubric' });
    else if (typeof value !== 'number' || !Number.isFinite(value)) {
      errors.push({ path, message: 'must be a number' });
    } else if (value < c.min || value > c.max) {
      errors.push({ path, message: `must be between ${c.min} and ${c.max}` });
    }
  }
  if (final) {
    for (const c of rubric) {
      if (!(c.key in scores)) {
        errors.push({ path: `scores.${c.key}`, message: 'a final score needs every criterion' });
      }
    }
  }
  return errors;
}
