import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get, IncomingHttpHeaders } from 'node:http';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { Harness } from './support/harness';

/**
 * The API serves the built web app on its own origin (src/common/http/web-app.ts). A small
 * stand-in for web/dist is enough: the routes depend on the files, not on what the app does.
 */
/** The bytes as sent (supertest would decompress them). */
function raw(
  base: string,
  path: string,
  acceptEncoding: string,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(new URL(path, base), { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    }).on('error', reject);
  });
}

describe('web app served by the API', () => {
  let h: Harness;
  let dir: string;
  // As the build writes it: the language script, and the entry module and its style sheet inline.
  const LANG_SCRIPT = 'document.documentElement.lang="en"';
  const ENTRY = 'globalThis.__kenalEntry=Object.freeze({});';
  const STYLE = 'body{margin:0}';
  const INDEX = `<!doctype html><html><head><style>${STYLE}</style><script>${LANG_SCRIPT}</script></head><body><div id="root"></div><script type="module">${ENTRY}</script></body></html>`;
  const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const ASSET = 'console.log("kenal");'.repeat(50);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kenal-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'index.html.br'), brotliCompressSync(INDEX));
    writeFileSync(join(dir, 'assets/index-Ab12Cd34.js'), ASSET);
    writeFileSync(join(dir, 'assets/index-Ab12Cd34.js.br'), brotliCompressSync(ASSET));
    writeFileSync(join(dir, 'assets/index-Ab12Cd34.js.gz'), gzipSync(ASSET));
    h = await Harness.start({ env: { WEB_DIST_DIR: dir } });
  });
  afterAll(async () => {
    await h?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('GET / answers index.html, never cached without a check, with its inline script allowed by hash', async () => {
    const res = await h.http().get('/').set('accept-encoding', 'identity').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toBe(INDEX);
    const csp = res.headers['content-security-policy'];
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]{44}'/);
    expect(csp).not.toContain('unsafe-inline');
    // Each inline script (classic or module) and style sheet by its own hash, nothing else inline.
    const directives = new Map(
      (csp as string).split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
    expect(directives.get('script-src')).toEqual(["'self'", sha(LANG_SCRIPT), sha(ENTRY)]);
    expect(directives.get('style-src')).toEqual(["'self'", sha(STYLE)]);
  });

  it('every other page path falls back to index.html (the app routes it)', async () => {
    for (const path of ['/sign-in', '/reset-password/abc', '/consent/xyz?x=1', '/profile']) {
      const res = await h.http().get(path).set('accept-encoding', 'identity').expect(200);
      expect(res.text).toBe(INDEX);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('index.html sent brotli-compressed keeps its policy: the inline script is allowed by hash', async () => {
    // A browser accepts br: the pre-compressed sibling goes out, under index.html's own policy.
    for (const path of ['/', '/competitions/abc']) {
      const res = await raw(h.baseUrl, path, 'gzip, deflate, br');
      expect([res.status, res.headers['content-encoding']]).toEqual([200, 'br']);
      expect(brotliDecompressSync(res.body).toString()).toBe(INDEX);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toMatch(
        /script-src 'self' 'sha256-[A-Za-z0-9+/=]{44}'/,
      );
    }
  });

  it('hashed assets are cached for a year as immutable, brotli or gzip by Accept-Encoding', async () => {
    const br = await raw(h.baseUrl, '/assets/index-Ab12Cd34.js', 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(br.body).toString()).toBe(ASSET);

    const gz = await raw(h.baseUrl, '/assets/index-Ab12Cd34.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(ASSET);

    const plain = await raw(h.baseUrl, '/assets/index-Ab12Cd34.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(ASSET);
  });

  it('/api/* and missing assets stay 404 problem+json', async () => {
    for (const path of ['/api/v1/no-such-route', '/api/nothing', '/assets/gone-123.js']) {
      const res = await h.http().get(path).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    // The API itself is untouched.
    await h.http().get('/api/v1/interests').expect(200);
  });
});
