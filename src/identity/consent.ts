import { isMinorOn } from '../common/age';

export type ConsentStatus = 'not_required' | 'pending' | 'confirmed' | 'withdrawn' | 'missing';

export interface ConsentFacts {
  dateOfBirth: string | null;
  /** The newest consent request that has not been superseded, if any. */
  latest: { confirmedAt: Date | null; withdrawnAt?: Date | null } | null;
}

/** Where a person stands on guardian consent at a given instant. */
export function consentStatus(facts: ConsentFacts, now: Date): ConsentStatus {
  if (!facts.dateOfBirth) return 'missing';
  if (!isMinorOn(facts.dateOfBirth, now)) return 'not_required';
  if (!facts.latest) return 'missing';
  if (facts.latest.withdrawnAt) return 'withdrawn';
  return facts.latest.confirmedAt ? 'confirmed' : 'pending';
}

/** Matching and submitting are open to adults and to minors whose guardian has confirmed. */
export const mayParticipate = (status: ConsentStatus): boolean =>
  status === 'not_required' || status === 'confirmed';

/**
 * Whether asking `guardian` needs a new consent email: not when the same guardian already
 * confirmed, nor (unless forced, i.e. a resend) while their earlier link still works.
 */
export function needsConsentEmail(
  latest: {
    guardianName: string;
    guardianEmail: string;
    confirmedAt: Date | null;
    expiresAt: Date;
    withdrawnAt?: Date | null;
  } | null,
  guardian: { name: string; email: string },
  force: boolean,
  now: Date,
): boolean {
  // A withdrawn consent is over: asking the same guardian again makes a new request.
  const sameGuardian =
    !!latest &&
    !latest.withdrawnAt &&
    latest.guardianEmail === guardian.email &&
    latest.guardianName === guardian.name;
  if (sameGuardian && latest.confirmedAt) return false;
  if (sameGuardian && !force && latest.expiresAt.getTime() > now.getTime()) return false;
  return true;
}
