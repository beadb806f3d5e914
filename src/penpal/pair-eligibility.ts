import { isMinorOn } from '../common/age';
import { mayParticipate } from '../identity/consent';
import type { ParticipantState } from '../identity/guardian-consent.service';
import type { PenpalRound } from './penpal-round.entity';

/**
 * Why two people can no longer be pen pals, or null: one of them may not take part (a minor
 * without a guardian's confirmed consent), or one is a minor and the other an adult. Minor
 * status counts at the close of enrolment, as the matching engine counts it.
 */
export type PairProblem = 'consent' | 'age_class';

export function pairProblem(
  a: ParticipantState | undefined,
  b: ParticipantState | undefined,
  round: Pick<PenpalRound, 'enrolmentClosesAt'>,
): PairProblem | null {
  if (!a?.dateOfBirth || !b?.dateOfBirth) return 'consent';
  if (!mayParticipate(a.consent) || !mayParticipate(b.consent)) return 'consent';
  const minorA = isMinorOn(a.dateOfBirth, round.enrolmentClosesAt);
  const minorB = isMinorOn(b.dateOfBirth, round.enrolmentClosesAt);
  return minorA === minorB ? null : 'age_class';
}
