/**
 * The emailed links (a guardian's consent, a password to set, an address to confirm) open in a browser: these are the
 * small server-rendered pages behind them, each a form that posts back to the same API route.
 */
import { AppError } from '../common/errors/app-error';
import { LINK_PAGE_CSS } from '../common/http/link-page-style';

/**
 * A page for a browser form, the documented alternative to a JSON answer: a handler that may send
 * one declares `Promise<XDto | HtmlPage>` (scripts/lint/response-types.ts accepts it beside X).
 */
export type HtmlPage = string;

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Kenal</title>
<style>${LINK_PAGE_CSS}</style>
</head><body><h1>${escape(title)}</h1>${body}</body></html>`;
}

export function consentPage(
  token: string,
  view: { participantName: string; guardianName: string } | null,
): string {
  if (!view) {
    return page(
      'This link no longer works',
      '<p>It has been used, replaced by a newer one, or has expired. Ask the participant to send a new one from Kenal.</p>',
    );
  }
  return page(
    'Guardian consent',
    `<p>Dear ${escape(view.guardianName)},</p>
<p><strong>${escape(view.participantName)}</strong> would like to take part in Kenal, the ASEAN–Korea youth exchange:
writing to a pen pal and entering youth competitions. Because they are under 18, they need your consent.</p>
<form method="post" action="/api/v1/guardian-consents/${encodeURIComponent(token)}/confirm">
<button type="submit">I am their parent or guardian and I agree</button></form>`,
  );
}

export const consentDonePage = (participantName: string) =>
  page(
    'Thank you',
    `<p>You confirmed that ${escape(participantName)} may take part in Kenal. You can close this page.</p>`,
  );

export function withdrawPage(
  token: string,
  view: { participantName: string; guardianName: string; withdrawn: boolean } | null,
): string {
  if (!view) {
    return page(
      'This link no longer works',
      '<p>A newer consent request replaced it. Use the link in the most recent email from Kenal.</p>',
    );
  }
  if (view.withdrawn) return withdrawDonePage(view.participantName);
  return page(
    'Withdraw guardian consent',
    `<p>Dear ${escape(view.guardianName)},</p>
<p>If you withdraw your consent, <strong>${escape(view.participantName)}</strong> leaves their pen-pal rounds, their pen-pal matches end,
and their team's competition entry cannot be changed or submitted until a guardian agrees again.</p>
<form method="post" action="/api/v1/guardian-consents/${encodeURIComponent(token)}/withdraw">
<button type="submit">I withdraw my consent</button></form>`,
  );
}

export const withdrawDonePage = (participantName: string) =>
  page(
    'Consent withdrawn',
    `<p>You withdrew your consent for ${escape(participantName)} to take part in Kenal. You can close this page.</p>`,
  );

export function setPasswordPage(token: string): string {
  return page(
    'Choose your Kenal password',
    `<form method="post" action="/api/v1/auth/password-reset/${encodeURIComponent(token)}">
<p><label>New password (10 characters or more)<br><input type="password" name="password" minlength="10" maxlength="200" required autocomplete="new-password"></label></p>
<button type="submit">Set password</button></form>`,
  );
}

export const passwordDonePage = () =>
  page('Password set', '<p>Your password is set. You can now sign in to Kenal.</p>');

export function verifyEmailPage(token: string): string {
  return page(
    'Confirm your email address',
    `<form method="post" action="/api/v1/auth/verify-email/${encodeURIComponent(token)}">
<p>Confirm that this address is yours, so you can enrol, join a team and submit on Kenal.</p>
<button type="submit">Confirm my email address</button></form>`,
  );
}

export const emailVerifiedPage = () =>
  page('Email address confirmed', '<p>Thank you: your email address is confirmed.</p>');

export const errorPage = (detail: string) => page('That did not work', `<p>${escape(detail)}</p>`);

/** A browser form posts urlencoded and accepts HTML; API clients send and want JSON. */
export const wantsHtml = (headers: Record<string, string | string[] | undefined>): boolean =>
  String(headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') &&
  String(headers.accept ?? '').includes('text/html');

/**
 * Answers what a link page's form posts: JSON for an API client; for a browser form, the page
 * `done` makes of the result, or an error page with the problem's status.
 */
export async function answerLinkForm<T>(
  headers: Record<string, string | string[] | undefined>,
  reply: { type(contentType: string): unknown; status(code: number): unknown },
  run: () => Promise<T>,
  done: (result: T) => HtmlPage,
): Promise<T | HtmlPage> {
  if (!wantsHtml(headers)) return run();
  reply.type('text/html; charset=utf-8');
  try {
    return done(await run());
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    reply.status(err.status);
    return errorPage(err.message);
  }
}
