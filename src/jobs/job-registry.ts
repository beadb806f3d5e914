/**
 * Every queue and job Kenal runs, in one place. Queue names are permanent: renaming one strands
 * the jobs already waiting in Redis under the old name.
 */
export const QUEUES = {
  notifications: 'notifications',
  penpalMatching: 'penpal-matching',
  deadlines: 'deadlines',
  judging: 'judging',
  maintenance: 'maintenance',
  letters: 'letters',
  mentoring: 'mentoring',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export enum JobName {
  DeliverNotification = 'notification.deliver',
  RunPenpalMatching = 'penpal.matching-run',
  RunJudgeAssignment = 'judging.assignment-run',
  Maintenance = 'maintenance.hourly',
  ReminderSweep = 'reminders.sweep',
  DeliverLetter = 'letter.deliver',
  RunMentoringMatching = 'mentoring.matching-run',
}

/** Jobs that a job scheduler runs every so often, with an empty payload. */
export type PeriodicJobName = JobName.Maintenance | JobName.ReminderSweep;

export interface JobPayloads {
  [JobName.DeliverNotification]: { outboxId: string };
  [JobName.RunPenpalMatching]: { runId: string };
  [JobName.RunJudgeAssignment]: { runId: string };
  [JobName.Maintenance]: Record<string, never>;
  [JobName.ReminderSweep]: Record<string, never>;
  /** A travelling letter, due at its deliverAt; the job id is the letter id. */
  [JobName.DeliverLetter]: { letterId: string };
  [JobName.RunMentoringMatching]: { runId: string };
}

export interface JobDefinition {
  queue: QueueName;
  attempts: number;
  /** Exponential backoff base in ms: retries wait base, 2×base, 4×base, ... */
  backoffMs: number;
}

export const JOBS: Record<JobName, JobDefinition> = {
  [JobName.DeliverNotification]: { queue: QUEUES.notifications, attempts: 6, backoffMs: 1000 },
  // A run whose engine fails is marked failed (no retry); attempts only cover a row not readable yet.
  [JobName.RunPenpalMatching]: { queue: QUEUES.penpalMatching, attempts: 5, backoffMs: 100 },
  // Like matching runs: a failed solve marks the run failed; retries only wait for the row to commit.
  [JobName.RunJudgeAssignment]: { queue: QUEUES.judging, attempts: 5, backoffMs: 100 },
  // The next hour tries again; a retry storm would only repeat the same idempotent work.
  [JobName.Maintenance]: { queue: QUEUES.maintenance, attempts: 1, backoffMs: 0 },
  // Likewise: the next sweep, minutes later, finds whoever this one missed.
  [JobName.ReminderSweep]: { queue: QUEUES.deadlines, attempts: 1, backoffMs: 0 },
  // A letter whose delivery keeps failing is also picked up by the hourly maintenance.
  [JobName.DeliverLetter]: { queue: QUEUES.letters, attempts: 8, backoffMs: 1000 },
  // Like the other runs: a failed solve marks the run failed; retries only wait for the row to commit.
  [JobName.RunMentoringMatching]: { queue: QUEUES.mentoring, attempts: 5, backoffMs: 100 },
};

const isUuid = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const isEmpty = (v: unknown) => isRecord(v) && !Array.isArray(v) && Object.keys(v).length === 0;

/** Payloads are checked when a worker takes a job, like request bodies at the HTTP edge. */
export const PAYLOAD_CHECKS: { [K in JobName]: (data: unknown) => data is JobPayloads[K] } = {
  [JobName.DeliverNotification]: (d): d is JobPayloads[JobName.DeliverNotification] =>
    isRecord(d) && isUuid(d.outboxId),
  [JobName.RunPenpalMatching]: (d): d is JobPayloads[JobName.RunPenpalMatching] =>
    isRecord(d) && isUuid(d.runId),
  [JobName.RunJudgeAssignment]: (d): d is JobPayloads[JobName.RunJudgeAssignment] =>
    isRecord(d) && isUuid(d.runId),
  [JobName.Maintenance]: (d): d is JobPayloads[JobName.Maintenance] => isEmpty(d),
  [JobName.ReminderSweep]: (d): d is JobPayloads[JobName.ReminderSweep] => isEmpty(d),
  [JobName.DeliverLetter]: (d): d is JobPayloads[JobName.DeliverLetter] =>
    isRecord(d) && isUuid(d.letterId),
  [JobName.RunMentoringMatching]: (d): d is JobPayloads[JobName.RunMentoringMatching] =>
    isRecord(d) && isUuid(d.runId),
};
