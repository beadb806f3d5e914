import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { mergeAdapterHooks, onResponseWhereBodies } from './adapter-hooks';

describe('mergeAdapterHooks', () => {
  type OnRequest = (req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => void;

  async function serve(onRequest: OnRequest, cors = false) {
    const adapter = new FastifyAdapter();
    mergeAdapterHooks(adapter);
    adapter.setOnRequestHook(onRequest);
    if (cors) adapter.enableCors({ origin: 'https://elsewhere.example' });
    const fastify = adapter.getInstance();
    let handled = 0;
    fastify.get('/api/v1/thing', () => {
      handled += 1;
      return { ok: true };
    });
    await fastify.ready();
    const get = () =>
      fastify.inject({
        method: 'GET',
        url: '/api/v1/thing',
        headers: { origin: 'https://elsewhere.example' },
      });
    return { adapter, fastify, get, handled: () => handled };
  }

  it('runs the hook set on the adapter, then the route', async () => {
    const seen: string[] = [];
    const app = await serve((req, _reply, done) => {
      seen.push(req.url);
      done();
    });
    expect((await app.get()).json()).toEqual({ ok: true });
    expect(seen).toEqual(['/api/v1/thing']);
    expect(app.handled()).toBe(1);
    await app.fastify.close();
  });

  it("passes the hook's error, thrown or handed to done, to the error handler", async () => {
    for (const hook of [
      (_req, _reply, done) => done(new Error('refused')),
      () => {
        throw new Error('refused');
      },
    ] as OnRequest[]) {
      const app = await serve(hook);
      const res = await app.get();
      expect(res.statusCode).toBe(500);
      expect(app.handled()).toBe(0);
      await app.fastify.close();
    }
  });

  it('stops at a reply the hook sent', async () => {
    const app = await serve((_req, reply) => void reply.code(401).send({ no: true }));
    const res = await app.get();
    expect(res.statusCode).toBe(401);
    expect(app.handled()).toBe(0);
    await app.fastify.close();
  });

  it("keeps Nest's later hooks: CORS enabled afterwards still answers with its headers", async () => {
    const app = await serve((_req, _reply, done) => done(), true);
    const res = await app.get();
    expect(res.headers['access-control-allow-origin']).toBe('https://elsewhere.example');
    expect(app.handled()).toBe(1);
    await app.fastify.close();
  });

  it('leaves no onResponse hook, so setting one fails loudly instead of being ignored', async () => {
    const app = await serve((_req, _reply, done) => done());
    expect(() => app.adapter.setOnResponseHook(() => undefined)).toThrow(/onResponse/);
    await app.fastify.close();
  });

  it('keeps an onResponse hook that does work (one a later Nest might make), removing only the inert one', async () => {
    const adapter = new FastifyAdapter();
    const fastify = adapter.getInstance();
    const finished: number[] = [];
    fastify.addHook('onResponse', (_req, reply, done) => {
      finished.push(reply.statusCode);
      done();
    });
    mergeAdapterHooks(adapter);
    fastify.get('/api/v1/thing', () => ({ ok: true }));
    await fastify.ready();
    await fastify.inject({ method: 'GET', url: '/api/v1/thing' });
    expect(finished).toEqual([200]);
    expect(() => adapter.setOnResponseHook(() => undefined)).toThrow(/onResponse/);
    await fastify.close();
  });
});

describe('onResponseWhereBodies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kenal-where-bodies-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A plugin of the root instance (as fastify-plugin makes) whose onResponse hook counts. */
  function counting(seen: string[]) {
    const plugin = (instance: FastifyInstance, _opts: unknown, done: () => void) => {
      instance.addHook('onResponse', (req, _reply, next) => {
        seen.push(`plugin ${req.method}`);
        next();
      });
      done();
    };
    return Object.assign(plugin, { [Symbol.for('skip-override')]: true });
  }

  const upload = (url: string) => {
    const boundary = 'kenal-boundary';
    return {
      method: 'POST' as const,
      url,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: [
        `--${boundary}`,
        'Content-Disposition: form-data; name="file"; filename="a.txt"',
        'Content-Type: text/plain',
        '',
        'hello',
        `--${boundary}--`,
        '',
      ].join('\r\n'),
    };
  };

  it('runs the hooks on routes that can read a body, not on GET or HEAD ones, before their own', async () => {
    const app = fastify();
    const seen: string[] = [];
    await onResponseWhereBodies(app, () => app.register(counting(seen)));
    app.get('/thing', () => ({ ok: true }));
    app.post('/thing', { onResponse: (_req, _reply, next) => (seen.push('own'), next()) }, () => ({
      ok: true,
    }));
    app.route({ method: ['GET', 'DELETE'], url: '/either', handler: () => ({ ok: true }) });
    await app.ready();
    await app.inject({ method: 'GET', url: '/thing' });
    await app.inject({ method: 'HEAD', url: '/thing' });
    expect(seen).toEqual([]);
    await app.inject({ method: 'POST', url: '/thing', payload: {} });
    expect(seen).toEqual(['plugin POST', 'own']);
    await app.inject({ method: 'GET', url: '/either' });
    expect(seen).toEqual(['plugin POST', 'own', 'plugin GET']);
    await app.close();
  });

  it("still deletes @fastify/multipart's saved files once a request with a body is answered", async () => {
    const app = fastify();
    await onResponseWhereBodies(app, () => app.register(multipart));
    let saved = '';
    app.post('/upload', async (req) => {
      [{ filepath: saved }] = await req.saveRequestFiles({ tmpdir: dir });
      return { there: existsSync(saved) };
    });
    await app.ready();
    const res = await app.inject(upload('/upload'));
    expect(res.json()).toEqual({ there: true });
    for (let i = 0; existsSync(saved) && i < 100; i += 1)
      await new Promise((r) => setTimeout(r, 10));
    expect(existsSync(saved)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    await app.close();
  });
});
