/** How often the reminder sweep runs: a reminder goes at most this late while the worker runs. */
export const REMINDER_SWEEP_EVERY_MS = 5 * 60_000;

/**
 * How late a reminder may still go. Past this it is dropped rather than sent: its deadline was
 * set or moved past its moment, the team formed after it, or the worker was away longer. The
 * message names its hours ("24 hours left"), which would then be wrong.
 */
export const REMINDER_GRACE_MS = 3600_000;

/**
 * The reminder due at `now` for a deadline with reminders `hours` before it: the latest one whose
 * moment has come, while it is less than `graceMs` old and the deadline has not passed. An
 * earlier reminder whose moment a later one has reached is not due any more (one message at a
 * time). null: none is due. Every kind of deadline reminder decides with this (the sweeps).
 */
export function dueReminder(
  hours: readonly number[],
  deadline: Date,
  now: Date,
  graceMs = REMINDER_GRACE_MS,
): number | null {
  const t = now.getTime();
  const end = deadline.getTime();
  if (t >= end) return null;
  let due: number | null = null;
  for (const hoursBefore of hours) {
    const at = end - hoursBefore * 3600_000;
    if (at <= t && (due === null || hoursBefore < due)) due = hoursBefore;
  }
  if (due === null || t - (end - due * 3600_000) >= graceMs) return null;
  return due;
}

/** The widest window the sweeps look in: deadlines closer than this may have a reminder due. */
export const sweepHorizonMs = (hours: readonly number[]) => Math.max(...hours) * 3600_000;
