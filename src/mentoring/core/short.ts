import type { Prepared } from './prepare';
import type { ShortReason, ShortTeam, TeamCandidate } from './types';

/**
 * Why a team got fewer mentors than wanted: no mentors at all; the hard rules left too few
 * (institution conflicts, or the coordinator's forbids, whichever ruled out more); otherwise the
 * mentors who fit gave their places to other teams (capacity).
 */
export function shortTeams(
  teams: readonly TeamCandidate[],
  prep: Prepared,
  got: Int32Array,
  wanted: number,
  mentorCount: number,
): ShortTeam[] {
  const out: ShortTeam[] = [];
  teams.forEach((team, t) => {
    if (got[t] >= wanted) return;
    const conflicted = prep.conflicted[t];
    const forbidden = prep.forbidden[t];
    const eligible = mentorCount - conflicted - forbidden;
    let reason: ShortReason = 'mentors_full';
    if (mentorCount === 0) reason = 'no_mentors';
    else if (eligible < wanted && conflicted + forbidden > 0) {
      reason = conflicted >= forbidden ? 'institution_conflict' : 'forbidden';
    }
    out.push({
      submissionId: team.id,
      teamId: team.teamId,
      wanted,
      got: got[t],
      reason,
      conflicted,
      forbidden,
    });
  });
  return out;
}
