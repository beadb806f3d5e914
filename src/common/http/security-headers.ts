import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import helmet from 'helmet';
import { LINK_PAGE_CSS } from './link-page-style';
import { presetHeaders } from './preset-headers';

type Directives = Record<string, string[]>;

const cspHash = (source: string) =>
  `'sha256-${createHash('sha256').update(source).digest('base64')}'`;

/**
 * Everywhere but the API docs: the API's JSON, the emailed-link pages (their one inline style
 * sheet allowed by hash) and the web app served from `/` (same-origin scripts, styles, fonts and
 * images, blob: previews of uploads, calls to the same origin). No inline script anywhere.
 */
const STRICT: Directives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'media-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", cspHash(LINK_PAGE_CSS)],
  'worker-src': ["'self'", 'blob:'],
};

/** Swagger UI (/api/docs) is the one page that needs inline scripts and styles. */
const DOCS: Directives = {
  ...STRICT,
  'img-src': ["'self'", 'data:', 'validator.swagger.io'],
  'script-src': ["'self'", "'unsafe-inline'"],
  'style-src': ["'self'", "'unsafe-inline'"],
};

const render = (directives: Directives, upgrade: boolean) =>
  Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .concat(upgrade ? ['upgrade-insecure-requests'] : [])
    .join('; ');

/**
 * The Content-Security-Policy header for a request path. Browsers are told to upgrade to https
 * only when Kenal's public address is https, so a developer's http://localhost keeps working.
 */
export function contentSecurityPolicies(publicUrl: string): (url: string) => string {
  const upgrade = publicUrl.startsWith('https:');
  const strict = render(STRICT, upgrade);
  const docs = render(DOCS, upgrade);
  return (url) => {
    if (!url.startsWith('/api/docs')) return strict;
    const next = url.charAt('/api/docs'.length);
    return next === '' || next === '/' || next === '?' ? docs : strict;
  };
}

/**
 * The headers helmet sets (its CSP aside: that one depends on the path), found once at start by
 * running helmet on a response that records them. Helmet's answer never depends on the request,
 * and building helmet per request, as @fastify/helmet did, cost about 5 % of a request's CPU.
 */
export function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet({ contentSecurityPolicy: false })(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    () => undefined,
  );
  return headers;
}

/**
 * One onRequest hook for every response's security headers: the request id, helmet's headers and
 * the Content-Security-Policy of the path (the web app's HTML pages replace it with their own).
 * They go straight into the response's own header store (presetHeaders), checked once at start:
 * the two policies here, and the request id is plain or a UUID (requestId).
 */
export function securityHeadersHook(publicUrl: string) {
  const fixed = helmetHeaders();
  const preset = presetHeaders(fixed, ['x-request-id', 'content-security-policy']);
  const policies = contentSecurityPolicies(publicUrl);
  for (const url of ['/', '/api/docs']) preset.check('content-security-policy', policies(url));
  return (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const policy = policies(req.url);
    if (!preset.set(reply.raw, req.id, policy)) {
      void reply
        .headers(fixed)
        .header('x-request-id', req.id)
        .header('content-security-policy', policy);
    }
    done();
  };
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The request id: the caller's X-Request-Id when it is short and plain (so logs can be followed
 * across services), else a fresh UUID, so a hostile value never reaches a log line or a header.
 */
export function requestId(req: IncomingMessage): string {
  const sent = req.headers['x-request-id'];
  return typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : randomUUID();
}
