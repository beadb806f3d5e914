import { createHash } from 'node:crypto';
import { helmetHeaders } from '../src/common/http/security-headers';
import { Harness } from './support/harness';

const directives = (header: string) =>
  new Map(
    header.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

describe('security headers (e2e)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(() => h.stop());

  it("the API and everything but the docs get a strict CSP; only /api/docs allows 'unsafe-inline'", async () => {
    const api = await h.http().get('/api/v1/health').expect(200);
    const strict = directives(api.headers['content-security-policy']);
    expect(api.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(strict.get('default-src')).toEqual(["'self'"]);
    expect(strict.get('script-src')).toEqual(["'self'"]);
    expect(strict.get('connect-src')).toEqual(["'self'"]);
    expect(strict.get('img-src')).toEqual(expect.arrayContaining(["'self'", 'blob:']));
    expect(strict.get('media-src')).toEqual(expect.arrayContaining(["'self'", 'blob:']));
    expect(strict.get('object-src')).toEqual(["'none'"]);
    expect(strict.get('frame-ancestors')).toEqual(["'none'"]);
    // The web app's paths (served from / by the same process, compressed or not) are as strict;
    // the one thing added is index.html's inline script, allowed by its hash only.
    for (const encoding of ['identity', 'gzip, deflate, br']) {
      const spa = await h.http().get('/some/page').set('accept-encoding', encoding);
      expect(spa.headers['content-security-policy']).not.toContain('unsafe-inline');
      const policy = directives(spa.headers['content-security-policy']);
      const hashes = /^'sha256-[A-Za-z0-9+/=]{44}'$/;
      expect(policy.get('script-src')!.filter((s) => !hashes.test(s))).toEqual(["'self'"]);
      for (const d of ['default-src', 'connect-src', 'object-src', 'frame-ancestors', 'base-uri']) {
        expect([d, policy.get(d)]).toEqual([d, strict.get(d)]);
      }
    }
    // The emailed-link pages keep their one inline style sheet, allowed by its hash only.
    const page = await h.http().get('/api/v1/auth/password-reset/not-a-token').expect(200);
    expect(page.headers['content-security-policy']).toBe(api.headers['content-security-policy']);
    const css = /<style>([\s\S]*?)<\/style>/.exec(page.text)![1];
    const hash = createHash('sha256').update(css).digest('base64');
    expect(strict.get('style-src')).toEqual(["'self'", `'sha256-${hash}'`]);

    const docs = await h.http().get('/api/docs').expect(200);
    const relaxed = directives(docs.headers['content-security-policy']);
    expect(relaxed.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(relaxed.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    const asset = await h.http().get('/api/docs/swagger-ui-init.js');
    expect(asset.headers['content-security-policy']).toBe(docs.headers['content-security-policy']);
    // A look-alike path is not the docs.
    const lookalike = await h.http().get('/api/docsevil');
    expect(lookalike.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it("every response carries helmet's headers: API JSON, static answers, errors, web app, docs", async () => {
    const expected = {
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'origin-agent-cluster': '?1',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-dns-prefetch-control': 'off',
      'x-download-options': 'noopen',
      'x-frame-options': 'SAMEORIGIN',
      'x-permitted-cross-domain-policies': 'none',
      'x-xss-protection': '0',
    };
    // What helmet itself answers today: an upgrade that changes its defaults shows up here.
    expect(helmetHeaders()).toEqual(expected);
    for (const path of [
      '/api/v1/health',
      '/api/v1/interests',
      '/api/v1/me',
      '/api/v1/no-such-route',
      '/some/page',
      '/api/docs',
    ]) {
      const res = await h.http().get(path);
      for (const [name, value] of Object.entries(expected)) {
        expect([path, name, res.headers[name]]).toEqual([path, name, value]);
      }
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('echoes a plain X-Request-Id and replaces a hostile one', async () => {
    const plain = await h.http().get('/api/v1/health').set('X-Request-Id', 'abc.DEF_123-x');
    expect(plain.headers['x-request-id']).toBe('abc.DEF_123-x');

    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const hostile of [
      'x'.repeat(65),
      'id" level=60 msg="admin logged in',
      '<script>alert(1)</script>',
      'a b',
      'ünïcode',
    ]) {
      const res = await h.http().get('/api/v1/health').set('X-Request-Id', hostile);
      expect(res.headers['x-request-id']).toMatch(uuid);
    }
    const none = await h.http().get('/api/v1/health');
    expect(none.headers['x-request-id']).toMatch(uuid);
  });
});
