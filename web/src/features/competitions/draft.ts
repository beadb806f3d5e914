import type { Submission, SubmissionUpdate } from './queries';

/** What the editor's controls hold: text as typed, lists as lists. */
export interface Draft {
  title: string;
  logline: string;
  synopsis: string;
  runtimeSeconds: string;
  language: string;
  subtitleLanguages: string[];
  videoUrl: string;
  credits: string;
  rightsConfirmed: boolean;
  problem: string;
  sdgs: number[];
  targetCountries: string[];
  plan: string;
  milestones: { title: string; due: string }[];
  budgetUsd: string;
  partnersSought: string;
}

export const MOVIE_FIELDS = [
  'logline',
  'synopsis',
  'runtimeSeconds',
  'language',
  'subtitleLanguages',
  'videoUrl',
  'credits',
  'rightsConfirmed',
] as const;
export const PROJECT_FIELDS = [
  'problem',
  'sdgs',
  'targetCountries',
  'plan',
  'milestones',
  'budgetUsd',
  'partnersSought',
] as const;

export const fieldsOf = (kind: string) => (kind === 'project' ? PROJECT_FIELDS : MOVIE_FIELDS);

export function draftOf(s: Submission): Draft {
  return {
    title: s.title,
    logline: s.logline ?? '',
    synopsis: s.synopsis ?? '',
    runtimeSeconds: s.runtimeSeconds == null ? '' : String(s.runtimeSeconds),
    language: s.language ?? '',
    subtitleLanguages: s.subtitleLanguages ?? [],
    videoUrl: s.videoUrl ?? '',
    credits: s.credits ?? '',
    rightsConfirmed: s.rightsConfirmed === true,
    problem: s.problem ?? '',
    sdgs: s.sdgs ?? [],
    targetCountries: s.targetCountries ?? [],
    plan: s.plan ?? '',
    milestones: (s.milestones ?? []).map((m) => ({ title: m.title, due: m.due })),
    budgetUsd: s.budgetUsd == null ? '' : String(s.budgetUsd),
    partnersSought: (s.partnersSought ?? []).join(', '),
  };
}

const text = (v: string): string | null => (v.trim() === '' ? null : v);
const number = (v: string): number | null => {
  if (v.trim() === '') return null;
  const n = Number(v.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
};

/** The API's value of each field of the kind (null clears one). */
export function valuesOf(kind: string, d: Draft): Record<string, unknown> {
  const all: Record<string, unknown> = {
    logline: text(d.logline),
    synopsis: text(d.synopsis),
    runtimeSeconds: number(d.runtimeSeconds),
    language: text(d.language),
    subtitleLanguages: d.subtitleLanguages,
    videoUrl: text(d.videoUrl),
    credits: text(d.credits),
    rightsConfirmed: d.rightsConfirmed,
    problem: text(d.problem),
    sdgs: [...d.sdgs].sort((a, b) => a - b),
    targetCountries: d.targetCountries,
    plan: text(d.plan),
    milestones: d.milestones.filter((m) => m.title.trim() || m.due),
    budgetUsd: number(d.budgetUsd),
    partnersSought: d.partnersSought
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
  };
  const out: Record<string, unknown> = { title: d.title };
  for (const f of fieldsOf(kind)) out[f] = all[f];
  return out;
}

/** Only what differs from `base`: the PATCH body for an edit, with the version it builds on. */
export function changesBetween(
  kind: string,
  base: Draft,
  edited: Draft,
  version: number,
): SubmissionUpdate | null {
  const before = valuesOf(kind, base);
  const after = valuesOf(kind, edited);
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) body[key] = after[key];
  }
  if (Object.keys(body).length === 0) return null;
  if (body.title === '') delete body.title; // a title cannot be cleared; the field says so
  if (Object.keys(body).length === 0) return null;
  return { ...body, version } as SubmissionUpdate;
}

/** The fields whose saved value differs between two versions of the entry. */
export function changedFields(kind: string, a: Draft, b: Draft): string[] {
  const x = valuesOf(kind, a);
  const y = valuesOf(kind, b);
  return Object.keys(y).filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k]));
}
