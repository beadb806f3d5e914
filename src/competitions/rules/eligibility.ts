import { ageOn } from '../../common/age';
import { type ConsentStatus, mayParticipate } from '../../identity/consent';
import { ASEAN_COUNTRIES, COUNTRIES } from '../../common/reference-data';
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
 * A minor whose guardian has not confirmed (or withdrew) keeps their team's entry from being
 * submitted and, from the moment they lack consent, from being changed at all.
 */
export function consentProblems(members: readonly MemberFacts[]): Problem[] {
  return members.flatMap((m, i) =>
    m.dateOfBirth && !mayParticipate(m.consent)
      ? [
          {
            path: `team.members[${i}]`,
            code: 'GUARDIAN_CONSENT_REQUIRED',
            message:
              m.consent === 'withdrawn'
                ? `${m.displayName}'s guardian has withdrawn their consent`
                : `${m.displayName} is under 18 and their guardian has not confirmed consent`,
          },
        ]
      : [],
  );
}

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
    // Teammates read this: it names the member, never their age or birth date.
    const age = ageOn(m.dateOfBirth, at);
    if (
      (rules.minAge !== undefined && age < rules.minAge) ||
      (rules.maxAge !== undefined && age > rules.maxAge)
    ) {
      problems.push({
        path,
        code: 'NOT_ELIGIBLE',
        message: `${m.displayName} is outside this competition's age range (${ageRange(rules)})`,
      });
    }
    if (!allowed.includes(m.country)) {
      problems.push({
        path,
        code: 'NOT_ELIGIBLE',
        message: `${m.displayName} lives in ${m.country}, which this competition does not admit`,
      });
    }
  });
  problems.push(...consentProblems(members));
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

const ageRange = (rules: Eligibility): string =>
  rules.minAge !== undefined && rules.maxAge !== undefined
    ? `${rules.minAge} to ${rules.maxAge}`
    : rules.minAge !== undefined
      ? `${rules.minAge} or older`
      : `${rules.maxAge} or younger`;
