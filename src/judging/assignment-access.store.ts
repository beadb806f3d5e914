import type { EntityManager } from 'typeorm';
import { PEOPLE } from '../identity/people-sql';

/**
 * Whether a judge may read the entry of an assignment, and if not, why. `open` is the only state
 * that shows the entry (its content, files and, outside blind rounds, its team and versions).
 */
export type EntryAccess =
  | 'open'
  | 'recused'
  | 'withdrawn'
  | 'not_a_judge'
  | 'not_in_pool'
  | 'results_published'
  | 'round_closed'
  | 'conflict_review';

export interface AssignmentAccess {
  id: string;
  judgeId: string;
  submissionId: string;
  roundId: string;
  blind: boolean;
  access: EntryAccess;
}

/**
 * THE rule for a judge's access to an entry, in one place (the assignment routes, the asset
 * downloads and the competitions routes all ask it): a judge reads an entry only through a live
 * assignment (not recused or withdrawn), while they hold the judge role, are in that
 * competition's pool, the round is not closed (by status or by its closesAt on the server clock),
 * and the competition's results are not published. Losing any of these ends access at once.
 * A judge who just declared a conflict of their own reads none of their entries in that
 * competition until it is applied (`conflict_review`: see JudgePoolService.declareOwn).
 */
/**
 * The rule above as SQL, for queries that read assignments with it: `ACCESS_JOINS` after
 * `FROM judge_assignments a` (it brings the round as `r`), then `accessCase('$n')` in the select
 * list, `$n` being the server's now. assignmentAccess and the judge's views both read it from here.
 */
export const ACCESS_JOINS = `JOIN judging_rounds r ON r.id = a.round_id
       JOIN ${PEOPLE} u ON u.id = a.judge_id
       LEFT JOIN judge_pool_members pm
              ON pm.competition_id = r.competition_id AND pm.user_id = a.judge_id
       LEFT JOIN competition_results cr ON cr.competition_id = r.competition_id`;

/**
 * ACCESS_JOINS without the judge's account, for a statement that already read it (the judge's
 * own session check): accessCase is then given the judge's roles as read there.
 */
export const ACCESS_JOINS_JUDGE_READ = `JOIN judging_rounds r ON r.id = a.round_id
       LEFT JOIN judge_pool_members pm
              ON pm.competition_id = r.competition_id AND pm.user_id = a.judge_id
       LEFT JOIN competition_results cr ON cr.competition_id = r.competition_id`;

export const accessCase = (
  now: string,
  judgeRoles = 'u.roles',
) => `CASE WHEN a.status = 'recused' THEN 'recused'
                 WHEN a.status <> 'active' THEN 'withdrawn'
                 WHEN NOT ('judge' = ANY(${judgeRoles})) THEN 'not_a_judge'
                 WHEN pm.id IS NULL THEN 'not_in_pool'
                 WHEN cr.published_at IS NOT NULL THEN 'results_published'
                 WHEN r.status = 'closed' OR (r.status = 'open' AND r.closes_at <= ${now}) THEN 'round_closed'
                 WHEN pm.conflicts_pending_since IS NOT NULL THEN 'conflict_review'
                 ELSE 'open' END`;

export async function assignmentAccess(
  m: EntityManager,
  where: { assignmentIds: string[] } | { judgeId: string; submissionId: string },
  now: Date,
): Promise<AssignmentAccess[]> {
  const [filter, params] =
    'assignmentIds' in where
      ? ['a.id = ANY($2::uuid[])', [where.assignmentIds]]
      : ['a.judge_id = $2 AND a.submission_id = $3', [where.judgeId, where.submissionId]];
  return m.query(
    `SELECT a.id, a.judge_id AS "judgeId", a.submission_id AS "submissionId",
            a.round_id AS "roundId", r.blind, ${accessCase('$1')} AS access
       FROM judge_assignments a
       ${ACCESS_JOINS}
      WHERE ${filter}
      ORDER BY a.id`,
    [now, ...params],
  );
}
