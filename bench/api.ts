/**
 * npm run bench:api — API throughput against a bare Fastify server in the same run.
 *
 * The production build runs as production runs it (NODE_ENV=production, a long random JWT_SECRET,
 * a non-default ADMIN_PASSWORD, the default log level, `npm run start:prod`'s node flags) with its
 * worker, on its own database seeded with realistic data: --users N (100,000) people with profiles
 * and a session each, 50,000 published pen-pal matches, a programme, a competition with 50
 * submitted entries, five judges with 20 assignments each in an open round. A bare Fastify
 * server answering {hello:'world'} runs in its own process. Both are warmed for 2 s; then each
 * route is driven by autocannon (50 connections, --duration s, default 10) and req/s, p50, p99 and
 * the ratio to bare Fastify (the mean of a run before and after the routes) are printed. The score
 * PUT is driven at a steady --score-rate (200) req/s instead, and judged by its p99.
 * Rate limits are off (AUTH_RATE_LIMIT=0 and friends): the routes, not the limiter, are measured.
 * Requests carry `accept-encoding: br, gzip` as browsers send it.
 * Also printed: CPU microseconds per request of the API process and of its PostgreSQL backends
 * (from /proc), which stay readable when other work shares the machine.
 * Options: --api-root DIR (measure the build in DIR/dist instead, e.g. an older commit's),
 *          --no-build, --duration S, --users N, --only a,b (route keys), --cpu-prof (writes the
 * API's CPU profile to bench-profiles/), --keep (leave the database for EXPLAIN).
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import {
  cpuSeconds,
  dbUrl,
  fmt,
  freePort,
  productionEnv,
  startNode,
  stopAll,
  waitFor,
} from './lib/server';

// autocannon ships no types; the part used here is small.
interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  '2xx': number;
  throughput: { average: number };
}
interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}
type Cannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  method?: string;
  body?: string;
  overallRate?: number;
  requests?: CannonRequest[];
}) => Promise<CannonResult>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Cannon;

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const DURATION = Number(option('duration') ?? 10);
const USERS = Number(option('users') ?? 100_000);
const SCORE_RATE = Number(option('score-rate') ?? 200);
const ONLY = option('only')?.split(',');
const CONNECTIONS = 50;
const WARM_SECONDS = 2;
const ENTRIES = 50;
const JUDGES = 5;
const root = resolve(__dirname, '..');
/** Where the built API to measure lives (a checkout with dist/): another commit's build, to compare. */
const apiRoot = resolve(option('api-root') ?? root);
const BROWSER = { 'accept-encoding': 'br, gzip' };

