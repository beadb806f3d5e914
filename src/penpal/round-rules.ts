import type { FieldError } from '../common/errors/app-error';
import type { PenpalRound } from './penpal-round.entity';

type RoundShape = Pick<
  PenpalRound,
  'enrolmentOpensAt' | 'enrolmentClosesAt' | 'rules' | 'countryBalance'
>;

/** Checks a round as a whole (after a PATCH merges into it), field by field. */
export function roundProblems(round: RoundShape): FieldError[] {
  const errors: FieldError[] = [];
  if (round.enrolmentOpensAt.getTime() >= round.enrolmentClosesAt.getTime()) {
    errors.push({ path: 'enrolmentClosesAt', message: 'enrolment must close after it opens' });
  }
  const { minAge, maxAge } = round.rules;
  if (minAge !== undefined && maxAge !== undefined && minAge > maxAge) {
    errors.push({ path: 'rules.maxAge', message: 'maxAge must be at least minAge' });
  }
  return errors;
}

export type EnrolmentWindow = 'not_open' | 'open' | 'closed';

export function enrolmentWindow(
  round: Pick<PenpalRound, 'enrolmentOpensAt' | 'enrolmentClosesAt'>,
  now: Date,
): EnrolmentWindow {
  if (now < round.enrolmentOpensAt) return 'not_open';
  return now < round.enrolmentClosesAt ? 'open' : 'closed';
}

/** Why a person of this age cannot enrol, or null; ages count at the close of enrolment. */
export function ageProblem(age: number, rules: PenpalRound['rules']): string | null {
  if (rules.minAge !== undefined && age < rules.minAge)
    return `This round is for people aged ${rules.minAge} or more`;
  if (rules.maxAge !== undefined && age > rules.maxAge)
    return `This round is for people aged ${rules.maxAge} or less`;
  return null;
}
