import { splitList } from '../../app/forms';
import type { CheckIn, CheckInInput, MentorProfile, MentorProfileInput } from './queries';

/** The API reminds a pair after this many days without a check-in (src/mentoring). */
export const QUIET_DAYS = 30;

const DAY = 86_400_000;

/** Today as `YYYY-MM-DD` where the person is (a check-in's day is a local day). */
export function localDay(at = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Whole days since the pair last met or wrote, and whether the reminder is due. */
export function quiet(lastActivityAt: string, now = new Date()): { days: number; due: boolean } {
  const days = Math.max(0, Math.floor((now.getTime() - Date.parse(lastActivityAt)) / DAY));
  return { days, due: days >= QUIET_DAYS };
}

/** Newest meeting first; two on one day in the order they were written, newest first. */
export const newestFirst = (list: readonly CheckIn[]): CheckIn[] =>
  [...list].sort(
    (a, b) => b.happenedOn.localeCompare(a.happenedOn) || b.createdAt.localeCompare(a.createdAt),
  );

export type CheckInProblem = 'required' | 'future';

/**
 * The check-in form's values as the API takes them, or what is wrong with them: a meeting is
 * recorded after it happened, so a future day is refused here before the API says so.
 */
export function checkInBody(
  v: { happenedOn?: string; summary?: string; nextSteps?: string },
  today = localDay(),
): { body: CheckInInput } | { problems: Partial<Record<keyof CheckInInput, CheckInProblem>> } {
  const happenedOn = (v.happenedOn ?? '').trim();
  const summary = (v.summary ?? '').trim();
  const nextSteps = (v.nextSteps ?? '').trim();
  const problems: Partial<Record<keyof CheckInInput, CheckInProblem>> = {};
  if (!happenedOn) problems.happenedOn = 'required';
  else if (happenedOn > today) problems.happenedOn = 'future';
  if (!summary) problems.summary = 'required';
  if (Object.keys(problems).length) return { problems };
  return { body: { happenedOn, summary, ...(nextSteps ? { nextSteps } : {}) } };
}

/** The mentor profile form (plain fields plus the picked lists) as PUT /me/mentor-profile takes it. */
export function mentorProfileBody(
  v: { organisation?: string; sector?: string; topics?: string; capacity?: string; bio?: string },
  picked: {
    sdgs: number[];
    countries: string[];
    languages: { code: string; level: string; key?: number }[];
  },
): MentorProfileInput {
  const bio = (v.bio ?? '').trim();
  const topics = [...new Set(splitList(v.topics).map((t) => t.toLowerCase()))];
  return {
    organisation: (v.organisation ?? '').trim(),
    sector: v.sector as MentorProfileInput['sector'],
    expertise: { sdgs: [...picked.sdgs].sort((a, b) => a - b), topics },
    countries: [...picked.countries].sort() as MentorProfileInput['countries'],
    // Only code and level: the form's rows carry a React key the API would refuse.
    languages: picked.languages
      .filter((l) => l.code)
      .map(({ code, level }) => ({ code, level })) as MentorProfileInput['languages'],
    capacity: Number(v.capacity),
    bio: bio || null,
  };
}

/** A saved profile back into the form's shape (what `mentorProfileBody` reads). */
export const profileForm = (p: MentorProfile | null) => ({
  organisation: p?.organisation ?? '',
  sector: p?.sector ?? '',
  topics: (p?.expertise.topics ?? []).join(', '),
  capacity: String(p?.capacity ?? 2),
  bio: p?.bio ?? '',
  sdgs: p?.expertise.sdgs ?? [],
  countries: p?.countries ?? [],
  languages: p?.languages ?? [],
});
