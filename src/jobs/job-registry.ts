/**
 * Every queue and job Kenal runs, in one place. Queue names are permanent: renaming one strands
 * the jobs already waiting in Redis under the old name.
 */
export const QUEUES = {
  notifications: 'notifications',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export enum JobName {
  DeliverNotification = 'notification.deliver',
}

export interface JobPayloads {
  [JobName.DeliverNotification]: { outboxId: string };
}

export interface JobDefinition {
  queue: QueueName;
  attempts: number;
  /** Exponential backoff base in ms: retries wait base, 2×base, 4×base, ... */
  backoffMs: number;
}

export const JOBS: Record<JobName, JobDefinition> = {
  [JobName.DeliverNotification]: { queue: QUEUES.notifications, attempts: 6, backoffMs: 1000 },
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Payloads are checked when a worker takes a job, like request bodies at the HTTP edge. */
export const PAYLOAD_CHECKS: { [K in JobName]: (data: unknown) => data is JobPayloads[K] } = {
  [JobName.DeliverNotification]: (d): d is JobPayloads[JobName.DeliverNotification] =>
    isRecord(d) && typeof d.outboxId === 'string' && /^[0-9a-f-]{36}$/.test(d.outboxId),
};
