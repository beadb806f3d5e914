/** Hours before the close at which teams with an unsubmitted draft are reminded. */
export const REMINDER_HOURS = [72, 24] as const;
export type ReminderHours = (typeof REMINDER_HOURS)[number];

export interface PlannedReminder {
  hoursBefore: ReminderHours;
  at: Date;
  delayMs: number;
}

/** The reminders still ahead for a deadline; one whose moment has passed is not sent late. */
export function reminderPlan(closesAt: Date, now: Date): PlannedReminder[] {
  return REMINDER_HOURS.map((hoursBefore) => {
    const at = new Date(closesAt.getTime() - hoursBefore * 3600_000);
    return { hoursBefore, at, delayMs: at.getTime() - now.getTime() };
  }).filter((r) => r.delayMs > 0);
}

/**
 * The job id names the deadline it was planned for, so the job for a deadline is added once,
 * and moving the deadline leaves the old job to be found and removed by its id.
 */
export const reminderJobId = (competitionId: string, hoursBefore: number, closesAt: Date) =>
  `reminder-${competitionId}-${hoursBefore}h-${closesAt.getTime()}`;

/** The same for one team's extended deadline. */
export const extensionReminderJobId = (submissionId: string, hoursBefore: number, until: Date) =>
  `reminder-extension-${submissionId}-${hoursBefore}h-${until.getTime()}`;
