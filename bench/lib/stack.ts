/**
 * What the benchmarks that start Kenal itself share: a database of their own, free ports, the
 * production environment, child processes and what /proc says about them.
 */
import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';

/** The command line: `flag('no-build')`, `option('minutes')`. */
export const argv = process.argv.slice(2);
export const flag = (name: string) => argv.includes(`--${name}`);
export const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};

/** A real SMTP server that accepts every message; `onMessage` sees its first 4 kB. */
export function smtpSink(onMessage?: (head: string) => void): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, _session, callback) => {
      let head = '';
      stream.on('data', (c: Buffer) => {
        if (onMessage && head.length < 4096) head += c.toString('utf8');
      });
      stream.on('end', () => {
        onMessage?.(head);
        callback();
      });
    },
  });
}

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

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A fresh migrated database named `kenal_bench_<kind>_<random>`; drop() removes it. */
export async function benchDatabase(kind: string) {
  const name = `kenal_bench_${kind}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: dbUrl('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const ds = await new DataSource(dataSourceOptions(dbUrl(name))).initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  return {
    name,
    url: dbUrl(name),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** The environment production runs with (default log level, a long random JWT secret). */
export function productionEnv(opts: {
  port: number;
  databaseUrl: string;
  smtpUrl: string;
  uploadDir: string;
  adminEmail: string;
  adminPassword: string;
}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(opts.port),
    DATABASE_URL: opts.databaseUrl,
    QUEUE_PREFIX: `kenal-bench-${randomBytes(4).toString('hex')}`,
    SMTP_URL: opts.smtpUrl,
    JWT_SECRET: randomBytes(48).toString('base64url'),
    ADMIN_EMAIL: opts.adminEmail,
    ADMIN_PASSWORD: opts.adminPassword,
    PUBLIC_URL: `http://127.0.0.1:${opts.port}`,
    UPLOAD_DIR: opts.uploadDir,
  };
  delete env.LOG_LEVEL;
  return env;
}

/** Rate limits off: the routes, not the limiter, are measured. */
export const NO_RATE_LIMITS = {
  AUTH_RATE_LIMIT: '0',
  LOGIN_FAILURE_LIMIT: '0',
  PASSWORD_RESET_LIMIT: '0',
  VERIFY_EMAILS_PER_HOUR: '0',
  CONSENT_EMAILS_PER_DAY: '0',
  INVITATIONS_PER_SENDER_PER_DAY: '0',
  INVITATIONS_PER_RECIPIENT_PER_DAY: '0',
};

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

/** Resident memory now (VmRSS) and at its peak (VmHWM), in MB; 0 once the process is gone. */
export function memoryMb(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) =>
      Number(status.match(new RegExp(`^${key}:\\s+(\\d+)`, 'm'))?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

/** SIGTERM, then SIGKILL after 10 s: each child that is still running. */
export async function stopAll(children: ChildProcess[]) {
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** One API call; throws unless it answers `expect`. */
export async function call<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  expect: number,
  token?: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status !== expect)
    throw new Error(`${method} ${path}: expected ${expect}, got ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

/** People with profiles and a session each, and published pen-pal pairs among them. */
export async function seedPopulation(db: Client, n: number) {
  const names = [
    '김민지',
    'สมชาย ใจดี',
    'Nguyễn Văn An',
    'Siti Nurhaliza',
    '이서준',
    'Maria Santos',
  ];
  const countries = ['KR', 'TH', 'VN', 'ID', 'KR', 'PH'];
  await db.query(
    `INSERT INTO users (email, display_name, password_hash, email_verified_at)
     SELECT 'person-' || g || '@bench.test', ($2::text[])[1 + g % 6] || ' ' || g, NULL, now()
       FROM generate_series(1, $1) g`,
    [n, names],
  );
  await db.query(
    `INSERT INTO profiles (user_id, country, date_of_birth, languages, interests)
     SELECT u.id, ($1::text[])[1 + (split_part(split_part(u.email, '-', 2), '@', 1)::int % 6)],
            '2001-02-02', '[{"code":"en","level":"conversational"},{"code":"ko","level":"basic"}]',
            '{film,music,travel}'
       FROM users u WHERE u.email LIKE 'person-%'`,
    [countries],
  );
  await db.query(`INSERT INTO auth_sessions (user_id) SELECT id FROM users`);
}
