import type { FieldError } from '../../common/errors/app-error';
import type { Eligibility, Limits, RubricCriterion } from './types';

export interface CompetitionShape {
  submissionOpensAt: Date;
  submissionClosesAt: Date;
  eligibility: Eligibility;
  rubric: RubricCriterion[];
  limits: Limits;
}

/** Rules that span fields, checked after a create or a PATCH is merged into the stored one. */
export function competitionProblems(c: CompetitionShape): FieldError[] {
  const errors: FieldError[] = [];
  if (c.submissionOpensAt.getTime() >= c.submissionClosesAt.getTime()) {
    errors.push({
      path: 'submissionClosesAt',
      message: 'submissionClosesAt must be after submissionOpensAt',
    });
  }
  const e = c.eligibility;
  if (e.minAge !== undefined && e.maxAge !== undefined && e.minAge > e.maxAge) {
    errors.push({ path: 'eligibility.maxAge', message: 'maxAge must not be below minAge' });
  }
  if (e.minTeamSize !== undefined && e.maxTeamSize !== undefined && e.minTeamSize > e.maxTeamSize) {
    errors.push({
      path: 'eligibility.maxTeamSize',
      message: 'maxTeamSize must not be below minTeamSize',
    });
  }
  if (e.requireMixedTeam && e.maxTeamSize !== undefined && e.maxTeamSize < 2) {
    errors.push({
      path: 'eligibility.maxTeamSize',
      message: 'a mixed team needs room for at least two members',
    });
  }
  if (c.rubric.length === 0)
    errors.push({ path: 'rubric', message: 'list at least one criterion' });
  const seen = new Set<string>();
  c.rubric.forEach((r, i) => {
    if (seen.has(r.key)) {
      errors.push({ path: `rubric[${i}].key`, message: `the key "${r.key}" is used twice` });
    }
    seen.add(r.key);
    if (!(r.weight > 0))
      errors.push({ path: `rubric[${i}].weight`, message: 'weight must be positive' });
    if (!(r.min < r.max))
      errors.push({ path: `rubric[${i}].max`, message: 'max must be above min' });
  });
  return errors;
}