async function call<T = Record<string, unknown>>(
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
async function seedPopulation(db: Client, n: number) {
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

async function seedPenpals(
  db: Client,
  programmeId: string,
  adminId: string,
  meId: string,
): Promise<void> {
  const [round] = (
    await db.query(
      `INSERT INTO penpal_rounds (programme_id, name, enrolment_opens_at, enrolment_closes_at)
       VALUES ($1, 'Spring pen pals', now() - interval '30 days', now() - interval '10 days') RETURNING id`,
      [programmeId],
    )
  ).rows;
  const [run] = (
    await db.query(
      `INSERT INTO matching_runs (round_id, status, progress, seed, created_by, started_at, finished_at, published_at)
       VALUES ($1, 'succeeded', 1, 'bench', $2, now(), now(), now()) RETURNING id`,
      [round.id, adminId],
    )
  ).rows;
  // Pairs (2k-1, 2k) among the seeded people, and three pen pals for the measured person.
  await db.query(
    `INSERT INTO penpal_matches (run_id, round_id, user_a, country_a, user_b, country_b, score, reasons, status)
     SELECT $1, $2, a.user_id, a.country, b.user_id, b.country, 70, '{"Both like film"}', 'published'
       FROM users ua JOIN profiles a ON a.user_id = ua.id
       JOIN users ub ON ub.email = 'person-' || (split_part(split_part(ua.email, '-', 2), '@', 1)::int + 1) || '@bench.test'
       JOIN profiles b ON b.user_id = ub.id
      WHERE ua.email LIKE 'person-%' AND split_part(split_part(ua.email, '-', 2), '@', 1)::int % 2 = 1`,
    [run.id, round.id],
  );
  await db.query(
    `INSERT INTO penpal_matches (run_id, round_id, user_a, country_a, user_b, country_b, score, reasons, status)
     SELECT $1, $2, $3, 'TH', p.user_id, p.country, 80, '{"Both like film","Practise Korean"}', 'published'
       FROM profiles p JOIN users u ON u.id = p.user_id
      WHERE u.email IN ('person-10@bench.test', 'person-11@bench.test', 'person-12@bench.test')`,
    [run.id, round.id, meId],
  );
}

/** 50 teams of two seeded people, each with a submitted entry; the measured person joins team 1. */
async function seedEntries(db: Client, competitionId: string, meId: string) {
  await db.query(
    `INSERT INTO teams (competition_id, name, leader_id)
     SELECT $1, 'Team ' || g, (SELECT id FROM users WHERE email = 'person-' || (2 * g - 1) || '@bench.test')
       FROM generate_series(1, $2) g`,
    [competitionId, ENTRIES],
  );
  await db.query(
    `INSERT INTO team_members (team_id, user_id, competition_id)
     SELECT t.id, u.id, $1 FROM teams t
       JOIN users u ON u.email IN ('person-' || (2 * split_part(t.name, ' ', 2)::int - 1) || '@bench.test',
                                   'person-' || (2 * split_part(t.name, ' ', 2)::int) || '@bench.test')
      WHERE t.competition_id = $1`,
    [competitionId],
  );
  await db.query(
    `INSERT INTO team_members (team_id, user_id, competition_id)
     SELECT id, $2, $1 FROM teams WHERE competition_id = $1 AND name = 'Team 1'`,
    [competitionId, meId],
  );
  await db.query(
    `INSERT INTO submissions (competition_id, team_id, kind, title, status, fields, version, created_by_id, submitted_at)
     SELECT $1, t.id, 'short_movie', 'Film of ' || t.name, 'submitted',
            '{"logline": "Two friends film the river that joins their towns", "synopsis": "A short documentary.", "runtimeMinutes": 9, "credits": "Everyone"}',
            2, t.leader_id, now()
       FROM teams t WHERE t.competition_id = $1`,
    [competitionId],
  );
  const rows = await db.query(
    `SELECT s.id FROM submissions s JOIN teams t ON t.id = s.team_id WHERE t.name = 'Team 1' AND t.competition_id = $1`,
    [competitionId],
  );
  return rows.rows[0].id as string;
}

/** A server as bare as Fastify gets, in its own process like the API. */
const BARE = `
const app = require('fastify')();
app.get('/', async () => ({ hello: 'world' }));
app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
`;

interface Route {
  key: string;
  label: string;
  path: string;
  token?: string;
  /** Ratio target to bare Fastify (req/s), or undefined for the rate-driven PUT. */
  target?: number;
  requests?: CannonRequest[];
  rate?: number;
}

async function drive(base: string, route: Route, duration: number) {
  return autocannon({
    url: base,
    connections: CONNECTIONS,
    duration,
    ...(route.requests
      ? { requests: route.requests }
      : {
          requests: [
            {
              method: 'GET',
              path: route.path,
              headers: {
                ...BROWSER,
                ...(route.token ? { authorization: `Bearer ${route.token}` } : {}),
              },
            },
          ],
        }),
    ...(route.rate ? { overallRate: route.rate } : {}),
  });
}

/**
 * CPU the API and its database backends spend per request: unlike req/s, this hardly moves when
 * other work shares the machine, so it shows what a lever saves even on a busy box.
 */
async function withCpu(
  db: Client,
  dbName: string,
  apiPid: number,
  work: () => Promise<CannonResult>,
): Promise<{ r: CannonResult; apiUs: number; pgUs: number }> {
  const backends = async () =>
    (
      await db.query(
        'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [dbName],
      )
    ).rows.map((row: { pid: number }) => row.pid);
  const before = new Map<number, number>();
  for (const pid of await backends()) before.set(pid, cpuSeconds(pid));
  const api0 = cpuSeconds(apiPid);
  const r = await work();
  const api = cpuSeconds(apiPid) - api0;
  let pg = 0;
  for (const pid of new Set([...before.keys(), ...(await backends())]))
    pg += Math.max(0, cpuSeconds(pid) - (before.get(pid) ?? 0)); // a backend gone meanwhile reads 0
  const n = Math.max(1, r.requests.total);
  return { r, apiUs: (api * 1e6) / n, pgUs: (pg * 1e6) / n };
}

async function main() {
  if (!flag('no-build')) {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  }
  const dbName = `kenal_bench_api_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: dbUrl('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const children: ChildProcess[] = [];
  const uploads = await mkdtemp(join(tmpdir(), 'kenal-bench-api-'));
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, _s, cb) => {
      stream.on('data', () => undefined);
      stream.on('end', () => cb());
    },
  });
  const db = new Client({ connectionString: dbUrl(dbName) });
  try {
    const ds = await new DataSource(dataSourceOptions(dbUrl(dbName))).initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.destroy();
    await db.connect();
    let t = Date.now();
    await seedPopulation(db, USERS);
    console.log(
      `seeded ${fmt(USERS)} people with profiles and sessions in ${fmt((Date.now() - t) / 1000, 1)} s`,
    );

    const smtpPort = await freePort();
    await new Promise<void>((ok) => smtp.listen(smtpPort, '127.0.0.1', ok));
    const [apiPort, barePort] = [await freePort(), await freePort()];
    const adminEmail = 'admin@bench.test';
    const adminPassword = randomBytes(12).toString('hex');
    const env = productionEnv({
      apiPort,
      dbName,
      smtpPort,
      uploads,
      adminEmail,
      adminPassword,
      prefix: 'kenal-bench-api',
    });
    // Production writes its JSON logs somewhere: a file here, so that they cost what they cost.
    const logFile = join(uploads, 'api.log');
    const log = openSync(logFile, 'a');
    const profileDir = join(root, 'bench-profiles');
    if (flag('cpu-prof')) mkdirSync(profileDir, { recursive: true });
    const apiFlags = [
      '--max-semi-space-size=1', // as `npm run start:prod`
      ...(flag('cpu-prof') ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    ];
    const api = startNode(apiRoot, env, log, [...apiFlags, 'dist/src/main.js']);
    children.push(api);
    const worker = startNode(apiRoot, env, log, ['dist/src/worker.js']);
    children.push(worker);
    const bare = spawn(process.execPath, ['-e', BARE], {
      cwd: root,
      env: { ...process.env, PORT: String(barePort) },
      stdio: 'inherit',
    });
    children.push(bare);
    const base = `http://127.0.0.1:${apiPort}`;
    const bareBase = `http://127.0.0.1:${barePort}`;
    await waitFor('the API', async () => (await fetch(`${base}/api/v1/health`)).ok);
    await waitFor('bare Fastify', async () => (await fetch(bareBase)).ok);

    // --- the world, through the API where a person would go through it ---------------------
    t = Date.now();
    const adm = await call<{ accessToken: string; user: { id: string } }>(
      base,
      'POST',
      '/auth/login',
      200,
      undefined,
      { email: adminEmail, password: adminPassword },
    );
    const register = async (email: string, displayName: string) =>
      call<{ accessToken: string; user: { id: string } }>(
        base,
        'POST',
        '/auth/register',
        201,
        undefined,
        { email, password: 'bench-password-1', displayName },
      );
    const profile = (token: string, country: string) =>
      call(base, 'PUT', '/me/profile', 200, token, {
        country,
        dateOfBirth: '2000-04-04',
        languages: [
          { code: 'th', level: 'fluent' },
          { code: 'en', level: 'conversational' },
          { code: 'ko', level: 'basic' },
        ],
        interests: ['film', 'music'],
      });
    const me = await register('me@bench.test', 'Siriporn Bench');
    await profile(me.accessToken, 'TH');
    const programme = await call<{ id: string }>(
      base,
      'POST',
      '/programmes',
      201,
      adm.accessToken,
      {
        name: 'ASEAN–Korea Youth Exchange',
        slug: 'exchange',
        timezone: 'Asia/Seoul',
      },
    );
    const competition = await call<{ id: string }>(
      base,
      'POST',
      `/programmes/${programme.id}/competitions`,
      201,
      adm.accessToken,
      {
        kind: 'short_movie',
        title: 'Short Movies 2027',
        slug: 'short-movies-2027',
        submissionOpensAt: new Date(Date.now() - 20 * 86400_000).toISOString(),
        submissionClosesAt: new Date(Date.now() - 86400_000).toISOString(),
        rubric: [
          { key: 'story', label: 'Story', weight: 2, min: 0, max: 10 },
          { key: 'craft', label: 'Craft', weight: 1, min: 0, max: 10 },
        ],
      },
    );
    const submissionId = await seedEntries(db, competition.id, me.user.id);
    await seedPenpals(db, programme.id, adm.user.id, me.user.id);
    const judges = [];
    for (let j = 0; j < JUDGES; j += 1) {
      const judge = await register(`judge-${j}@bench.test`, `Judge ${j}`);
      await db.query(`UPDATE users SET roles = '{judge}' WHERE id = $1`, [judge.user.id]);
      await profile(judge.accessToken, 'SG');
      await call(base, 'POST', `/competitions/${competition.id}/judges`, 201, adm.accessToken, {
        userId: judge.user.id,
      });
      judges.push(judge);
    }
    await db.query(`UPDATE users SET email_verified_at = now() WHERE email_verified_at IS NULL`);
    const round = await call<{ id: string }>(
      base,
      'POST',
      `/competitions/${competition.id}/judging-rounds`,
      201,
      adm.accessToken,
      {
        name: 'First round',
        judgesPerEntry: 2,
        blind: true,
        closesAt: new Date(Date.now() + 10 * 86400_000).toISOString(),
        source: { type: 'all_submitted' },
      },
    );
    const started = await call<{ jobId: string }>(
      base,
      'POST',
      `/judging-rounds/${round.id}/assignments`,
      202,
      adm.accessToken,
    );
    await waitFor('the assignment run (worker)', async () => {
      const r = await call<{ assignment: { status: string; jobId: string } }>(
        base,
        'GET',
        `/judging-rounds/${round.id}`,
        200,
        adm.accessToken,
      );
      if (r.assignment.status === 'failed') throw new Error('The assignment run failed');
      return r.assignment.jobId === started.jobId && r.assignment.status === 'succeeded';
    });
    await call(base, 'PATCH', `/judging-rounds/${round.id}`, 200, adm.accessToken, {
      status: 'open',
    });
    const assignments: { id: string; token: string }[] = [];
    const perJudge: number[] = [];
    for (const judge of judges) {
      const mine = await call<{ id: string }[]>(
        base,
        'GET',
        '/me/assignments',
        200,
        judge.accessToken,
      );
      perJudge.push(mine.length);
      for (const a of mine) assignments.push({ id: a.id, token: judge.accessToken });
    }
    await db.query('ANALYZE');
    console.log(
      `world ready in ${fmt((Date.now() - t) / 1000, 1)} s: ${ENTRIES} entries, ${JUDGES} judges with ` +
        `${perJudge.join('/')} assignments, ${fmt(USERS / 2)} pen-pal pairs; database ${dbName}`,
    );

    const judge = judges[0];
    const routes: Route[] = [
      { key: 'interests', label: 'GET /interests', path: '/api/v1/interests', target: 0.5 },
      {
        key: 'interests-auth',
        label: 'GET /interests + bearer',
        path: '/api/v1/interests',
        token: me.accessToken,
        target: 0.5,
      },
      {
        key: 'competition',
        label: 'GET /competitions/{id}',
        path: `/api/v1/competitions/${competition.id}`,
        target: 0.12,
      },
      {
        key: 'submission',
        label: 'GET /submissions/{id}',
        path: `/api/v1/submissions/${submissionId}`,
        token: me.accessToken,
        target: 0.12,
      },
      { key: 'me', label: 'GET /me', path: '/api/v1/me', token: me.accessToken, target: 0.12 },
      {
        key: 'penpals',
        label: 'GET /me/penpals',
        path: '/api/v1/me/penpals',
        token: me.accessToken,
        target: 0.12,
      },
      {
        key: 'assignments',
        label: `GET /me/assignments (${perJudge[0]})`,
        path: '/api/v1/me/assignments',
        token: judge.accessToken,
        target: 0.08,
      },
      {
        key: 'score',
        label: `PUT /assignments/{id}/score @${SCORE_RATE}/s`,
        path: '',
        rate: SCORE_RATE,
        requests: assignments.map((a, i) => ({
          method: 'PUT',
          path: `/api/v1/assignments/${a.id}/score`,
          headers: {
            ...BROWSER,
            authorization: `Bearer ${a.token}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            scores: { story: i % 11, craft: (i * 7) % 11 },
            comment: 'Strong sense of place; the sound mix drops in the middle.',
            final: false,
          }),
        })),
      },
    ].filter((r) => !ONLY || ONLY.includes(r.key));

    // Response sizes as a browser gets them (compressed or not): raw bytes, not decoded.
    for (const r of routes.filter((x) => !x.requests)) {
      const { status, encoding, bytes } = await new Promise<{
        status: number;
        encoding: string;
        bytes: number;
      }>((ok, fail) => {
        httpGet(
          `${base}${r.path}`,
          { headers: { ...BROWSER, ...(r.token ? { authorization: `Bearer ${r.token}` } : {}) } },
          (res) => {
            let n = 0;
            res.on('data', (c: Buffer) => (n += c.length));
            res.on('end', () =>
              ok({
                status: res.statusCode ?? 0,
                encoding: String(res.headers['content-encoding'] ?? 'identity'),
                bytes: n,
              }),
            );
          },
        ).on('error', fail);
      });
      console.log(`  ${r.label}: ${status}, ${bytes} bytes on the wire (${encoding})`);
    }

    // --- warm both, then measure -----------------------------------------------------------
    const bareRoute: Route = { key: 'bare', label: 'bare Fastify hello', path: '/' };
    await drive(bareBase, bareRoute, WARM_SECONDS);
    await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: WARM_SECONDS,
      requests: routes
        .filter((r) => !r.requests)
        .map((r) => ({
          method: 'GET',
          path: r.path,
          headers: { ...BROWSER, ...(r.token ? { authorization: `Bearer ${r.token}` } : {}) },
        })),
    });
    console.log(
      `\nload average before measuring: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}; ${CONNECTIONS} connections, ${DURATION} s each`,
    );
    const barePid = bare.pid as number;
    const bareCpu0 = cpuSeconds(barePid);
    const bareBefore = await drive(bareBase, bareRoute, DURATION);
    const bareUs = ((cpuSeconds(barePid) - bareCpu0) * 1e6) / bareBefore.requests.total;
    const results: { route: Route; r: CannonResult; apiUs: number; pgUs: number }[] = [];
    for (const route of routes)
      results.push({
        route,
        ...(await withCpu(db, dbName, api.pid as number, () => drive(base, route, DURATION))),
      });
    const bareAfter = await drive(bareBase, bareRoute, DURATION);
    const bareRps = (bareBefore.requests.average + bareAfter.requests.average) / 2;

    const rows: string[][] = [
      [
        'route',
        'req/s',
        'p50 ms',
        'p99 ms',
        'ratio',
        'target',
        'non-2xx',
        '',
        'API µs/req',
        'PG µs/req',
        'CPU ratio',
      ],
      [
        'bare Fastify hello (before/after)',
        `${fmt(bareBefore.requests.average)}/${fmt(bareAfter.requests.average)}`,
        `${bareBefore.latency.p50}`,
        `${bareBefore.latency.p99}`,
        '1',
        '',
        '',
        '',
        fmt(bareUs),
        '',
        '1',
      ],
    ];
    let failures = 0;
    for (const { route, r, apiUs, pgUs } of results) {
      const ratio = r.requests.average / bareRps;
      const bad = r.non2xx + r.errors + r.timeouts;
      const ok =
        bad === 0 && r.latency.p99 < 50 && (route.target === undefined || ratio >= route.target);
      if (!ok) failures += 1;
      rows.push([
        route.label,
        fmt(r.requests.average),
        `${r.latency.p50}`,
        `${r.latency.p99}`,
        route.target === undefined ? '' : ratio.toFixed(3),
        route.target === undefined ? 'p99 < 50' : `≥ ${route.target}`,
        String(bad),
        ok ? 'ok' : 'MISSED',
        fmt(apiUs),
        fmt(pgUs),
        route.target === undefined ? '' : (bareUs / (apiUs + pgUs)).toFixed(3),
      ]);
    }
    const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
    console.log('');
    for (const row of rows)
      console.log(
        row
          .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
          .join('  '),
      );
    console.log(
      `\nload average after: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}; ${failures} route(s) missed a target` +
        ' (p99 < 50 ms everywhere; ratios against the mean of the two bare runs).\n' +
        'CPU ratio = bare Fastify CPU per request / (API + PostgreSQL CPU per request): the ratio an idle ' +
        'machine would show if CPU were the only limit; it moves far less than req/s on a busy machine.',
    );
    if (flag('keep')) console.log(`kept database ${dbName}`);
  } finally {
    await stopAll(children);
    await new Promise((r) => smtp.close(() => r(undefined)));
    await db.end().catch(() => undefined);
    if (!flag('keep')) await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
    await rm(uploads, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
