import { spawnSync } from 'node:child_process';
import fs, { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import { requestLineWriter } from './log-line';
import { RootLogger, requestLogging, rootLogger } from './logging';

describe('requestLogging', () => {
  let app: FastifyInstance;
  let lines: Record<string, unknown>[];
  let release: () => void;
  let base: string;

  beforeEach(async () => {
    lines = [];
    const root = new RootLogger(
      pino({}, { write: (line: string) => void lines.push(JSON.parse(line)) }),
    );
    app = fastify();
    app.addHook('onRequest', requestLogging(root));
    app.get('/api/v1/health', () => ({ ok: true }));
    app.get('/api/v1/broken', (_req, reply) => reply.code(503).send({ down: true }));
    app.get('/api/v1/slow', () => new Promise((ok) => (release = () => ok({ late: true }))));
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterEach(() => app.close());

  const until = async (test: () => boolean) => {
    while (!test()) await new Promise((r) => setTimeout(r, 10));
  };

  it('marks a 5xx answer as errored and logs no health check', async () => {
    await fetch(`${base}/api/v1/health`);
    await fetch(`${base}/api/v1/broken?token=abc`);
    await until(() => lines.length > 0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request errored',
      req: { method: 'GET', url: '/api/v1/broken?token=***' },
      res: { statusCode: 503 },
    });
  });

  it('logs a request the client gave up on before its answer as aborted', async () => {
    const req = request(`${base}/api/v1/slow`).on('error', () => undefined);
    req.end();
    await until(() => release !== undefined);
    req.destroy();
    await until(() => lines.length > 0);
    release();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'request aborted', req: { url: '/api/v1/slow' } });
  });
});

describe('rootLogger', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kenal-root-logger-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const logFile = (name: string) => join(dir, `${name}.log`);
  const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');

  it('holds lines back, writes them within 200 ms on a quiet server, and each at once from shutdown on', async () => {
    const file = logFile('quiet');
    const root = rootLogger({ LOG_FILE: file, LOG_LEVEL: 'info' });
    try {
      root.pino.info('first');
      expect(read(file)).toBe('');
      await new Promise((r) => setTimeout(r, 400));
      expect(read(file)).toContain('"msg":"first"');
      root.pino.info('second');
      expect(read(file)).not.toContain('"msg":"second"');
      root.onModuleDestroy();
      expect(read(file)).toContain('"msg":"second"');
      root.pino.info('after shutdown');
      expect(read(file)).toContain('"msg":"after shutdown"');
    } finally {
      root.onModuleDestroy();
    }
  });

  it("writes pino's lines and the request lines in the order logged, about one write(2) per 4 kB, the rest on pino's flush", async () => {
    const file = logFile('batched');
    const root = rootLogger({ LOG_FILE: file, LOG_LEVEL: 'info' });
    const writes = jest.spyOn(fs, 'writeSync');
    const fsyncs = jest.spyOn(fs, 'fsyncSync');
    try {
      const line = requestLineWriter(root.pino);
      for (let i = 0; i < 100; i += 1) {
        root.pino.info(`nest ${i}`);
        line(
          { id: `r${i}`, method: 'GET', url: '/api/v1/x', remoteAddress: '::1' },
          200,
          1,
          'request completed',
        );
      }
      const held = read(file).length;
      // No write waits on the disk: only exit and shutdown ask for fsync.
      expect(fsyncs).not.toHaveBeenCalled();
      // Pino's flush writes what is held.
      await new Promise<void>((ok, fail) => root.pino.flush((err) => (err ? fail(err) : ok())));
      expect(read(file).length).toBeGreaterThan(held);
      root.onModuleDestroy();
      const text = read(file);
      const order = text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { msg: string; req?: { id: string } })
        .map((l) => l.req?.id ?? l.msg);
      expect(order).toEqual(Array.from({ length: 100 }, (_, i) => [`nest ${i}`, `r${i}`]).flat());
      // Written 4 kB or more at a time while it ran; the rest at shutdown.
      expect(held).toBeGreaterThan(text.length - 4096);
      expect(writes.mock.calls.length).toBeGreaterThan(1);
      expect(writes.mock.calls.length).toBeLessThanOrEqual(Math.ceil(text.length / 4096) + 1);
    } finally {
      writes.mockRestore();
      fsyncs.mockRestore();
      root.onModuleDestroy();
    }
  });

  it('writes what it holds when the process ends on an uncaught error', () => {
    const file = logFile('fatal');
    const script = `
      const { rootLogger } = require(${JSON.stringify(join(__dirname, 'logging'))});
      rootLogger({ LOG_FILE: ${JSON.stringify(file)}, LOG_LEVEL: 'info' }).pino.info('last words');
      setImmediate(() => { throw new Error('fatal'); });`;
    const run = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'reflect-metadata', '-e', script],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('fatal');
    expect(read(file)).toContain('"msg":"last words"');
  });
});
