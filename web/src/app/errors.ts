import type { I18n, MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { ApiError, NetworkError, type Problem } from './api';

/**
 * The one catalogue of error sentences, keyed by the API's stable `code`: every problem+json a
 * person meets is said in words in their language. Unknown codes fall back by HTTP status.
 */
const BY_CODE: Record<string, MessageDescriptor> = {
  VALIDATION_FAILED: msg`Some answers need another look. Check the fields marked below.`,
  BAD_REQUEST: msg`Something in the form is not right. Check it and try again.`,
  MALFORMED_JSON: msg`Something in the form is not right. Check it and try again.`,
  UNAUTHENTICATED: msg`Please sign in again.`,
  INVALID_CREDENTIALS: msg`That email and password don't match an account. Check them and try again.`,
  FORBIDDEN: msg`You're not allowed to do that.`,
  NOT_FOUND: msg`We couldn't find that. It may have been removed.`,
  CONFLICT: msg`That clashes with something that changed in the meantime. Reload and try again.`,
  EMAIL_TAKEN: msg`There is already an account with this email. Try signing in instead.`,
  TOKEN_INVALID: msg`This link doesn't work any more: it was used already or is too old. Ask for a new one.`,
  GUARDIAN_CONSENT_REQUIRED: msg`Because you are under 18, we need your parent or guardian's name and email.`,
  NO_CONSENT_PENDING: msg`There is no guardian email waiting to be sent again.`,
  EMAIL_UNVERIFIED: msg`Please confirm your email address first: open the link we sent you.`,
  PROFILE_REQUIRED: msg`Please fill in your profile first.`,
  DEADLINE_PASSED: msg`Sorry, the deadline has passed.`,
  NOT_ELIGIBLE: msg`Sorry, you can't take part in this one.`,
  RATE_LIMITED: msg`Too many tries in a short time. Wait a minute, then try again.`,
  PAYLOAD_TOO_LARGE: msg`That file is too big.`,
  UNSUPPORTED_MEDIA_TYPE: msg`That kind of file isn't accepted here.`,
  INTERNAL: msg`Something went wrong on our side. Please try again in a moment.`,
  // Competitions: teams, entries, uploads.
  ALREADY_IN_TEAM: msg`You are already in a team for this competition.`,
  TEAM_FULL: msg`This team is full: the competition allows no more members.`,
  TOO_MANY_EMAILS: msg`Too many emails sent in a short time. Wait a while, then try again.`,
  SUBMISSION_EXISTS: msg`Your team has an entry for this competition already.`,
  SUBMISSIONS_NOT_OPEN: msg`This competition is not open for entries yet.`,
  SUBMISSION_LOCKED: msg`This entry can't be changed any more.`,
  SUBMISSION_INCOMPLETE: msg`Some things are still missing before you can submit.`,
  QUOTA_EXCEEDED: msg`You have used all the space for files here. Remove a file first.`,
  INSUFFICIENT_STORAGE: msg`Our storage is full right now. Please try again later.`,
  UPLOAD_ABORTED: msg`The upload stopped before the end. Try again.`,
  IDEMPOTENCY_KEY_REUSED: msg`Something went wrong. Please try again.`,
  EMAIL_ALREADY_VERIFIED: msg`Your email address is confirmed already.`,
  ALREADY_ENROLLED: msg`You're already enrolled in this round.`,
  ALREADY_MATCHED: msg`You already have a pen pal in this round. Decline the match instead.`,
  ALREADY_RESPONDED: msg`You already answered about this pen pal.`,
  MATCH_DECLINED: msg`Your pen pal declined this match. We'll look for someone else in a later round.`,
  MATCH_CANCELLED: msg`The coordinators ended this match.`,
  MATCH_ENDED: msg`This match has ended.`,
  MATCH_NOT_ELIGIBLE: msg`This match can't go ahead any more. The coordinators will help.`,
  PASSWORD_INCORRECT: msg`That password is not right.`,
};

/**
 * Sentences for codes only some pages meet, added when those pages load (features/staff/catalogue.ts):
 * their words then travel with those pages' catalogue, not with everyone's first page.
 */
export function addErrorSentences(more: Record<string, MessageDescriptor>): void {
  Object.assign(BY_CODE, more);
}

const BY_STATUS: Record<number, MessageDescriptor> = {
  400: BY_CODE.BAD_REQUEST,
  401: BY_CODE.UNAUTHENTICATED,
  403: BY_CODE.FORBIDDEN,
  404: BY_CODE.NOT_FOUND,
  409: BY_CODE.CONFLICT,
  413: BY_CODE.PAYLOAD_TOO_LARGE,
  415: BY_CODE.UNSUPPORTED_MEDIA_TYPE,
  429: BY_CODE.RATE_LIMITED,
  507: BY_CODE.INSUFFICIENT_STORAGE,
};

const OFFLINE = msg`We can't reach Kenal. Check your internet connection; we'll try again.`;
const UNKNOWN = msg`Something went wrong. Please try again.`;

/** The sentence for any error thrown by an API call. */
export function describeError(i18n: I18n, error: unknown): string {
  if (error instanceof NetworkError) return i18n._(OFFLINE);
  if (error instanceof ApiError) return describeProblem(i18n, error.problem);
  return i18n._(UNKNOWN);
}

export function describeProblem(i18n: I18n, problem: Problem): string {
  const known = BY_CODE[problem.code] ?? BY_STATUS[problem.status];
  if (known) return i18n._(known);
  return problem.status >= 500 ? i18n._(BY_CODE.INTERNAL) : i18n._(UNKNOWN);
}

const FIELD = {
  REQUIRED: msg`Please fill this in.`,
  EMAIL: msg`Enter an email address, like name@example.com.`,
  OWN_EMAIL: msg`Use your parent or guardian's own email, not yours.`,
  DATE: msg`Enter a real date.`,
  INVALID: msg`This doesn't look right. Check it and try again.`,
};

/**
 * The sentence for one field the API named in `errors[]`: by the error's own code when the API
 * gives one, else from the validator's wording (which is stable English), else a general one.
 */
export function describeFieldError(
  i18n: I18n,
  error: { path: string; message: string; code?: string },
): string {
  const text = error.message;
  let m: RegExpMatchArray | null;
  if (error.code === 'REQUIRED' || /should not be empty|is required|must be a string/.test(text))
    return i18n._(FIELD.REQUIRED);
  if (/must be an email/.test(text)) return i18n._(FIELD.EMAIL);
  if (/differ from your own email/.test(text)) return i18n._(FIELD.OWN_EMAIL);
  if (/longer than or equal to 1 characters/.test(text)) return i18n._(FIELD.REQUIRED);
  if ((m = text.match(/longer than or equal to (\d+)/))) {
    const min = m[1];
    return i18n._(msg`Use at least ${min} characters.`);
  }
  if ((m = text.match(/shorter than or equal to (\d+)/))) {
    const max = m[1];
    return i18n._(msg`Use at most ${max} characters.`);
  }
  if (/date/i.test(text)) return i18n._(FIELD.DATE);
  return i18n._(FIELD.INVALID);
}

/** Field path → sentence, for the fields a problem names (a form shows each beside its field). */
export function fieldErrors(i18n: I18n, error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const e of error.problem.errors ?? []) {
    out[e.path] ??= describeFieldError(i18n, e);
  }
  if (error.problem.code === 'GUARDIAN_CONSENT_REQUIRED') {
    out['guardian.name'] ??= i18n._(FIELD.REQUIRED);
    out['guardian.email'] ??= i18n._(FIELD.REQUIRED);
  }
  return out;
}
