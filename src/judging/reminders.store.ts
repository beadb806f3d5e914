import type { EntityManager } from 'typeorm';
import { ENTRIES } from '../competitions/entry-sql';
import { PEOPLE } from '../identity/people-sql';

/** The SQL of judges' reminders: who has unfinished work, and the ledger of reminders sent. */

export interface UnfinishedJudge {
  judgeId: string;
  email: string;
  displayName: string;
  locale: string;
  unfinished: number;
}

/**
 * Judges of the round with active assignments lacking a final score on entries in `live`
 * statuses, who may score now (judge role, in the pool, not on hold); with `only`, just those.
 */
export const unfinishedJudges = (
  m: EntityManager,
  round: { id: string; competitionId: string },
  live: readonly string[],
  only: readonly string[] | null,
): Promise<UnfinishedJudge[]> =>
  m.query(
    `SELECT a.judge_id AS "judgeId", u.email, u.display_name AS "displayName", u.locale,
            count(*)::int AS unfinished
       FROM judge_assignments a
       JOIN ${ENTRIES} s ON s.id = a.submission_id
       JOIN ${PEOPLE} u ON u.id = a.judge_id
       JOIN judge_pool_members pm
         ON pm.competition_id = $3 AND pm.user_id = a.judge_id
        AND pm.conflicts_pending_since IS NULL
      WHERE a.round_id = $1 AND a.status = 'active' AND a.score_state <> 'final'
        AND s.status = ANY($2::text[]) AND 'judge' = ANY(u.roles)
        AND ($4::uuid[] IS NULL OR a.judge_id = ANY($4::uuid[]))
      GROUP BY a.judge_id, u.email, u.display_name, u.locale
      ORDER BY a.judge_id`,
    [round.id, live, round.competitionId, only],
  );

/** Writes the ledger rows; answers the judges not yet reminded for that moment and close. */
export const recordReminders = async (
  m: EntityManager,
  roundId: string,
  judgeIds: readonly string[],
  at: { hoursBefore: number; closesAt: Date; sentAt: Date },
): Promise<Set<string>> => {
  const fresh: { judge_id: string }[] = await m.query(
    `INSERT INTO judging_reminders (round_id, judge_id, hours_before, closes_at, sent_at)
     SELECT $1, unnest($2::uuid[]), $3, $4, $5
     ON CONFLICT DO NOTHING RETURNING judge_id`,
    [roundId, judgeIds, at.hoursBefore, at.closesAt, at.sentAt],
  );
  return new Set(fresh.map((r) => r.judge_id));
};

export const deleteJudgeReminders = async (m: EntityManager, judgeId: string): Promise<void> => {
  await m.query(`DELETE FROM judging_reminders WHERE judge_id = $1`, [judgeId]);
};
