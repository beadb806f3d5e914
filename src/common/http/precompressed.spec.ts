import { get, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import fastify, { type FastifyInstance } from 'fastify';
import { precompressJson, servePrecompressed } from './precompressed';
import { securityHeadersHook } from './security-headers';

const BODY = precompressJson({ tags: Array.from({ length: 200 }, (_, i) => `tag-${i}`) });

/** Status, headers (and their order), body: undecoded. */
function raw(base: string, headers: Record<string, string> = {}) {
  return new Promise<{
    status: number;
    names: string[];
    headers: IncomingHttpHeaders;
    body: Buffer;
  }>((ok, fail) => {
    get(`${base}/things`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        ok({
          status: res.statusCode ?? 0,
          names: res.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase()),
          headers: res.headers,
          body: Buffer.concat(chunks),
        }),
      );
    }).on('error', fail);
  });
}

describe('servePrecompressed', () => {
  const apps: FastifyInstance[] = [];
  afterAll(() => Promise.all(apps.map((app) => app.close())));

  /** With the security headers' hook (the response has a header store), or bare (it has none). */
  async function serve(secured: boolean): Promise<string> {
    const app = fastify();
    if (secured) app.addHook('onRequest', securityHeadersHook('http://localhost'));
    servePrecompressed(app, { '/things': BODY });
    app.get('/things', () => 'the stored body answers instead');
    await app.listen({ port: 0, host: '127.0.0.1' });
    apps.push(app);
    return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  }

  it.each([true, false])(
    'answers each variant with its fields in order, and 304 to its ETag (security hook: %s)',
    async (secured) => {
      const base = await serve(secured);
      const json = JSON.parse(BODY.identity.toString('utf8')) as unknown;
      const ours = (names: string[]) =>
        names.filter((n) => !['date', 'connection', 'keep-alive'].includes(n));
      const before = secured ? ['x-request-id', 'content-security-policy'] : [];
      for (const [accept, encoding, decode] of [
        ['br, gzip', 'br', brotliDecompressSync],
        ['gzip', 'gzip', gunzipSync],
        ['identity', undefined, (b: Buffer) => b],
      ] as const) {
        const res = await raw(base, { 'accept-encoding': accept });
        expect(res.status).toBe(200);
        const fields = [
          ...before,
          'content-type',
          'vary',
          'etag',
          ...(encoding ? ['content-encoding'] : []),
          'content-length',
        ];
        // After helmet's fields, when there are some; nothing else.
        expect(ours(res.names).slice(-fields.length)).toEqual(fields);
        expect(ours(res.names).length).toBe(fields.length + (secured ? 11 : 0));
        expect(res.headers).toMatchObject({
          'content-type': 'application/json; charset=utf-8',
          vary: 'accept-encoding',
          etag: BODY.etags[encoding ?? 'identity'],
          'content-length': String(res.body.length),
        });
        expect(res.headers['content-encoding']).toBe(encoding);
        expect(JSON.parse(decode(res.body).toString('utf8'))).toEqual(json);

        const etag = BODY.etags[encoding ?? 'identity'];
        for (const match of [etag, `W/${etag}`, `"other", ${etag}`]) {
          const again = await raw(base, { 'accept-encoding': accept, 'if-none-match': match });
          expect([again.status, again.body.length, again.headers.etag]).toEqual([304, 0, etag]);
          expect(again.headers['content-encoding']).toBeUndefined();
        }
        const other = await raw(base, { 'accept-encoding': accept, 'if-none-match': '"other"' });
        expect(other.status).toBe(200);
      }
    },
  );
});
