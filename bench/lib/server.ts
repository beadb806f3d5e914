/**
 * What the API benchmarks share: the database URL, free ports, waiting, CPU time from /proc, and
 * the production build started as production runs it (NODE_ENV=production, a long random
 * JWT_SECRET, a non-default admin password, `npm run start:prod`'s node flags), with its worker.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export const dbUrl = (db: string) => {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${db}`;
  return url.toString();
};

export const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor(what: string, check: () => Promise<boolean>, seconds = 120) {
  for (let i = 0; i < seconds * 10; i += 1) {
    if (await check().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`${what} did not happen within ${seconds} s`);
}

/** CPU seconds (user + system) a process has used so far; 0 once it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return 0;
  }
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * The production environment for a benchmark's API and worker: its own database, queue prefix
 * and SMTP server; rate limits off (AUTH_RATE_LIMIT=0 and friends) so that the routes, not the
 * limiter, are measured; the default log level.
 */
export function productionEnv(opts: {
  apiPort: number;
  dbName: string;
  smtpPort: number;
  uploads: string;
  adminEmail: string;
  adminPassword: string;
  jwtSecret?: string;
  prefix: string;
}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(opts.apiPort),
    DATABASE_URL: dbUrl(opts.dbName),
    QUEUE_PREFIX: `${opts.prefix}-${randomBytes(4).toString('hex')}`,
    SMTP_URL: `smtp://127.0.0.1:${opts.smtpPort}`,
    JWT_SECRET: opts.jwtSecret ?? randomBytes(48).toString('base64url'),
    ADMIN_EMAIL: opts.adminEmail,
    ADMIN_PASSWORD: opts.adminPassword,
    PUBLIC_URL: `http://127.0.0.1:${opts.apiPort}`,
    UPLOAD_DIR: opts.uploads,
    AUTH_RATE_LIMIT: '0',
    LOGIN_FAILURE_LIMIT: '0',
    PASSWORD_RESET_LIMIT: '0',
    VERIFY_EMAILS_PER_HOUR: '0',
    CONSENT_EMAILS_PER_DAY: '0',
    INVITATIONS_PER_SENDER_PER_DAY: '0',
    INVITATIONS_PER_RECIPIENT_PER_DAY: '0',
  };
  delete env.LOG_LEVEL;
  return env;
}

/** Stops the processes a benchmark started: SIGTERM, then SIGKILL after 10 s. */
export async function stopAll(children: ChildProcess[]) {
  for (const child of children) {
    if (child.exitCode !== null) continue;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** Starts a node script of the build in `cwd` with `env`, its output into `log`. */
export const startNode = (cwd: string, env: NodeJS.ProcessEnv, log: number, args: string[]) =>
  spawn(process.execPath, args, { cwd, env, stdio: ['ignore', log, 'inherit'] });
