/**
 * What the benchmarks that start Kenal itself share: a database of their own, free ports, the
 * production environment, child processes and what /proc says about them.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { more } from './summary';

export { argv, flag, option } from './cli';

/**
 * The checkout (where package.json is), whether a benchmark runs as TypeScript from bench/ or
 * compiled from dist-bench/bench/ as `npm run bench` runs them.
 */
export const repoRoot = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

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

/** Database `db` on the server of $BENCH_DATABASE_URL or $DATABASE_URL (default: local). */
export const dbUrl = (db: string) => {
  const url = new URL(
    process.env.BENCH_DATABASE_URL ??
      process.env.DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/postgres',
  );
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

/**
 * The migrated schema, made once per set of migrations and kept as `kenal_bench_tpl_<hash>` (the
 * hash covers every migration's source): each benchmark copies it (CREATE DATABASE … TEMPLATE)
 * instead of running the migrations again. An advisory lock keeps two runs from making it twice.
 */
async function migratedTemplate(admin: Client): Promise<string> {
  const hash = createHash('sha256');
  for (const m of MIGRATIONS) hash.update(m.toString());
  const name = `kenal_bench_tpl_${hash.digest('hex').slice(0, 12)}`;
  await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return name;
    // Made under another name and renamed when whole: a run that dies midway leaves no template.
    const building = `${name}_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE "${building}"`);
    const ds = await new DataSource(dataSourceOptions(dbUrl(building))).initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.destroy();
    await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    return name;
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
  }
}

export type BenchDatabase = Awaited<ReturnType<typeof benchDatabase>>;

/** A fresh migrated database named `kenal_bench_<kind>_<random>`; drop() removes it (unless `keep`). */
export async function benchDatabase(kind: string, keep = false) {
  const name = `kenal_bench_${kind}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: dbUrl('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${await migratedTemplate(admin)}"`);
  return {
    name,
    url: dbUrl(name),
    drop: async () => {
      if (keep) console.log(`kept database ${name}`);
      else await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
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

/** An API call's answer as it came: status, content type, the body as text and its size. */
export async function request(
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; type: string; text: string; bytes: number }> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const buf = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, type, text: buf.toString('utf8'), bytes: buf.length };
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
  const { status, text } = await request(base, method, path, token, body);
  if (status !== expect)
    throw new Error(`${method} ${path}: expected ${expect}, got ${status}: ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

/** The reference of the API benchmarks: a server as bare as Fastify gets. */
const BARE_FASTIFY = `
const app = require('fastify')();
app.get('/', async () => ({ hello: 'world' }));
app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
`;

/** How a process of the build starts: node flags before the script, the checkout, an IPC channel. */
export interface NodeStart {
  flags?: string[];
  /** The checkout whose dist/ runs (default: this one). */
  cwd?: string;
  /** For a preload that answers over IPC (bench/lib/probe.ts). */
  ipc?: boolean;
  /** Over the stack's environment. */
  env?: NodeJS.ProcessEnv;
}

/**
 * What every benchmark of the built API stands on: its own migrated database with a client on
 * it, a real SMTP server, an upload directory, the production environment with an admin account,
 * and the API, worker and bare Fastify processes it starts (their output into one log file, as
 * production writes its logs somewhere); close() stops and removes all of it.
 * Options: `smtp` (default smtpSink()), `env` over the production environment (NO_RATE_LIMITS, a
 * known JWT_SECRET), `keep` the database.
 */
export async function benchStack(
  kind: string,
  opts: { smtp?: SMTPServer; env?: NodeJS.ProcessEnv; keep?: boolean } = {},
) {
  const db = await benchDatabase(kind, opts.keep);
  const sql = new Client({ connectionString: db.url });
  const smtp = opts.smtp ?? smtpSink();
  let smtpListening = false;
  const uploads = await mkdtemp(join(tmpdir(), `kenal-bench-${kind}-`));
  const children: ChildProcess[] = [];
  const close = async () => {
    // PostgreSQL's share of the run for `npm run bench`'s table: the CPU of the backends still
    // open (the pools and this client keep theirs to the end; one closed earlier is missed).
    const backends = await sql
      .query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()')
      .catch(() => ({ rows: [] }));
    more({
      pgCpuS: Math.round(backends.rows.reduce((t, r) => t + cpuSeconds(r.pid), 0) * 10) / 10,
    });
    await stopAll(children);
    if (smtpListening) await new Promise((r) => smtp.close(() => r(undefined)));
    await sql.end().catch(() => undefined);
    await db.drop();
    await rm(uploads, { recursive: true, force: true });
  };
  try {
    await sql.connect();
    const smtpPort = await freePort();
    await new Promise<void>((ok) => smtp.listen(smtpPort, '127.0.0.1', ok));
    smtpListening = true;
    const admin = { email: 'admin@bench.test', password: randomBytes(12).toString('hex') };
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...productionEnv({
        port,
        databaseUrl: db.url,
        smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
        uploadDir: uploads,
        adminEmail: admin.email,
        adminPassword: admin.password,
      }),
      ...opts.env,
    };
    const log = openSync(join(uploads, 'kenal.log'), 'a');
    const node = (args: string[], how: NodeStart = {}) => {
      const child = spawn(process.execPath, [...(how.flags ?? []), ...args], {
        cwd: how.cwd ?? repoRoot,
        env: { ...env, ...how.env },
        stdio: ['ignore', log, 'inherit', ...(how.ipc ? (['ipc'] as const) : [])],
      });
      children.push(child);
      return child;
    };
    return {
      db,
      sql,
      uploads,
      admin,
      env,
      close,
      /** The API on the stack's port (or `port`), once it answers its health check. */
      api: async (how: NodeStart & { port?: number } = {}) => {
        const at = how.port ?? port;
        const base = `http://127.0.0.1:${at}`;
        const child = node(['dist/src/main.js'], {
          ...how,
          env: { ...how.env, PORT: String(at), PUBLIC_URL: base },
        });
        await waitFor('the API', async () => (await fetch(`${base}/api/v1/health`)).ok);
        return { child, base };
      },
      worker: (how: NodeStart = {}) => node(['dist/src/worker.js'], how),
      /** Bare Fastify answering { hello: 'world' }, in a process of its own like the API. */
      bare: async () => {
        const barePort = await freePort();
        const child = node(['-e', BARE_FASTIFY], { env: { PORT: String(barePort) } });
        const base = `http://127.0.0.1:${barePort}`;
        await waitFor('bare Fastify', async () => (await fetch(base)).ok);
        return { child, base };
      },
    };
  } catch (err) {
    await close();
    throw err;
  }
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
