/** Hours before a round closes at which judges with unfinished assignments are reminded. */
export const JUDGE_REMINDER_HOURS = [48, 12] as const;
