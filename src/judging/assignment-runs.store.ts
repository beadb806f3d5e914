import type { EntityManager } from 'typeorm';

/** The SQL of assignment runs that TypeORM's finders do not cover. */

/** Marks a run succeeded with its report. */
export const succeedRun = async (
  m: EntityManager,
  runId: string,
  report: object,
): Promise<void> => {
  await m.query(
    `UPDATE judge_assignment_runs SET status = 'succeeded', report = $2, finished_at = now() WHERE id = $1`,
    [runId, JSON.stringify(report)],
  );
};
