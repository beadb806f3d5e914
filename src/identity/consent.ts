import { isMinorOn } from './age';

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
