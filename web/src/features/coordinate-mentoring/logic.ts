import type { Match, RoundDetail } from './queries';

export interface TeamMatches {
  teamId: string;
  submissionId: string;
  teamName: string;
  matches: Match[];
}

/** A run's pairs gathered by team, in the order the API lists them (by team). */
export function byTeam(matches: readonly Match[]): TeamMatches[] {
  const teams = new Map<string, TeamMatches>();
  for (const m of matches) {
    let t = teams.get(m.submissionId);
    if (!t) {
      t = { teamId: m.teamId, submissionId: m.submissionId, teamName: m.teamName, matches: [] };
      teams.set(m.submissionId, t);
    }
    t.matches.push(m);
  }
  return [...teams.values()];
}

/** Who publishing introduces: the teams that got a mentor and the mentors who got a team. */
export function introduced(matches: readonly Match[]): { teams: number; mentors: number } {
  return {
    teams: new Set(matches.map((m) => m.submissionId)).size,
    mentors: new Set(matches.map((m) => m.mentor.userId)).size,
  };
}

/** A team entry of the round by its submission: "Team — project title". */
export function entryName(round: RoundDetail | undefined, submissionId: string): string {
  const t = round?.teamEntries.find((e) => e.submissionId === submissionId);
  return t ? `${t.teamName} — ${t.projectTitle}` : submissionId.slice(0, 8);
}

/** The pin or forbid already set for a pair, if any. */
export function ruleFor(
  round: RoundDetail | undefined,
  submissionId: string,
  mentorId: string,
): 'pin' | 'forbid' | undefined {
  const rule = round?.rules.find((r) => r.submissionId === submissionId && r.mentorId === mentorId);
  return rule?.type as 'pin' | 'forbid' | undefined;
}
