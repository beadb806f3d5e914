import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { presetHeaders } from './preset-headers';

describe('presetHeaders', () => {
  let server: Server;
  let base: string;
  const preset = presetHeaders(
    {
      'X-Frame-Options': 'SAMEORIGIN',
      'Referrer-Policy': 'no-referrer',
    },
    ['X-Request-Id', 'content-security-policy'],
  );

  beforeAll(async () => {
    server = createServer((req, res) => {
      expect(preset.set(res, 'r-1', "default-src 'self'")).toBe(true);
      // A second call finds headers there and leaves them.
      expect(preset.set(res, 'r-2', 'x')).toBe(false);
      // Nothing inherited answers for a header name.
      expect([res.hasHeader('constructor'), res.getHeader('toString')]).toEqual([false, undefined]);
      if (req.url === '/replaced') res.setHeader('Content-Security-Policy', 'sandbox');
      if (req.url === '/appended') res.appendHeader('x-frame-options', 'DENY');
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((ok) => server.close(ok)));

  it('puts the fixed and the given headers on the response, lowercase, once each', async () => {
    const res = await fetch(`${base}/`);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'x-request-id': 'r-1',
      'content-security-policy': "default-src 'self'",
      'content-type': 'text/plain',
    });
  });

  it('lets a header set later replace or extend one of them, on that response only', async () => {
    const replaced = await fetch(`${base}/replaced`);
    expect(replaced.headers.get('content-security-policy')).toBe('sandbox');
    const appended = await fetch(`${base}/appended`);
    expect(appended.headers.get('x-frame-options')).toBe('SAMEORIGIN, DENY');
    const plain = await fetch(`${base}/`);
    expect(plain.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('refuses an invalid fixed header or value at start', () => {
    expect(() => presetHeaders({ 'bad name': 'x' }, ['a', 'b'])).toThrow();
    expect(() => presetHeaders({ 'x-ok': 'line\r\nbreak' }, ['a', 'b'])).toThrow();
    expect(() => presetHeaders({}, ['a"b', 'c'])).toThrow();
    expect(() => preset.check('content-security-policy', 'a\nb')).toThrow();
  });
});
