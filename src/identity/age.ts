/** Whole years between a birth date (YYYY-MM-DD) and an instant, counted on the UTC calendar. */
export function ageOn(dateOfBirth: string, at: Date): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  let age = at.getUTCFullYear() - y;
  const month = at.getUTCMonth() + 1;
  if (month < m || (month === m && at.getUTCDate() < d)) age -= 1;
  return age;
}

export const ADULT_AGE = 18;
export const MIN_AGE = 10;
export const MAX_AGE = 100;

export const isMinorOn = (dateOfBirth: string, at: Date): boolean =>
  ageOn(dateOfBirth, at) < ADULT_AGE;

/** A real calendar date in YYYY-MM-DD (rejects 2023-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
