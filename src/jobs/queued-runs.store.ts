import type { EntityManager } from 'typeorm';

/** The run tables whose job is added after the row commits (see MaintenanceTasks.registerRequeue). */
export type RunTable = 'matching_runs' | 'judge_assignment_runs' | 'mentoring_runs';

/** The runs still queued, oldest first. */
export const queuedRunIds = async (m: EntityManager, table: RunTable): Promise<string[]> =>
  (
    (await m.query(`SELECT id FROM ${table} WHERE status = 'queued' ORDER BY created_at`)) as {
      id: string;
    }[]
  ).map((r) => r.id);
