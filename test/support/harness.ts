import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TableChanges } from '../../src/database/table-changes';
import { createApi, createWorker } from '../../src/bootstrap';
import { QUEUES } from '../../src/jobs/job-registry';
import { QueueService } from '../../src/jobs/queue.service';
import { hashPassword } from '../../src/identity/passwords';
import { cloneTestDatabase, dropTestDatabase } from './databases';
import { PrismProxy } from './prism';
import { TestSmtp } from './smtp';

// Prism starts beside each suite's API (PRISM=1) and every request takes one more hop.
if (PrismProxy.enabled()) jest.setTimeout(120_000);

export const ADMIN = { email: 'admin@kenal.test', password: 'admin-password-1' };

/**
 * The environment a test file's API or service world starts with: its own database, its own queue
 * prefix (on the shared Redis), its SMTP server, and limits off.
 */
export function useTestEnv(
  databaseUrl: string,
  smtpUrl: string,
  extra: Record<string, string> = {},
): void {
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `kenal-test-${randomBytes(4).toString('hex')}`,
    SMTP_URL: smtpUrl,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    PUBLIC_URL: 'http://kenal.test',
    LOG_LEVEL: 'silent',
    AUTH_RATE_LIMIT: '0',
    LOGIN_FAILURE_LIMIT: '0',
    PASSWORD_RESET_LIMIT: '0',
    TRUST_PROXY: '',
    OUTBOX_POLL_MS: '50',
    JWT_SECRET: 'test-secret-of-sufficient-length',
    ...extra,
  });
}

/** argon2 hashes by password, computed once per test file (most people share one password). */
const hashes = new Map<string, Promise<string>>();
const passwordHash = (password: string): Promise<string> => {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
};

/**
 * The API's DataSource, whose query() and transaction() return only once the API's caches heard
 * what they committed, as the API's own writing requests do (TableChanges.fence in bootstrap.ts):
 * a test's write is then seen by its next request, however soon. A test that wants to show a
 * change reaching the caches from elsewhere writes through a connection of its own.
 */
