import type { EntityManager } from 'typeorm';
import { ENTRIES, TEAMS } from '../competitions/entry-sql';
import { PEOPLE } from '../identity/people-sql';
import type { JudgeAssignment } from './judge-assignment.entity';
import type { JudgeEntryPair } from './assignment';
import type { RoundEntry } from './round-entries.store';

/** The SQL of judge assignments as coordinators, the solver and erasure see them. */

/** An active assignment of the round as the coordinator reviews it: the team under its own name. */
export interface RoundAssignmentRow {
  id: string;
  submissionId: string;
  title: string;
  teamName: string;
  judgeId: string;
  judgeName: string;
  origin: JudgeAssignment['origin'];
  scoreState: JudgeAssignment['scoreState'];
}

/** The round's active assignments on these entries, by entry title then judge name. */
export const roundAssignments = (
  m: EntityManager,
  roundId: string,
  entryIds: readonly string[],
): Promise<RoundAssignmentRow[]> =>
  m.query(
    `SELECT a.id, a.submission_id AS "submissionId", s.title, t.name AS "teamName",
            a.judge_id AS "judgeId", u.display_name AS "judgeName", a.origin,
            a.score_state AS "scoreState"
       FROM judge_assignments a
       JOIN ${ENTRIES} s ON s.id = a.submission_id
       JOIN ${TEAMS} t ON t.id = s.team_id
       JOIN ${PEOPLE} u ON u.id = a.judge_id
      WHERE a.round_id = $1 AND a.status = 'active' AND a.submission_id = ANY($2::uuid[])
      ORDER BY s.title, s.id, u.display_name, a.judge_id`,
    [roundId, entryIds],
  );

/** Every pair the round ever made, whatever its status, and whether its score is final. */
export const roundPairs = (
  m: EntityManager,
  roundId: string,
): Promise<(JudgeEntryPair & { status: JudgeAssignment['status']; final: boolean })[]> =>
  m.query(
    `SELECT judge_id AS "judgeId", submission_id AS "entryId", status, score_state = 'final' AS final
       FROM judge_assignments WHERE round_id = $1`,
    [roundId],
  );

/** An active assignment without a final score, with its entry as the solver reads it. */
export type OpenAssignment = RoundEntry & { assignmentId: string };

/** The judge's active assignments of the round that have no final score yet. */
export const openAssignments = (
  m: EntityManager,
  roundId: string,
  judgeId: string,
): Promise<OpenAssignment[]> =>
  m.query(
    `SELECT a.id AS "assignmentId", s.id, s.team_id AS "teamId", s.title, s.kind,
            s.submitted_at AS "submittedAt", s.fields -> 'sdgs' AS sdgs
       FROM judge_assignments a JOIN ${ENTRIES} s ON s.id = a.submission_id
      WHERE a.round_id = $1 AND a.judge_id = $2 AND a.status = 'active' AND a.score_state <> 'final'`,
    [roundId, judgeId],
  );

/** Withdraws these assignments: the pairs stay, so they are never made again. */
export const removeAssignments = async (
  m: EntityManager,
  ids: readonly string[],
): Promise<void> => {
  await m.query(`UPDATE judge_assignments SET status = 'removed' WHERE id = ANY($1::uuid[])`, [
    ids,
  ]);
};

/** A judge's score of an entry, with the judge's name, as ranking reads it. */
export interface ScoreRow {
  judgeId: string;
  judgeName: string;
  submissionId: string;
  scores: Record<string, number>;
  comment: string | null;
  scoreState: 'none' | 'draft' | 'final';
}

/** The round's active assignments of these entries, by entry then judge. */
export const scoreRows = (
  m: EntityManager,
  roundId: string,
  entryIds: readonly string[],
): Promise<ScoreRow[]> =>
  m.query(
    `SELECT a.judge_id AS "judgeId", u.display_name AS "judgeName", a.submission_id AS "submissionId",
            a.scores, a.comment, a.score_state AS "scoreState"
       FROM judge_assignments a JOIN ${PEOPLE} u ON u.id = a.judge_id
      WHERE a.round_id = $1 AND a.status = 'active' AND a.submission_id = ANY($2::uuid[])
      ORDER BY a.submission_id, a.judge_id`,
    [roundId, entryIds],
  );

/** How many final scores the judge gave in the competition's rounds that still count. */
export const finalScoresKept = async (
  m: EntityManager,
  competitionId: string,
  judgeId: string,
): Promise<number> => {
  const [{ kept }]: { kept: number }[] = await m.query(
    `SELECT count(*)::int AS kept FROM judge_assignments a JOIN judging_rounds r ON r.id = a.round_id
      WHERE r.competition_id = $1 AND a.judge_id = $2 AND a.status = 'active' AND a.score_state = 'final'`,
    [competitionId, judgeId],
  );
  return kept;
};

/** What taking the judge out of the pool would move (rounds not closed) and keep (final scores). */
export const removalCounts = async (
  m: EntityManager,
  competitionId: string,
  judgeId: string,
): Promise<{ assignmentsToMove: number; finalScoresKept: number }> => {
  const [counts]: { assignmentsToMove: number; finalScoresKept: number }[] = await m.query(
    `SELECT count(*) FILTER (WHERE a.score_state <> 'final' AND r.status <> 'closed'
                               AND NOT (r.status = 'open' AND r.closes_at <= now()))::int AS "assignmentsToMove",
            count(*) FILTER (WHERE a.score_state = 'final')::int AS "finalScoresKept"
       FROM judge_assignments a JOIN judging_rounds r ON r.id = a.round_id
      WHERE r.competition_id = $1 AND a.judge_id = $2 AND a.status = 'active'`,
    [competitionId, judgeId],
  );
  return counts;
};

/** The competitions a judge is in the pool of or still has unfinished work in, by id. */
export const competitionsOfJudge = async (m: EntityManager, userId: string): Promise<string[]> =>
  (
    (await m.query(
      `SELECT competition_id AS id FROM judge_pool_members WHERE user_id = $1
        UNION
       SELECT r.competition_id FROM judge_assignments a JOIN judging_rounds r ON r.id = a.round_id
        WHERE a.judge_id = $1 AND a.status = 'active' AND a.score_state <> 'final'
        ORDER BY id`,
      [userId],
    )) as { id: string }[]
  ).map((r) => r.id);

/** Erases the judge's draft scores and comments everywhere; answers how many. */
export const eraseDraftScores = async (m: EntityManager, judgeId: string): Promise<number> => {
  const [, erased] = (await m.query(
    `UPDATE judge_assignments SET scores = '{}', comment = NULL, score_state = 'none'
      WHERE judge_id = $1 AND score_state = 'draft'`,
    [judgeId],
  )) as [unknown, number];
  return erased;
};
