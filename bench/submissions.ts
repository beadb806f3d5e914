/**
 * npm run bench:submissions — the upload path and the coordinator's list and export, measured
 * against the built API running as its own process (as in production), on real PostgreSQL:
 *   1. one 500 MB video streamed through POST /submissions/{id}/assets: throughput and the API
 *      process's peak RSS during the upload (must stay under 150 MB: nothing is buffered whole);
 *   2. 20,000 submissions: list pages and the full CSV export, time and peak RSS.
 * Options: --upload-mb N (500), --submissions N (20000), --no-build (reuse dist/),
 *          --api-node-options=... (flags for the API process).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { Client } from 'pg';
import { benchStack, memoryMb, NO_RATE_LIMITS, repoRoot as root, request } from './lib/stack';
import { numberArg as arg } from './lib/cli';
import { measuring, summarise } from './lib/summary';
import { startProd } from './lib/start-prod';

const UPLOAD_MB = arg('upload-mb', 500);
const SUBMISSIONS = arg('submissions', 20000);
const MB = 1024 * 1024;
/** e.g. --api-node-options=--max-semi-space-size=4 to see how much of the peak is V8's young generation. */
const API_NODE_OPTIONS = process.argv
  .find((a) => a.startsWith('--api-node-options='))
  ?.split('=')
  .slice(1)
  .join('=');
const memory = memoryMb;
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

/** An API call's status and body (parsed when JSON) and its size. */
async function call(base: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await request(base, method, path, token, body);
  return {
    status: res.status,
    body: res.type.includes('json') ? (JSON.parse(res.text) as unknown) : res.text,
    bytes: res.bytes,
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
    const req = httpRequest(
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

/**
 * Seeded teams are named 'Team <n>' and led by a seeded person: the entrant's own team is left out
 * by its leader too, not by its name alone (the API names it `Team <6 hex>`, all digits about one
 * time in sixteen, which gave it a second entry and the CSV a row too many).
 */
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
      WHERE t.competition_id = $1 AND t.name ~ '^Team [0-9]+$'
        AND t.leader_id IN (SELECT id FROM users WHERE email LIKE 'bench-%')`,
    [competitionId],
  );
  await db.query(
    `INSERT INTO submissions (competition_id, team_id, kind, title, status, fields, version, created_by_id, submitted_at)
     SELECT $1, t.id, 'short_movie', 'Film ' || t.name, CASE WHEN random() < 0.7 THEN 'submitted' ELSE 'draft' END,
            '{"logline": "A bench film"}', 2, t.leader_id, now()
       FROM teams t
      WHERE t.competition_id = $1 AND t.name ~ '^Team [0-9]+$'
        AND t.leader_id IN (SELECT id FROM users WHERE email LIKE 'bench-%')`,
    [competitionId],
  );
  await db.query('ANALYZE');
}

/** The flags and environment `npm run start:prod` runs the API with: measure what production runs. */
const PROD = startProd(root);

async function main() {
  if (!process.argv.includes('--no-build')) {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  }
  // Development mode with warnings only, as this benchmark has always measured.
  const stack = await benchStack('submissions', {
    env: { ...NO_RATE_LIMITS, NODE_ENV: 'development', LOG_LEVEL: 'warn' },
  });
  const db = stack.sql;
  try {
    // A semi-space size given in --api-node-options must win over start:prod's (the command
    // line's flag would, NODE_OPTIONS being read first).
    const flags = API_NODE_OPTIONS?.includes('--max-semi-space-size')
      ? PROD.flags.filter((f) => !f.startsWith('--max-semi-space-size'))
      : PROD.flags;
    const { child: api, base } = await stack.api({
      flags,
      env: { ...PROD.env, ...(API_NODE_OPTIONS ? { NODE_OPTIONS: API_NODE_OPTIONS } : {}) },
    });
    const pid = api.pid as number;
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

    measuring();
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
    summarise(
      'submissions',
      `upload ${UPLOAD_MB} MB at ${(UPLOAD_MB / (up.ms / 1000)).toFixed(0)} MB/s, peak RSS ${up.peakMb.toFixed(0)} MB; ` +
        `CSV of ${rows} rows in ${(csv.ms / 1000).toFixed(2)} s, peak RSS ${csv.peakMb.toFixed(0)} MB; ` +
        `seeding ${(seeded.ms / 1000).toFixed(1)} s`,
    );
  } finally {
    await stack.close();
  }
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
