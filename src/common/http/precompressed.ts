import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply } from 'fastify';

/** A JSON body that never changes, serialized and compressed once at start-up. */
export interface PrecompressedJson {
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
}

export function precompressJson(value: unknown): PrecompressedJson {
  const identity = Buffer.from(JSON.stringify(value), 'utf8');
  return {
    identity,
    br: brotliCompressSync(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
    gzip: gzipSync(identity, { level: 9 }),
  };
}

/** The encodings the client accepts (q > 0), from an Accept-Encoding header. */
function accepted(header: string | undefined): Set<string> {
  const out = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) out.add(name);
  }
  return out;
}

/** Sends the stored variant the client accepts: brotli, else gzip, else as is. */
export function sendPrecompressed(
  reply: FastifyReply,
  acceptEncoding: string | undefined,
  body: PrecompressedJson,
): Buffer {
  const ok = accepted(acceptEncoding);
  const encoding = ok.has('br') ? 'br' : ok.has('gzip') || ok.has('*') ? 'gzip' : undefined;
  void reply.header('content-type', 'application/json; charset=utf-8');
  void reply.header('vary', 'accept-encoding');
  if (!encoding) return body.identity;
  void reply.header('content-encoding', encoding);
  return body[encoding];
}
