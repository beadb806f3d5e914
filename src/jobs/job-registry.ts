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
  DeadlineReminder = 'competition.deadline_reminder',
  RunJudgeAssignment = 'judging.assignment-run',
  JudgingReminder = 'judging.reminder',
  Maintenance = 'maintenance.hourly',
  DeliverLetter = 'letter.deliver',
  RunMentoringMatching = 'mentoring.matching-run',
}

export interface JobPayloads {
  [JobName.DeliverNotification]: { outboxId: string };
  [JobName.RunPenpalMatching]: { runId: string };
  /**
   * closesAt is the deadline the reminder was planned for: a moved deadline makes it stale.
   * With submissionId: that team's own deadline (an extension), not the competition's close.
   */
  [JobName.DeadlineReminder]: {
    competitionId: string;
    hoursBefore: number;
    closesAt: string;
    submissionId?: string;
  };
  [JobName.RunJudgeAssignment]: { runId: string };
  /** closesAt is the close the reminder was planned for: a moved close makes it stale. */
  [JobName.JudgingReminder]: { roundId: string; hoursBefore: number; closesAt: string };
  [JobName.Maintenance]: Record<string, never>;
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
  [JobName.DeadlineReminder]: { queue: QUEUES.deadlines, attempts: 5, backoffMs: 5000 },
  // Like matching runs: a failed solve marks the run failed; retries only wait for the row to commit.
  [JobName.RunJudgeAssignment]: { queue: QUEUES.judging, attempts: 5, backoffMs: 100 },
  [JobName.JudgingReminder]: { queue: QUEUES.judging, attempts: 5, backoffMs: 5000 },
  // The next hour tries again; a retry storm would only repeat the same idempotent work.
  [JobName.Maintenance]: { queue: QUEUES.maintenance, attempts: 1, backoffMs: 0 },
  // A letter whose delivery keeps failing is also picked up by the hourly maintenance.
  [JobName.DeliverLetter]: { queue: QUEUES.letters, attempts: 8, backoffMs: 1000 },
  // Like the other runs: a failed solve marks the run failed; retries only wait for the row to commit.
  [JobName.RunMentoringMatching]: { queue: QUEUES.mentoring, attempts: 5, backoffMs: 100 },
};

const isUuid = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Payloads are checked when a worker takes a job, like request bodies at the HTTP edge. */
export const PAYLOAD_CHECKS: { [K in JobName]: (data: unknown) => data is JobPayloads[K] } = {
  [JobName.DeliverNotification]: (d): d is JobPayloads[JobName.DeliverNotification] =>
    isRecord(d) && isUuid(d.outboxId),
  [JobName.RunPenpalMatching]: (d): d is JobPayloads[JobName.RunPenpalMatching] =>
    isRecord(d) && isUuid(d.runId),
  [JobName.DeadlineReminder]: (d): d is JobPayloads[JobName.DeadlineReminder] =>
    isRecord(d) &&
    isUuid(d.competitionId) &&
    (d.hoursBefore === 72 || d.hoursBefore === 24) &&
    typeof d.closesAt === 'string' &&
    !Number.isNaN(Date.parse(d.closesAt)) &&
    (d.submissionId === undefined || isUuid(d.submissionId)),
  [JobName.RunJudgeAssignment]: (d): d is JobPayloads[JobName.RunJudgeAssignment] =>
    isRecord(d) && isUuid(d.runId),
  [JobName.JudgingReminder]: (d): d is JobPayloads[JobName.JudgingReminder] =>
    isRecord(d) &&
    isUuid(d.roundId) &&
    (d.hoursBefore === 48 || d.hoursBefore === 12) &&
    typeof d.closesAt === 'string' &&
    !Number.isNaN(Date.parse(d.closesAt)),
  [JobName.Maintenance]: (d): d is JobPayloads[JobName.Maintenance] =>
    isRecord(d) && Object.keys(d).length === 0,
  [JobName.DeliverLetter]: (d): d is JobPayloads[JobName.DeliverLetter] =>
    isRecord(d) && isUuid(d.letterId),
  [JobName.RunMentoringMatching]: (d): d is JobPayloads[JobName.RunMentoringMatching] =>
    isRecord(d) && isUuid(d.runId),
};
