/**
 * npm run bench:submissions — the upload path and the coordinator's list and export, measured
 * against the built API running as its own process (as in production), on real PostgreSQL:
 *   1. one 500 MB video streamed through POST /submissions/{id}/assets: throughput and the API
 *      process's peak RSS during the upload (must stay under 150 MB: nothing is buffered whole);
 *   2. 20,000 submissions: list pages and the full CSV export, time and peak RSS.
 * Options: --upload-mb N (500), --submissions N (20000), --no-build (reuse dist/),
 *          --api-node-options=... (flags for the API process).
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { waitFor } from './lib/stack';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const UPLOAD_MB = arg('upload-mb', 500);
const SUBMISSIONS = arg('submissions', 20000);
const MB = 1024 * 1024;
/** e.g. --api-node-options=--max-semi-space-size=4 to see how much of the peak is V8's young generation. */
const API_NODE_OPTIONS = process.argv
  .find((a) => a.startsWith('--api-node-options='))
  ?.split('=')
  .slice(1)
  .join('=');
const root = resolve(__dirname, '..');
const adminUrl = (db: string) => {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${db}`;
  return url.toString();
};

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });

/** Resident set of the API process now, and its high-water mark (reset with resetPeak). */
const memory = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(status.match(new RegExp(`${key}:\\s+(\\d+)`))?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
};
const resetPeak = (pid: number) => {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Older kernels cannot reset the mark; the sampled peak below still holds.
  }
};

/** Samples RSS every 20 ms while `work` runs; the larger of sampled and kernel peak wins. */
async function measured<T>(pid: number, work: () => Promise<T>) {
  resetPeak(pid);
  let sampled = memory(pid).rss;
  const timer = setInterval(() => (sampled = Math.max(sampled, memory(pid).rss)), 20);
  const started = process.hrtime.bigint();
  try {
    const result = await work();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return { result, ms, peakMb: Math.max(sampled, memory(pid).peak) };
  } finally {
    clearInterval(timer);
  }
}

async function call(
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: unknown; bytes: number }> {
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
  return {
    status: res.status,
    body: type.includes('json') ? JSON.parse(buf.toString('utf8')) : buf.toString('utf8'),
    bytes: buf.length,
  };
}

async function ok<T>(p: Promise<{ status: number; body: unknown }>, status: number): Promise<T> {
  const res = await p;
  if (res.status !== status)
    throw new Error(`Expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** Streams a multipart body of `size` bytes of MP4 from a generator: the client holds 1 MB at most. */
function upload(base: string, token: string, submissionId: string, size: number) {
  const boundary = `bench-${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="role"\r\n\r\nvideo\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="film.mp4"\r\n` +
      'Content-Type: video/mp4\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(MB, 7);
  const url = new URL(`${base}/api/v1/submissions/${submissionId}/assets`);
  return new Promise<{ status: number; body: string }>((ok, fail) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.length + size + tail.length),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', fail);
    req.write(head);
    let sent = 0;
    const first = Buffer.from(chunk);
    Buffer.from([0, 0, 0, 0x20]).copy(first, 0);
    Buffer.from('ftypisom').copy(first, 4);
    const pump = () => {
      while (sent < size) {
        const piece = (sent === 0 ? first : chunk).subarray(0, Math.min(MB, size - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end(tail);
    };
    pump();
  });
}

/** Seeded teams are named 'Team <n>'; the entrant's own team (named by the API) is left out. */
async function seed(db: Client, competitionId: string, n: number) {
  const names = [
    '김민지',
    'สมชาย ใจดี',
    'Nguyễn Văn An',
    'Siti Nurhaliza',
    '이서준',
    'Maria Santos',
  ];
  const countries = ['KR', 'TH', 'VN', 'MY', 'KR', 'PH'];
  await db.query(
    `INSERT INTO users (email, display_name, password_hash)
     SELECT 'bench-' || g || '@kenal.test', ($2::text[])[1 + g % 6] || ' ' || g, NULL
       FROM generate_series(1, $1) g`,
    [n * 2, names],
  );
  await db.query(
    `INSERT INTO profiles (user_id, country, date_of_birth)
     SELECT u.id, ($1::text[])[1 + (split_part(split_part(u.email, '-', 2), '@', 1)::int % 6)], '2002-02-02'
       FROM users u WHERE u.email LIKE 'bench-%'`,
    [countries],
  );
  await db.query(
    `INSERT INTO teams (competition_id, name, leader_id)
     SELECT $1, 'Team ' || g, (SELECT id FROM users WHERE email = 'bench-' || (2 * g - 1) || '@kenal.test')
       FROM generate_series(1, $2) g`,
    [competitionId, n],
  );
  await db.query(
    `INSERT INTO team_members (team_id, user_id, competition_id)
     SELECT t.id, u.id, $1 FROM teams t
       JOIN users u ON u.email IN ('bench-' || (2 * split_part(t.name, ' ', 2)::int - 1) || '@kenal.test',
                                   'bench-' || (2 * split_part(t.name, ' ', 2)::int) || '@kenal.test')
      WHERE t.competition_id = $1 AND t.name ~ '^Team [0-9]+$'`,
    [competitionId],
  );
  await db.query(
    `INSERT INTO submissions (competition_id, team_id, kind, title, status, fields, version, created_by_id, submitted_at)
     SELECT $1, t.id, 'short_movie', 'Film ' || t.name, CASE WHEN random() < 0.7 THEN 'submitted' ELSE 'draft' END,
            '{"logline": "A bench film"}', 2, t.leader_id, now()
       FROM teams t WHERE t.competition_id = $1 AND t.name ~ '^Team [0-9]+$'`,
    [competitionId],
  );
  await db.query('ANALYZE');
}

/** The flags `npm run start:prod` runs the API with (package.json): measure what production runs. */
const API_NODE_FLAGS = ['--max-semi-space-size=1'];

async function main() {
  if (!process.argv.includes('--no-build')) {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  }
  const dbName = `kenal_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const ds = await new DataSource(dataSourceOptions(adminUrl(dbName))).initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  const uploads = await mkdtemp(join(tmpdir(), 'kenal-bench-uploads-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let api: ChildProcess | undefined;
  const db = new Client({ connectionString: adminUrl(dbName) });
  try {
    // A semi-space size given in --api-node-options must win over start:prod's (the command
    // line's flag would, NODE_OPTIONS being read first).
    const flags = API_NODE_OPTIONS?.includes('--max-semi-space-size') ? [] : API_NODE_FLAGS;
    api = spawn(process.execPath, [...flags, 'dist/src/main.js'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        NODE_ENV: 'development',
        PORT: String(port),
        DATABASE_URL: adminUrl(dbName),
        QUEUE_PREFIX: `kenal-bench-${randomBytes(4).toString('hex')}`,
        UPLOAD_DIR: uploads,
        LOG_LEVEL: 'warn',
        AUTH_RATE_LIMIT: '0',
        ...(API_NODE_OPTIONS ? { NODE_OPTIONS: API_NODE_OPTIONS } : {}),
      },
    });
    const pid = api.pid as number;
    // As the other benchmarks wait (120 s): on a busy machine the API took more than 30 s to start.
    await waitFor('the API', async () => (await fetch(`${base}/api/v1/health`)).ok);
    await db.connect();
    // Entering a competition needs a confirmed email address: confirmed here as the link would.
    const register = async (email: string) => {
      const session = await ok<{ accessToken: string; user: { id: string } }>(
        call(base, 'POST', '/auth/register', undefined, {
          email,
          password: 'bench-password-1',
          displayName: 'Bench',
        }),
        201,
      );
      await db.query(`UPDATE users SET email_verified_at = now() WHERE id = $1`, [session.user.id]);
      return session;
    };
    const coord = await register('coordinator@bench.test');
    await db.query(`UPDATE users SET roles = '{coordinator}' WHERE id = $1`, [coord.user.id]);
    const programme = await ok<{ id: string }>(
      call(base, 'POST', '/programmes', coord.accessToken, {
        name: 'Bench',
        slug: 'bench',
        timezone: 'Asia/Seoul',
      }),
      201,
    );
    const competition = await ok<{ id: string }>(
      call(base, 'POST', `/programmes/${programme.id}/competitions`, coord.accessToken, {
        kind: 'short_movie',
        title: 'Bench Cup',
        slug: 'bench-cup',
        submissionOpensAt: new Date(Date.now() - 86400_000).toISOString(),
        submissionClosesAt: new Date(Date.now() + 86400_000).toISOString(),
        rubric: [{ key: 'story', label: 'Story', weight: 1, min: 0, max: 10 }],
        limits: { maxUploadBytes: (UPLOAD_MB + 10) * MB },
      }),
      201,
    );
    const entrant = await register('entrant@bench.test');
    const entry = await ok<{ id: string }>(
      call(base, 'POST', `/competitions/${competition.id}/submissions`, entrant.accessToken, {
        title: 'Big film',
      }),
      201,
    );

    const idle = memory(pid).rss;
    console.log(`API process (pid ${pid}) idle RSS after warm-up: ${idle.toFixed(0)} MB`);

    const up = await measured(pid, () =>
      upload(base, entrant.accessToken, entry.id, UPLOAD_MB * MB),
    );
    if (up.result.status !== 201)
      throw new Error(`Upload failed: ${up.result.status} ${up.result.body}`);
    const asset = JSON.parse(up.result.body) as { size: number; sha256: string };
    console.log(
      `upload ${UPLOAD_MB} MB: ${(up.ms / 1000).toFixed(2)} s, ${(UPLOAD_MB / (up.ms / 1000)).toFixed(0)} MB/s, ` +
        `peak RSS ${up.peakMb.toFixed(0)} MB (limit 150 MB: ${up.peakMb < 150 ? 'ok' : 'EXCEEDED'}), ` +
        `stored ${asset.size} bytes sha256 ${asset.sha256.slice(0, 12)}…`,
    );

    const seeded = await measured(pid, () => seed(db, competition.id, SUBMISSIONS));
    console.log(
      `seeded ${SUBMISSIONS} submissions (2 members each) in ${(seeded.ms / 1000).toFixed(1)} s`,
    );

    const list = `/competitions/${competition.id}/submissions`;
    const first = await measured(pid, () =>
      call(base, 'GET', `${list}?pageSize=100`, coord.accessToken),
    );
    const total = (first.result.body as { total: number }).total;
    const deep = await measured(pid, () =>
      call(
        base,
        'GET',
        `${list}?pageSize=100&page=${Math.floor(SUBMISSIONS / 100)}`,
        coord.accessToken,
      ),
    );
    const filtered = await measured(pid, () =>
      call(base, 'GET', `${list}?pageSize=100&status=submitted&country=TH`, coord.accessToken),
    );
    console.log(
      `list (total ${total}): first page of 100 ${first.ms.toFixed(0)} ms, page ${Math.floor(SUBMISSIONS / 100)} ` +
        `${deep.ms.toFixed(0)} ms, filtered (submitted, TH) ${filtered.ms.toFixed(0)} ms; ` +
        `peak RSS ${Math.max(first.peakMb, deep.peakMb, filtered.peakMb).toFixed(0)} MB`,
    );
    const csv = await measured(pid, () =>
      call(base, 'GET', `${list}?format=csv`, coord.accessToken),
    );
    const rows = (csv.result.body as string).trimEnd().split('\r\n').length - 1;
    console.log(
      `export CSV: ${rows} rows, ${(csv.result.bytes / MB).toFixed(1)} MB in ${(csv.ms / 1000).toFixed(2)} s, ` +
        `peak RSS ${csv.peakMb.toFixed(0)} MB`,
    );
    // The seeded entries plus the one the upload went to.
    if (rows !== SUBMISSIONS + 1)
      throw new Error(`CSV has ${rows} rows, expected ${SUBMISSIONS + 1}`);
  } finally {
    if (api && api.exitCode === null) {
      const exited = new Promise((r) => api!.once('exit', r));
      api.kill('SIGTERM');
      // A graceful stop that hangs must not hang the benchmark.
      const timer = setTimeout(() => api!.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await db.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
    await rm(uploads, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
