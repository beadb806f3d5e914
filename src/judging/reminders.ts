import { JobName } from '../jobs/job-registry';
import type { ReminderKind } from '../jobs/reminder-plan';

/** Hours before a round closes at which judges with unfinished assignments are reminded. */
export const JUDGE_REMINDER_HOURS = [48, 12] as const;

/** The job id names the close it was planned for, so moving the close finds the old job by id. */
export const judgeReminderJobId = (roundId: string, hoursBefore: number, closesAt: Date) =>
  `judging-reminder-${roundId}-${hoursBefore}h-${closesAt.getTime()}`;

export const JUDGE_REMINDERS: ReminderKind<JobName.JudgingReminder> = {
  job: JobName.JudgingReminder,
  hours: JUDGE_REMINDER_HOURS,
  jobId: (t, hoursBefore, closesAt) => judgeReminderJobId(t.roundId, hoursBefore, closesAt),
};