function fenced(db: DataSource, changes: TableChanges): DataSource {
  const after =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await run(...args);
      await changes.fence();
      return result;
    };
  const query = after(db.query.bind(db));
  const transaction = after(db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>);
  return new Proxy(db, {
    get(target, key) {
      if (key === 'query') return query;
      if (key === 'transaction') return transaction;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

/**
 * One test file's world: its own database, its own queue prefix, a real SMTP server, the API
 * listening on a free port and (when asked) a worker process-equivalent in the same Node process.
 */
export class Harness {
  smtp: TestSmtp;
  api: NestFastifyApplication;
  worker?: INestApplicationContext;
  db: DataSource;
  private dbName: string;
  baseUrl: string;
  /** With PRISM=1: Prism in proxy mode, between http() and the API (see ./prism.ts). */
  prism?: PrismProxy;

  static async start(
    opts: { worker?: boolean; env?: Record<string, string> } = {},
  ): Promise<Harness> {
    const h = new Harness();
    h.smtp = await new TestSmtp().start();
    const { name, url } = await cloneTestDatabase();
    h.dbName = name;
    useTestEnv(url, h.smtp.url, opts.env);
    await h.startApi();
    if (opts.worker) await h.startWorker();
    return h;
  }

  private async startApi(): Promise<void> {
    this.api = await createApi();
    await this.api.listen({ port: 0, host: '127.0.0.1' });
    this.baseUrl = await this.api.getUrl();
    this.db = fenced(this.api.get(DataSource), this.api.get(TableChanges));
    if (PrismProxy.enabled()) {
      await this.prism?.stop(expect.getState().testPath ?? 'suite');
      const document = await request(this.baseUrl).get('/api/docs-json').expect(200);
      this.prism = await PrismProxy.start(this.baseUrl, document.body);
    }
  }

  /** Stops the API and starts it again on the same database (start-up work runs again). */
  async restartApi(env: Record<string, string> = {}): Promise<void> {
    await this.api.close();
    Object.assign(process.env, env);
    await this.startApi();
  }

  async startWorker(): Promise<INestApplicationContext> {
    this.worker = await createWorker();
    await this.worker.init();
    return this.worker;
  }

  async stopWorker(): Promise<void> {
    await this.worker?.close();
    this.worker = undefined;
  }

  http(): ReturnType<typeof request> {
    const prism = this.prism;
    const agent = request(prism?.url ?? this.baseUrl);
    if (!prism) return agent;
    const api = this.baseUrl;
    // Every request through Prism: its verdict on the response is recorded as the response arrives.
    return new Proxy(agent, {
      get(target, method, receiver) {
        const value = Reflect.get(target, method, receiver) as unknown;
        if (typeof method !== 'string' || typeof value !== 'function') return value;
        return (path: string, ...rest: unknown[]) => {
          const test = (value as (...a: unknown[]) => request.Test).call(target, path, ...rest);
          test.on('response', (res: request.Response) => prism.record(method, path, res));
          return prism.bypassWhereUnfaithful(method, path, test, api);
        };
      },
    });
  }

  async stop(): Promise<void> {
    try {
      await this.stopAll();
    } finally {
      await this.prism?.stop(expect.getState().testPath ?? 'suite');
    }
  }

  private async stopAll(): Promise<void> {
    await this.stopWorker();
    // Delayed jobs (letters travelling) and job schedulers would otherwise outlive the test in Redis.
    const queues = this.api?.get(QueueService);
    if (queues) {
      await Promise.all(
        Object.values(QUEUES).map((q) => queues.queue(q).obliterate({ force: true })),
      );
    }
    await this.api?.close();
    await this.smtp?.stop();
    if (this.dbName) await dropTestDatabase(this.dbName);
  }

  // ---- people -------------------------------------------------------------------------------

  /**
   * A signed-in applicant whose email address is verified, unless `verified: false`: then the
   * account comes from POST /auth/register, unverified, and its verification email goes out. A
   * verified one is written to the database as sign-up would have left it after its owner opened
   * the link, then signed in through the API: no verification email joins the messages a test
   * counts, whether a worker runs or not.
   */
  async register(
    overrides: Partial<{
      email: string;
      password: string;
      displayName: string;
      locale: string;
      verified: boolean;
    }> = {},
  ) {
    const { verified = true, ...fields } = overrides;
    const body = {
      email: `user-${randomBytes(5).toString('hex')}@kenal.test`,
      password: 'correct-horse-battery',
      displayName: 'Test Person',
      ...fields,
    };
    if (!verified) {
      const res = await this.http().post('/api/v1/auth/register').send(body).expect(201);
      return {
        ...body,
        id: res.body.user.id as string,
        token: res.body.accessToken as string,
        refreshToken: res.body.refreshToken as string,
      };
    }
    const hash = await passwordHash(body.password);
    await this.db.query(
      `INSERT INTO users (email, display_name, password_hash, roles, locale, email_verified_at)
       VALUES ($1, $2, $3, '{applicant}', $4, now())`,
      [body.email.toLowerCase(), body.displayName, hash, body.locale ?? 'en'],
    );
    const res = await this.http()
      .post('/api/v1/auth/login')
      .send({ email: body.email, password: body.password })
      .expect(200);
    return {
      ...body,
      id: res.body.user.id as string,
      token: res.body.accessToken as string,
      refreshToken: res.body.refreshToken as string,
    };
  }

  /**
   * Resolves once the API heard every commit made so far: after a writing request, the API serves
   * no kept answer until then (TableChanges.fence), so a test that shows an answer kept waits here.
   */
  settled(): Promise<void> {
    return this.api.get(TableChanges).fence();
  }

  async login(email: string, password: string): Promise<string> {
    const res = await this.http().post('/api/v1/auth/login').send({ email, password }).expect(200);
    return res.body.accessToken as string;
  }

  adminToken(): Promise<string> {
    return this.login(ADMIN.email, ADMIN.password);
  }

  /** A user with the given roles, created straight in the database (roles are what the test is about). */
  async userWithRoles(roles: string[]) {
    const user = await this.register();
    await this.db.query('UPDATE users SET roles = $1 WHERE id = $2', [roles, user.id]);
    return user;
  }

  /**
   * The caller's in-app notifications once at least `min` are there. The worker commits the inbox
   * entry just after the SMTP server accepts the email, so a test that saw the email waits here.
   */
  async inbox(
    token: string,
    min = 1,
    timeoutMs = 45000,
  ): Promise<{ id: string; type: string; readAt: string | null }[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await this.http()
        .get('/api/v1/me/notifications?pageSize=100')
        .set(auth(token))
        .expect(200);
      if (res.body.items.length >= min || Date.now() > deadline) return res.body.items;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async count(table: string): Promise<number> {
    const rows: { n: number }[] = await this.db.query(`SELECT count(*)::int AS n FROM ${table}`);
    return rows[0].n;
  }
}

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
