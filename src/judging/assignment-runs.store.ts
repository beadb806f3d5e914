import type { EntityManager } from 'typeorm';
import type { RunCause } from './judge-assignment-run.entity';

/** The SQL of assignment runs: claiming one for a job, settling it, and finding stranded top-ups. */

/**
 * Marks the run running for the job that took it, when it is still queued or running (a retry
 * of the same job takes it again). Answers false for a run finished or unknown.
 */
export const claimRun = async (m: EntityManager, runId: string): Promise<boolean> => {
  const [, claimed] = (await m.query(
    `UPDATE judge_assignment_runs SET status = 'running'
      WHERE id = $1 AND status IN ('queued', 'running')`,
    [runId],
  )) as [unknown, number];
  return claimed > 0;
};

/** The run's status and cause, or null for a run that no longer exists (its round deleted). */
export const findRunState = async (
  m: EntityManager,
  runId: string,
): Promise<{ status: string; roundId: string; cause: RunCause | null } | null> => {
  const rows: { status: string; roundId: string; cause: RunCause | null }[] = await m.query(
    `SELECT status, round_id AS "roundId", cause FROM judge_assignment_runs WHERE id = $1`,
    [runId],
  );
  return rows[0] ?? null;
};

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

/** Puts a run its job claimed back in the queue, for that job's retry (or any top-up of its round). */
export const requeueRun = async (m: EntityManager, runId: string): Promise<void> => {
  await m.query(
    `UPDATE judge_assignment_runs SET status = 'queued' WHERE id = $1 AND status = 'running'`,
    [runId],
  );
};

/**
 * Of `ids`, the top-ups of the round still queued or running, locked (in the order top-ups lock
 * them): a run another job settled meanwhile is not among them.
 */
export const lockUnsettled = (
  m: EntityManager,
  roundId: string,
  ids: readonly string[],
): Promise<{ id: string; cause: RunCause }[]> =>
  m.query(
    `SELECT id, cause FROM judge_assignment_runs
      WHERE round_id = $1 AND id = ANY($2::uuid[]) AND status IN ('queued', 'running')
        AND cause IS NOT NULL
      ORDER BY created_at, id FOR UPDATE`,
    [roundId, ids],
  );

export const failRun = async (
  m: EntityManager,
  runId: string,
  error: string,
  at: Date,
): Promise<void> => {
  await m.query(
    `UPDATE judge_assignment_runs SET status = 'failed', error = $2, finished_at = $3 WHERE id = $1`,
    [runId, error.slice(0, 2000), at],
  );
};

/**
 * Top-ups waiting for a job (queued, or running while no transaction settles them: a job that
 * settles holds their rows), oldest first.
 */
export const unsettledTopUpIds = async (m: EntityManager): Promise<string[]> =>
  (
    (await m.query(
      `SELECT id FROM judge_assignment_runs
        WHERE status IN ('queued', 'running') AND cause IS NOT NULL
        ORDER BY created_at, id FOR UPDATE SKIP LOCKED`,
    )) as { id: string }[]
  ).map((r) => r.id);
