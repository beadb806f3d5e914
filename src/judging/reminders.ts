/** Hours before a round closes at which judges with unfinished assignments are reminded. */
export const JUDGE_REMINDER_HOURS = [48, 12] as const;

export interface PlannedJudgeReminder {
  hoursBefore: number;
  delayMs: number;
}

/** The reminders still ahead; one whose moment has passed is not sent late. */
export function judgeReminderPlan(closesAt: Date, now: Date): PlannedJudgeReminder[] {
  return JUDGE_REMINDER_HOURS.map((hoursBefore) => ({
    hoursBefore,
    delayMs: closesAt.getTime() - hoursBefore * 3600_000 - now.getTime(),
  })).filter((r) => r.delayMs > 0);
}

/** The job id names the close it was planned for, so moving the close finds the old job by id. */
export const judgeReminderJobId = (roundId: string, hoursBefore: number, closesAt: Date) =>
  `judging-reminder-${roundId}-${hoursBefore}h-${closesAt.getTime()}`;
