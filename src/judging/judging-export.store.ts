import type { EntityManager } from 'typeorm';
import { EXPORT_ROWS, type ExportedRow } from '../common/export/personal-data-export';
import { ENTRIES } from '../competitions/entry-sql';

/** The SQL of judging's part of a person's data export. */

/** The scores someone gave as a judge, and why they stepped back from an entry. */
export const exportedJudgeAssignments = (
  m: EntityManager,
  judgeId: string,
): Promise<ExportedRow[]> =>
  m.query(
    `SELECT r.name AS round, s.title AS entry, a.status, a.scores, a.comment,
            a.score_state AS "scoreState", a.scored_at AS "scoredAt",
            a.recuse_reason AS "recuseReason"
       FROM judge_assignments a JOIN judging_rounds r ON r.id = a.round_id
       JOIN ${ENTRIES} s ON s.id = a.submission_id
      WHERE a.judge_id = $1 ORDER BY a.created_at LIMIT ${EXPORT_ROWS}`,
    [judgeId],
  );
