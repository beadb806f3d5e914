/**
 * Every emailed link that carries a secret token, by the path in front of the token (the token is
 * the next path segment). A new kind of link is one line here: the request log masks its token,
 * and the outbox forgets it once the message is sent.
 */
export const TOKEN_LINKS = {
  /** Also a new staff member's first password (the web app's page, ../shared/API.md). */
  passwordReset: '/reset-password/',
  verifyEmail: '/verify-email/',
  staffInvitation: '/staff-invitations/',
  guardianConsent: '/consent/',
  teamInvitation: '/invitations/',
} as const;

/** The API routes that take those tokens in their path, masked in logs like the links. */
const TOKEN_ROUTES = [
  'password-reset',
  'verify-email',
  'staff-invitations',
  'guardian-consents',
  'team-invitations',
];

export type TokenLinkKind = keyof typeof TOKEN_LINKS;

export const MASK = '***';

/** The link to email: PUBLIC_URL, the kind's path, the token. */
export const tokenLink = (publicUrl: string, kind: TokenLinkKind, token: string): string =>
  `${publicUrl.replace(/\/+$/, '')}${TOKEN_LINKS[kind]}${encodeURIComponent(token)}`;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The last named segment of each path (password-reset, ...), wherever it appears in a URL. */
const NAMED = new RegExp(
  `(/(?:${[
    ...new Set([
      ...Object.values(TOKEN_LINKS).map((p) => p.split('/').filter(Boolean).pop()!),
      ...TOKEN_ROUTES,
    ]),
  ]
    .map(escapeRegExp)
    .join('|')})/)[^/?#\\s"'<>]+`,
  'g',
);
/** A query parameter whose name says token. */
const QUERY = /([?&][^=&#\s]*token[^=&#\s]*=)[^&#\s"'<>]*/gi;
/** Anything shaped like our tokens (43 base64url characters) as a path segment or value. */
const SHAPED = /([/=])[A-Za-z0-9_-]{40,}(?=$|[/?&#\s"'<>])/g;

/**
 * Matches wherever one of the three can (and a little more: case-insensitive). Most text, each
 * request's URL in the request log among it, has nothing to mask: one test instead of three
 * replaces (~2.5k instructions a request under callgrind).
 */
const ANY = new RegExp([NAMED, QUERY, SHAPED].map((r) => r.source).join('|'), 'i');

/** maskTokens without the test first: the reference its tests compare with. */
export const maskEveryToken = (text: string): string =>
  text.replace(NAMED, `$1${MASK}`).replace(QUERY, `$1${MASK}`).replace(SHAPED, `$1${MASK}`);

/** The text with every token of a link (path segment or query value) replaced by ***. */
export const maskTokens = (text: string): string => (ANY.test(text) ? maskEveryToken(text) : text);

const SECRET_KEY = /token|secret|password/i;

/**
 * A copy of a JSON value with tokens masked in every string, and values under keys that name a
 * secret (token, password) masked outright: what may be kept or logged once a link is sent.
 */
export function redactTokens<T>(value: T): T {
  if (typeof value === 'string') return maskTokens(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactTokens(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        SECRET_KEY.test(k) && typeof v === 'string' ? MASK : redactTokens(v),
      ]),
    ) as T;
  }
  return value;
}
