import type { EntityManager } from 'typeorm';

/** The run tables whose job is added after the row commits (see MaintenanceTasks.registerRequeue). */
export type RunTable = 'matching_runs' | 'judge_assignment_runs' | 'mentoring_runs';

/**
 * Runs another task repairs: judging's top-ups (a cause) are settled together, so their repair
 * (JudgingMaintenance.requeueTopUps) takes them all at once; repairing one here too would race it.
 */
const REPAIRED_ELSEWHERE: Record<RunTable, string> = {
  matching_runs: '',
  judge_assignment_runs: 'AND cause IS NULL',
  mentoring_runs: '',
};

/** The runs not finished yet (queued or running), oldest first. */
export const unfinishedRuns = async (
  m: EntityManager,
  table: RunTable,
): Promise<{ id: string; status: 'queued' | 'running' }[]> =>
  m.query(
    `SELECT id, status FROM ${table} WHERE status IN ('queued', 'running') ${REPAIRED_ELSEWHERE[table]}
      ORDER BY created_at`,
  );
