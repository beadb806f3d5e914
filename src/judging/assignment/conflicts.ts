import type { AssignmentEntry, AssignmentJudge, ConflictKind } from './assignment.types';

/**
 * Institutions are typed by people: "Seoul National University " and "seoul  national
 * university" must collide, or a conflict goes undetected (HotCRP #316).
 */
export function normaliseInstitution(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function normaliseCountry(code: string): string {
  return code.trim().toUpperCase();
}

export function normaliseTag(tag: string): string {
  return tag.normalize('NFKC').trim().toLowerCase();
}

/** A judge's conflict rules in set form, built once and checked against every entry. */
export interface JudgeConflictProfile {
  userId: string;
  institution: string | null;
  countries: ReadonlySet<string>;
  institutions: ReadonlySet<string>;
  teamIds: ReadonlySet<string>;
}

export interface EntryConflictProfile {
  teamId: string;
  institutions: ReadonlySet<string>;
  countries: ReadonlySet<string>;
  memberUserIds: ReadonlySet<string>;
}

export function judgeConflictProfile(judge: AssignmentJudge): JudgeConflictProfile {
  const institution = judge.institution ? normaliseInstitution(judge.institution) : '';
  return {
    userId: judge.userId ?? judge.id,
    institution: institution === '' ? null : institution,
    countries: new Set((judge.conflicts?.countries ?? []).map(normaliseCountry)),
    institutions: new Set(
      (judge.conflicts?.institutions ?? []).map(normaliseInstitution).filter((s) => s !== ''),
    ),
    teamIds: new Set(judge.conflicts?.teamIds ?? []),
  };
}

export function entryConflictProfile(entry: AssignmentEntry): EntryConflictProfile {
  return {
    teamId: entry.teamId,
    institutions: new Set(
      entry.memberInstitutions.map(normaliseInstitution).filter((s) => s !== ''),
    ),
    countries: new Set(entry.memberCountries.map(normaliseCountry)),
    memberUserIds: new Set(entry.memberUserIds),
  };
}

/** Every kind of conflict between a judge and an entry (empty when they may be paired). */
export function conflictKinds(
  judge: JudgeConflictProfile,
  entry: EntryConflictProfile,
): ConflictKind[] {
  const out: ConflictKind[] = [];
  for (const c of judge.countries) {
    if (entry.countries.has(c)) {
      out.push('declared_country');
      break;
    }
  }
  for (const i of judge.institutions) {
    if (entry.institutions.has(i)) {
      out.push('declared_institution');
      break;
    }
  }
  if (judge.teamIds.has(entry.teamId)) out.push('declared_team');
  if (judge.institution !== null && entry.institutions.has(judge.institution)) {
    out.push('shared_institution');
  }
  if (entry.memberUserIds.has(judge.userId)) out.push('team_member');
  return out;
}

/** Every reason a judge may not judge an entry, for showing to coordinators and judges. */
export function conflictReasons(judge: AssignmentJudge, entry: AssignmentEntry): ConflictKind[] {
  return conflictKinds(judgeConflictProfile(judge), entryConflictProfile(entry));
}
