/**
 * Whole years between a birth date (YYYY-MM-DD) and an instant or a calendar date (YYYY-MM-DD),
 * counted on the UTC calendar: the one age rule of Kenal (profiles, consent, eligibility, matching).
 */
export function ageOn(dateOfBirth: string, at: Date | string): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  const [ay, am, ad] =
    typeof at === 'string'
      ? at.slice(0, 10).split('-').map(Number)
      : [at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate()];
  let age = ay - y;
  if (am < m || (am === m && ad < d)) age -= 1;
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
