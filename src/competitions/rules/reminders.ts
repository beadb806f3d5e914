import { JobName } from '../../jobs/job-registry';
import type { ReminderKind } from '../../jobs/reminder-plan';

/** Hours before the close at which teams with an unsubmitted draft are reminded. */
export const REMINDER_HOURS = [72, 24] as const;

/**
 * The job id names the deadline it was planned for, so the job for a deadline is added once,
 * and moving the deadline leaves the old job to be found and removed by its id.
 */
export const reminderJobId = (competitionId: string, hoursBefore: number, closesAt: Date) =>
  `reminder-${competitionId}-${hoursBefore}h-${closesAt.getTime()}`;

/** The same for one team's extended deadline. */
export const extensionReminderJobId = (submissionId: string, hoursBefore: number, until: Date) =>
  `reminder-extension-${submissionId}-${hoursBefore}h-${until.getTime()}`;

/** Draft teams' reminders: before the competition's close, or before one team's extension. */
export const ENTRY_REMINDERS: ReminderKind<JobName.DeadlineReminder> = {
  job: JobName.DeadlineReminder,
  hours: REMINDER_HOURS,
  jobId: (t, hoursBefore, deadline) =>
    t.submissionId === undefined
      ? reminderJobId(t.competitionId, hoursBefore, deadline)
      : extensionReminderJobId(t.submissionId, hoursBefore, deadline),
};
