import { ageOn } from '../../identity/age';
import type { ConsentStatus } from '../../identity/consent';
import { ASEAN_COUNTRIES, COUNTRIES } from '../../identity/reference-data';
import type { Eligibility, Problem } from './types';

export interface MemberFacts {
  userId: string;
  displayName: string;
  /** Null when the member has no profile yet. */
  country: string | null;
  dateOfBirth: string | null;
  consent: ConsentStatus;
}

const ASEAN: readonly string[] = ASEAN_COUNTRIES;

/**
 * Everything that keeps a team from entering, one entry per problem, checked on the submission
 * date: team size, mixed team, and each member's profile, age, country and guardian consent.
 */
export function eligibilityProblems(
  rules: Eligibility,
  members: readonly MemberFacts[],
  at: Date,
): Problem[] {
  const problems: Problem[] = [];
  const size = members.length;
  if (rules.minTeamSize !== undefined && size < rules.minTeamSize) {
    problems.push({
      path: 'team',
      code: 'NOT_ELIGIBLE',
      message: `The team has ${size} member(s); this competition needs at least ${rules.minTeamSize}`,
    });
  }
  if (rules.maxTeamSize !== undefined && size > rules.maxTeamSize) {
    problems.push({
      path: 'team',
      code: 'NOT_ELIGIBLE',
      message: `The team has ${size} members; this competition allows at most ${rules.maxTeamSize}`,
    });
  }
  const allowed: readonly string[] = rules.countries?.length ? rules.countries : COUNTRIES;
  members.forEach((m, i) => {
    const path = `team.members[${i}]`;
    if (!m.country || !m.dateOfBirth) {
      problems.push({
        path,
        code: 'NOT_ELIGIBLE',
        message: `${m.displayName} has not completed their profile (country and date of birth)`,
      });
      return;
    }
    const age = ageOn(m.dateOfBirth, at);
    if (rules.minAge !== undefined && age < rules.minAge) {
      problems.push({
        path,
        code: 'NOT_ELIGIBLE',
        message: `${m.displayName} is ${age}; entrants must be at least ${rules.minAge}`,
      });
    }
    if (rules.maxAge !== undefined && age > rules.maxAge) {
      problems.push({
        path,
        code: 'NOT_ELIGIBLE',
        message: `${m.displayName} is ${age}; entrants must be at most ${rules.maxAge}`,
      });
    }
    if (!allowed.includes(m.country)) {
      problems.push({
        path,
        code: 'NOT_ELIGIBLE',
        message: `${m.displayName} lives in ${m.country}, which this competition does not admit`,
      });
    }
    if (m.consent === 'pending' || m.consent === 'missing') {
      problems.push({
        path,
        code: 'GUARDIAN_CONSENT_REQUIRED',
        message: `${m.displayName} is under 18 and their guardian has not confirmed consent`,
      });
    }
  });
  if (rules.requireMixedTeam) {
    const countries = members.map((m) => m.country);
    const korean = countries.includes('KR');
    const asean = countries.some((c) => c !== null && ASEAN.includes(c));
    if (!korean || !asean) {
      problems.push({
        path: 'team',
        code: 'NOT_ELIGIBLE',
        message: `This competition needs a mixed team: at least one member from Korea and one from an ASEAN country (missing: ${[!korean && 'Korea', !asean && 'ASEAN'].filter(Boolean).join(' and ')})`,
      });
    }
  }
  return problems;
}
