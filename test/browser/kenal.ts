import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import Redis from 'ioredis';
import { cloneTestDatabase, dropTestDatabase } from '../support/databases';
import { TestSmtp } from '../support/smtp';

export { expect };

/** One Playwright worker's Kenal: the built API and worker processes on a fresh database. */
export interface Kenal {
  url: string;
  smtp: TestSmtp;
  /** The link to this Kenal in the last email to `to` whose subject matches, as the email has it. */
  linkInEmail(to: string, subject: RegExp): Promise<string>;
}

const freePort = () =>
  new Promise<number>((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on('error', fail);
  });

async function waitForHealth(url: string, api: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    if (api.exitCode !== null) throw new Error(`the API exited with ${api.exitCode}`);
    const ok = await fetch(`${url}/api/v1/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the API did not become healthy within 60 s');
}

const stop = (child: ChildProcess) =>
  new Promise<void>((done) => {
    if (child.exitCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });

export const test = base.extend<object, { kenal: Kenal }>({
  kenal: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for
    async ({}, use, workerInfo) => {
      const smtp = await new TestSmtp().start();
      const db = await cloneTestDatabase();
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const queuePrefix = `kenal-browser-${randomBytes(4).toString('hex')}`;
      const uploads = mkdtempSync(resolve(tmpdir(), 'kenal-browser-uploads-'));
      const env = {
        ...process.env,
        NODE_ENV: 'test',
        PORT: String(port),
        DATABASE_URL: db.url,
        REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
        QUEUE_PREFIX: queuePrefix,
        SMTP_URL: smtp.url,
        PUBLIC_URL: url,
        JWT_SECRET: 'browser-test-secret-of-sufficient-length',
        ADMIN_EMAIL: 'admin@kenal.test',
        ADMIN_PASSWORD: 'admin-password-1',
        AUTH_RATE_LIMIT: '0',
        OUTBOX_POLL_MS: '50',
        LOG_LEVEL: 'warn',
        UPLOAD_DIR: uploads,
        WEB_DIST_DIR: resolve('web/dist'),
      };
      const logs = resolve('test-results/browser');
      mkdirSync(logs, { recursive: true });
      const start = (script: string, name: string) => {
        const child = spawn(process.execPath, ['--max-semi-space-size=1', script], { env });
        const log = createWriteStream(resolve(logs, `${name}-${workerInfo.workerIndex}.log`));
        child.stdout?.pipe(log);
        child.stderr?.pipe(log);
        return child;
      };
      const api = start('dist/src/main.js', 'api');
      const worker = start('dist/src/worker.js', 'worker');
      try {
        await waitForHealth(url, api);
        await use({
          url,
          smtp,
          async linkInEmail(to, subject) {
            const mail = await smtp.waitForSubject(to, subject, 30_000);
            const link = mail.text.match(new RegExp(`${url.replace(/[.]/g, '\\.')}/[^\\s)>\\]]+`));
            if (!link) throw new Error(`no link to ${url} in: ${mail.text}`);
            return link[0];
          },
        });
      } finally {
        await Promise.all([stop(api), stop(worker)]);
        await smtp.stop();
        await dropTestDatabase(db.name);
        rmSync(uploads, { recursive: true, force: true });
        // Delayed jobs would outlive the run in the shared Redis: remove this run's keys only.
        const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1 });
        try {
          let cursor = '0';
          do {
            const [next, keys] = await redis.scan(
              cursor,
              'MATCH',
              `${queuePrefix}:*`,
              'COUNT',
              500,
            );
            cursor = next;
            if (keys.length) await redis.del(...keys);
          } while (cursor !== '0');
        } finally {
          redis.disconnect();
        }
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ kenal }, use) => use(kenal.url),
});

/** A new person's details, unique per call. */
export const person = (name = 'Dara') => ({
  name,
  email: `${name.toLowerCase()}-${randomBytes(4).toString('hex')}@kenal.test`,
  password: 'a long enough password',
});
