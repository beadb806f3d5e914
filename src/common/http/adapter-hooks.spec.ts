import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mergeAdapterHooks } from './adapter-hooks';

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
