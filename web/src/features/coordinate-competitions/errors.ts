import type { I18n, MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { ApiError } from '../../app/api';
import { describeError, describeFieldError } from '../../app/errors';
import { normalisePath } from './rubric';

/** The API's validator wording (stable English) → a sentence for the competition form. */
const SENTENCES: [RegExp, MessageDescriptor][] = [
  [
    /key must be lower-case/,
    msg`Use lower-case letters a–z, digits and _, starting with a letter.`,
  ],
  [/is used twice/, msg`Each criterion needs its own key: this one is used twice.`],
  [/weight must be positive|must be a positive number/, msg`The weight must be more than 0.`],
  [/max must be above min/, msg`The highest score must be above the lowest.`],
  [/maxAge must not be below minAge/, msg`The oldest age must not be below the youngest.`],
  [
    /maxTeamSize must not be below minTeamSize/,
    msg`The largest team must not be smaller than the smallest.`,
  ],
  [/mixed team needs room/, msg`A mixed team needs room for at least two members.`],
  [/submissionClosesAt must be after/, msg`Entries must close after they open.`],
  [/slug must be/, msg`Use lower-case letters, digits and single hyphens, like short-movies-2027.`],
  [/ISO 8601|valid instant/, msg`Enter a date and a time.`],
  [/at least one criterion|must contain at least 1/, msg`Add at least one criterion.`],
  [/must contain no more than/, msg`Use at most 20 criteria.`],
  [/must be an integer/, msg`Enter a whole number.`],
  [/must be a number/, msg`Enter a number.`],
  [/until must be in the future/, msg`Pick a time in the future.`],
  [/until must be after the competition closes/, msg`Pick a time after the competition closes.`],
];

const CODES: Record<string, { path: string; text: MessageDescriptor }> = {
  SLUG_TAKEN: {
    path: 'slug',
    text: msg`Another competition in this programme already uses this short name.`,
  },
  RUBRIC_LOCKED: {
    path: 'rubric',
    text: msg`Judges have scored already, so the rubric can no longer change.`,
  },
};

function sentence(i18n: I18n, e: { path: string; message: string; code?: string }): string {
  // The form asks for minutes and megabytes, the API for seconds and bytes: its numbers would mislead.
  if (e.path === 'limits.maxRuntimeSeconds') return i18n._(msg`Use a number from 1 to 600.`);
  if (e.path === 'limits.maxUploadBytes') return i18n._(msg`Use a number from 0.01 to 10240.`);
  let m: RegExpMatchArray | null;
  if ((m = e.message.match(/must not be less than (-?[\d.]+)/))) {
    const n = m[1];
    return i18n._(msg`Use ${n} or more.`);
  }
  if ((m = e.message.match(/must not be greater than (-?[\d.]+)/))) {
    const n = m[1];
    return i18n._(msg`Use ${n} or less.`);
  }
  const known = SENTENCES.find(([re]) => re.test(e.message));
  return known ? i18n._(known[1]) : describeFieldError(i18n, e);
}

/** Field path (rubric rows as `rubric.0.key`) → the sentence shown beside that field. */
export function formErrors(i18n: I18n, error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const e of error.problem.errors ?? []) out[normalisePath(e.path)] ??= sentence(i18n, e);
  const coded = CODES[error.problem.code];
  if (coded) out[coded.path] ??= i18n._(coded.text);
  return out;
}

/** The sentence at the top of the form: the specific one for codes this form knows. */
export function formMessage(i18n: I18n, error: unknown): string {
  if (error instanceof ApiError && CODES[error.problem.code]) {
    return i18n._(CODES[error.problem.code].text);
  }
  return describeError(i18n, error);
}
