import type { JobName, JobPayloads } from './job-registry';

type ReminderJob = JobName.DeadlineReminder | JobName.JudgingReminder;
/** What a reminder is about (a competition, one team's extension, a round), without its moment. */
export type ReminderTarget<J extends ReminderJob> = Omit<
  JobPayloads[J],
  'hoursBefore' | 'closesAt'
>;

/**
 * A kind of deadline reminder, declared by the feature that owns the deadline: the job that
 * sends it, the hours before the deadline at which it goes (data: the handler reads them from
 * its job), and the job id, which names the deadline so that moving it finds the old jobs.
 */
export interface ReminderKind<J extends ReminderJob> {
  job: J;
  hours: readonly number[];
  jobId(target: ReminderTarget<J>, hoursBefore: number, deadline: Date): string;
}

/** A reminder still ahead of its deadline. */
export interface PlannedReminder {
  hoursBefore: number;
  at: Date;
  delayMs: number;
}

/**
 * The reminders still ahead for a deadline, `hours` before it; one whose moment has passed is not
 * sent late. Every kind of deadline reminder plans with this (ReminderScheduler).
 */
export function reminderPlan(
  hours: readonly number[],
  closesAt: Date,
  now: Date,
): PlannedReminder[] {
  return hours
    .map((hoursBefore) => {
      const at = new Date(closesAt.getTime() - hoursBefore * 3600_000);
      return { hoursBefore, at, delayMs: at.getTime() - now.getTime() };
    })
    .filter((r) => r.delayMs > 0);
}
