import type { Competition, CompetitionInput } from './queries';
import { type CriterionRow, blankRow, criteriaOf, rowOf } from './rubric';
import { isoToWall, wallToIso } from './zoned';

/** Everything the competition form holds, as typed (numbers as text until sent). */
export interface FormState {
  kind: 'short_movie' | 'project';
  title: string;
  slug: string;
  description: string;
  /** Wall times in the programme's time zone, as a datetime-local input holds them. */
  opens: string;
  closes: string;
  minAge: string;
  maxAge: string;
  minTeamSize: string;
  maxTeamSize: string;
  requireMixedTeam: boolean;
  maxRuntimeMinutes: string;
  maxUploadMb: string;
  rubric: CriterionRow[];
}

const text = (n: number | undefined) => (n === undefined ? '' : String(n));

export function blankForm(timeZone: string, now = Date.now()): FormState {
  const day = 86400_000;
  return {
    kind: 'short_movie',
    title: '',
    slug: '',
    description: '',
    opens: isoToWall(new Date(now + day).toISOString(), timeZone).slice(0, 11) + '00:00',
    closes: isoToWall(new Date(now + 45 * day).toISOString(), timeZone).slice(0, 11) + '23:59',
    minAge: '',
    maxAge: '',
    minTeamSize: '',
    maxTeamSize: '',
    requireMixedTeam: false,
    maxRuntimeMinutes: '',
    maxUploadMb: '',
    rubric: [blankRow()],
  };
}

export function formOf(c: Competition): FormState {
  const tz = c.window.timezone;
  const e = c.eligibility;
  return {
    kind: c.kind,
    title: c.title,
    slug: c.slug,
    description: c.description ?? '',
    opens: isoToWall(c.submissionOpensAt, tz),
    closes: isoToWall(c.submissionClosesAt, tz),
    minAge: text(e.minAge),
    maxAge: text(e.maxAge),
    minTeamSize: text(e.minTeamSize),
    maxTeamSize: text(e.maxTeamSize),
    requireMixedTeam: e.requireMixedTeam ?? false,
    maxRuntimeMinutes:
      c.limits.maxRuntimeSeconds === undefined ? '' : String(c.limits.maxRuntimeSeconds / 60),
    maxUploadMb:
      c.limits.maxUploadBytes === undefined
        ? ''
        : String(Math.round((c.limits.maxUploadBytes / 1024 ** 2) * 10) / 10),
    rubric: c.rubric.map(rowOf),
  };
}

/** A number typed in a field; blank leaves the setting out; anything else goes for the API to check. */
const opt = (v: string, scale = 1): number | undefined => {
  if (v.trim() === '') return undefined;
  const n = Number(v) * scale;
  return Number.isFinite(n) ? Math.round(n) : Number.NaN;
};
const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** The form as the API takes a competition; the window read in the programme's time zone. */
export function bodyOf(s: FormState, timeZone: string): CompetitionInput {
  const eligibility = defined({
    minAge: opt(s.minAge),
    maxAge: opt(s.maxAge),
    minTeamSize: opt(s.minTeamSize),
    maxTeamSize: opt(s.maxTeamSize),
    requireMixedTeam: s.requireMixedTeam || undefined,
  });
  const limits = defined({
    maxRuntimeSeconds: opt(s.maxRuntimeMinutes, 60),
    maxUploadBytes: opt(s.maxUploadMb, 1024 ** 2),
  });
  const description = s.description.trim();
  return {
    kind: s.kind,
    title: s.title,
    slug: s.slug.trim(),
    ...(description ? { description } : {}),
    submissionOpensAt: wallToIso(s.opens, timeZone) ?? s.opens,
    submissionClosesAt: wallToIso(s.closes, timeZone) ?? s.closes,
    eligibility,
    rubric: criteriaOf(s.rubric),
    limits,
  };
}

export type Change =
  | { field: 'kind' | 'title' | 'slug' | 'description'; from: string; to: string }
  | { field: 'submissionOpensAt' | 'submissionClosesAt'; from: string; to: string }
  | { field: 'eligibility' | 'limits' }
  | { field: 'rubric'; from: number; to: number };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const sameInstant = (a: string, b: string) => new Date(a).getTime() === new Date(b).getTime();

/**
 * What an edit changes against the stored competition: the PATCH body (only the changed fields)
 * and each change as the page says it.
 */
export function changesOf(
  current: Competition,
  next: CompetitionInput,
): { patch: Partial<CompetitionInput>; changes: Change[] } {
  const patch: Partial<CompetitionInput> = {};
  const changes: Change[] = [];
  for (const field of ['kind', 'title', 'slug'] as const) {
    if (current[field] !== next[field]) {
      Object.assign(patch, { [field]: next[field] });
      changes.push({ field, from: current[field], to: next[field] });
    }
  }
  if ((current.description ?? '') !== (next.description ?? '')) {
    patch.description = next.description ?? '';
    changes.push({
      field: 'description',
      from: current.description ?? '',
      to: next.description ?? '',
    });
  }
  for (const field of ['submissionOpensAt', 'submissionClosesAt'] as const) {
    const valid = !Number.isNaN(new Date(next[field]).getTime());
    if (!valid || !sameInstant(current[field], next[field])) {
      patch[field] = next[field];
      if (valid) changes.push({ field, from: current[field], to: next[field] });
    }
  }
  if (!same(defined(current.eligibility), next.eligibility)) {
    patch.eligibility = next.eligibility;
    changes.push({ field: 'eligibility' });
  }
  if (!same(defined(current.limits), next.limits)) {
    patch.limits = next.limits;
    changes.push({ field: 'limits' });
  }
  const canonical = (rubric: CompetitionInput['rubric']) =>
    rubric.map((r) => [r.key, r.label, r.description || '', r.min, r.max, r.weight]);
  if (!same(canonical(current.rubric), canonical(next.rubric))) {
    patch.rubric = next.rubric;
    changes.push({ field: 'rubric', from: current.rubric.length, to: next.rubric.length });
  }
  return { patch, changes };
}
