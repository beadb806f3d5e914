import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { checkedHeader, headerStore } from './preset-headers';

/** A JSON body that never changes, serialized and compressed once at start-up; T is what it holds. */
export interface PrecompressedJson<T = unknown> {
  /** Never set: carries T from precompressJson to the handler's declared return type. */
  readonly json?: T;
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
  /** The ETag of each encoding: the identity body's hash, quoted, with the encoding's suffix. */
  etags: Record<'identity' | 'br' | 'gzip', string>;
}

export function precompressJson<T>(value: T): PrecompressedJson<T> {
  const identity = Buffer.from(JSON.stringify(value), 'utf8');
  const tag = createHash('sha256').update(identity).digest('base64url').slice(0, 22);
  return {
    identity,
    etags: {
      identity: checkedHeader('etag', `"${tag}"`),
      br: checkedHeader('etag', `"${tag}-br"`),
      gzip: checkedHeader('etag', `"${tag}-gzip"`),
    },
    br: brotliCompressSync(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
    gzip: gzipSync(identity, { level: 9 }),
  };
}

/**
 * The bytes of a stored body of type T, as sent: a handler declares `SentJson<XDto>` (or
 * `SentJson<XDto[]>`) for the class its OpenAPI decorator documents (scripts/lint/response-types.ts).
 */
export type SentJson<T> = Buffer & { readonly json?: T };

/** The JSON text of a T made elsewhere (PostgreSQL's json functions), as the bytes to send. */
export const sentJson = <T>(text: string): SentJson<T> => Buffer.from(text, 'utf8');

/**
 * Body bytes to keep for long (a cache): a small Buffer is a view on an 8 kB slab it shares with
 * others, which a kept one would pin whole; this one has its own memory.
 */
export function keptJson<T>(body: SentJson<T>): SentJson<T> {
  if (body.byteOffset === 0 && body.buffer.byteLength === body.length) return body;
  const own = Buffer.allocUnsafeSlow(body.length);
  body.copy(own);
  return own;
}

/** The Content-Type of a handler that answers SentJson (a Buffer is otherwise octet-stream). */
export const JSON_TYPE = 'application/json; charset=utf-8';

/** The encodings the client accepts (q > 0), from an Accept-Encoding header. */
function accepted(header: string): Set<string> {
  const out = new Set<string>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) out.add(name);
  }
  return out;
}

type Encoding = 'br' | 'gzip' | undefined;

/** The variant for each Accept-Encoding header seen: clients send a handful of distinct ones. */
const chosen = new Map<string, Encoding>();

function encodingFor(header = ''): Encoding {
  const known = chosen.get(header);
  if (known !== undefined || chosen.has(header)) return known;
  const ok = accepted(header);
  const encoding = ok.has('br') ? 'br' : ok.has('gzip') || ok.has('*') ? 'gzip' : undefined;
  // Bounded, so that a client sending a new header each time cannot grow it.
  if (chosen.size < 256) chosen.set(header, encoding);
  return encoding;
}

/**
 * Sends the stored variant the client accepts: brotli, else gzip, else as is, with an ETag per
 * variant; a request naming that ETag in If-None-Match gets 304 and no body. The fields go
 * straight into the response's header store when it has one (the security headers' hook made it
 * on every route): their values are fixed and checked at start, where reply.header lowercased each
 * name and writeHead ran setHeader's two regular expressions over each (callgrind, GET /interests:
 * ~5k instructions a request). Fastify adds Content-Length after them, as before.
 */
export function sendPrecompressed<T>(
  reply: FastifyReply,
  headers: { 'accept-encoding'?: string; 'if-none-match'?: string },
  body: PrecompressedJson<T>,
): SentJson<T> {
  const encoding = encodingFor(headers['accept-encoding']);
  const etag = body.etags[encoding ?? 'identity'];
  const store = headerStore(reply.raw);
  if (store) {
    store['content-type'] = ['content-type', JSON_TYPE];
    store.vary = ['vary', 'accept-encoding'];
    store.etag = ['etag', etag];
  } else {
    void reply.header('content-type', JSON_TYPE);
    void reply.header('vary', 'accept-encoding');
    void reply.header('etag', etag);
  }
  const match = headers['if-none-match'];
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
    void reply.code(304);
    return Buffer.alloc(0);
  }
  if (!encoding) return body.identity;
  if (store) store['content-encoding'] = ['content-encoding', encoding];
  else void reply.header('content-encoding', encoding);
  return body[encoding];
}

/**
 * Static GET routes answered by Fastify itself with a stored body: Nest still declares them (the
 * OpenAPI document, the controller as documentation), but their handler is swapped as Fastify
 * registers them, so no guard, pipe or interceptor runs. Fastify's hooks still do: the request id,
 * the security headers and the request log line are the same as on every route. Compression's
 * hooks are left out: call this before registering @fastify/compress.
 */
export function servePrecompressed(
  fastify: FastifyInstance,
  routes: Record<string, PrecompressedJson>,
): void {
  fastify.addHook('onRoute', (route) => {
    const body = Object.hasOwn(routes, route.url) ? routes[route.url] : undefined;
    if (!body || ![route.method].flat().includes('GET')) return;
    route.compress = false;
    route.decompress = false;
    route.handler = (req, reply) => {
      void reply.send(sendPrecompressed(reply, req.headers, body));
    };
  });
}
