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
 * the ratio to bare Fastify are printed: bare Fastify runs before the first route (--duration s) and
 * after each (3 s), and a route's ratio divides by the mean of the two runs around it. The score
 * PUT is driven at a steady --score-rate (200) req/s instead (open loop, bench/lib/rate-load.ts),
 * and judged by its p99 from each request's intended send time.
 * The me-churn route reads GET /me as 500 different people in turn while 20 a second sign in
 * elsewhere (session rows by SQL, as another API process makes them): the per-user caches under a
 * season's traffic, where the other reads read as one caller.
 * Rate limits are off (AUTH_RATE_LIMIT=0 and friends): the routes, not the limiter, are measured.
 * Requests carry `accept-encoding: br, gzip` as browsers send it.
 * Also printed: CPU microseconds per request of the API process and of its PostgreSQL backends
 * (from /proc), which stay readable when other work shares the machine.
 * Options: --api-root DIR (measure the build in DIR/dist instead, e.g. an older commit's),
 *          --no-build, --duration S, --users N, --only a,b (route keys), --cpu-prof (writes one
 * CPU profile of the API per route, taken while that route alone is driven, to
 * bench-profiles/<route>.cpuprofile), --semi-space MB (the API's --max-semi-space-size instead of
 * start:prod's), --keep (leave the database for EXPLAIN).
 */
import { ChildProcess, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import {
  benchStack,
  cpuSeconds,
  flag,
  fmt,
  NO_RATE_LIMITS,
  option,
  repoRoot,
  seedPopulation,
} from './lib/stack';
import { measuring, printTable, summarise } from './lib/summary';
import { autocannon, CannonRequest, CannonResult, inTurn } from './lib/cannon';
import { rateLoad, RateRequest } from './lib/rate-load';
import { buildWorld, scoreDrafts } from './lib/world';
import { callersReading, signInsElsewhere } from './lib/churn';
import { startProd, withSemiSpace } from './lib/start-prod';

const DURATION = Number(option('duration') ?? 10);
const USERS = Number(option('users') ?? 100_000);
const SCORE_RATE = Number(option('score-rate') ?? 200);
const ONLY = option('only')?.split(',');
const CONNECTIONS = 50;
/** me-churn: people reading in turn, and sign-ins a second elsewhere meanwhile. */
const CHURN_CALLERS = 500;
const CHURN_SIGN_INS = 20;
const WARM_SECONDS = 2;
/** Bare Fastify's run after each route, the other side of that route's ratio. */
const BARE_BETWEEN = 3;
const ENTRIES = 50;
const JUDGES = 5;
const root = repoRoot;
/** Where the built API to measure lives (a checkout with dist/): another commit's build, to compare. */
const apiRoot = resolve(option('api-root') ?? root);
const BROWSER = { 'accept-encoding': 'br, gzip' };
/** How `npm run start:prod` of the measured build starts the API. */
const PROD = startProd(apiRoot);

/**
 * Preloaded into the API (node -r): counts the statements its pg clients send (BEGIN and COMMIT
 * included: round trips), and answers the count over the IPC channel, so that queries per request
 * are printed next to CPU per request. With --cpu-prof it also starts and stops V8's profiler when
 * told, so that each route's profile holds that route only (not start-up nor the world's making).
 */
const COUNT_QUERIES = `
const pg = require(require.resolve('pg', { paths: [process.cwd()] }));
let n = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (...args) { n += 1; return query.apply(this, args); };
let session;
process.on('message', (m) => {
  if (m === 'queries') process.send({ queries: n });
  if (m && m.profile === 'start') {
    session = new (require('node:inspector').Session)();
    session.connect();
    session.post('Profiler.enable', () =>
      session.post('Profiler.start', () => process.send({ profiling: true })));
  }
  if (m && m.profile === 'stop') {
    session.post('Profiler.stop', (err, result) => {
      require('node:fs').writeFileSync(m.file, JSON.stringify(result.profile));
      session.disconnect();
      process.send({ profiled: m.file });
    });
  }
});
if (process.channel) process.channel.unref();
`;

/** Sends the API a message (see COUNT_QUERIES) and waits for the answer that has `key`. */
function ask<T>(api: ChildProcess, message: unknown, key: string): Promise<T> {
  return new Promise((ok) => {
    const on = (m: Record<string, T> | undefined) => {
      if (!m || !(key in m)) return;
      api.off('message', on);
      ok(m[key]);
    };
    api.on('message', on);
    api.send(message as string);
  });
}

/** The statements the API has sent so far. */
const queriesSent = (api: ChildProcess) => ask<number>(api, 'queries', 'queries');

/** `work` with the API's CPU profiler running, when --cpu-prof asks for profiles. */
async function profiled<T>(api: ChildProcess, file: string, work: () => Promise<T>): Promise<T> {
  if (!flag('cpu-prof')) return work();
  await ask(api, { profile: 'start' }, 'profiling');
  const out = await work();
  await ask(api, { profile: 'stop', file }, 'profiled');
  return out;
}

interface Route {
  key: string;
  label: string;
  path: string;
  token?: string;
  /** Ratio target to bare Fastify (req/s), or undefined for the rate-driven PUT. */
  target?: number;
  requests?: CannonRequest[];
  rate?: number;
  /** Started with each drive of the route; what it returns stops it. */
  meanwhile?: () => () => void;
}

async function drive(base: string, route: Route, duration: number): Promise<CannonResult> {
  const stop = route.meanwhile?.();
  try {
    return await driveOnly(base, route, duration);
  } finally {
    stop?.();
  }
}

async function driveOnly(base: string, route: Route, duration: number): Promise<CannonResult> {
  // At a steady rate, the open-loop generator of bench/lib/rate-load.ts: autocannon's overallRate
  // in this process charges its own pauses to the server and leaves out requests behind a stall.
  if (route.rate && route.requests)
    return {
      ...(await rateLoad({
        url: base,
        rate: route.rate,
        duration,
        connections: CONNECTIONS,
        requests: route.requests as RateRequest[],
      })),
      throughput: { average: 0 },
    };
  return autocannon({
    url: base,
    connections: CONNECTIONS,
    duration,
    ...(route.requests
      ? { requests: inTurn(route.requests) }
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
  });
}

/**
 * CPU the API and its database backends spend per request: unlike req/s, this hardly moves when
 * other work shares the machine, so it shows what a lever saves even on a busy box.
 */
async function withCpu(
  db: Client,
  dbName: string,
  api: ChildProcess,
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
  const apiPid = api.pid as number;
  const api0 = cpuSeconds(apiPid);
  const r = await work();
  const apiCpu = cpuSeconds(apiPid) - api0;
  let pg = 0;
  for (const pid of new Set([...before.keys(), ...(await backends())]))
    pg += Math.max(0, cpuSeconds(pid) - (before.get(pid) ?? 0)); // a backend gone meanwhile reads 0
  const n = Math.max(1, r.requests.total);
  return { r, apiUs: (apiCpu * 1e6) / n, pgUs: (pg * 1e6) / n };
}

async function main() {
  if (!flag('no-build')) {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  }
  // Known, so that me-churn's many callers need no sign-in each.
  const jwtSecret = randomBytes(48).toString('base64url');
  const stack = await benchStack('api', {
    env: { ...NO_RATE_LIMITS, JWT_SECRET: jwtSecret },
    keep: flag('keep'),
  });
  const { sql: db, admin } = stack;
  const dbName = stack.db.name;
  try {
    let t = Date.now();
    await seedPopulation(db, USERS);
    console.log(
      `seeded ${fmt(USERS)} people with profiles and sessions in ${fmt((Date.now() - t) / 1000, 1)} s`,
    );
    const profileDir = join(root, 'bench-profiles');
    if (flag('cpu-prof')) mkdirSync(profileDir, { recursive: true });
    const apiFlags = withSemiSpace(PROD.flags, option('semi-space'));
    const preload = join(stack.uploads, 'count-queries.js');
    writeFileSync(preload, COUNT_QUERIES);
    stack.worker({ cwd: apiRoot });
    const { child: api, base } = await stack.api({
      flags: [...apiFlags, '-r', preload],
      env: PROD.env,
      cwd: apiRoot,
      ipc: true,
    });
    const { child: bare, base: bareBase } = await stack.bare();

    // --- the world, through the API where a person would go through it ---------------------
    t = Date.now();
    const { me, competition, submissionId, judges, assignments, perJudge } = await buildWorld(
      base,
      db,
      admin,
      { entries: ENTRIES, judges: JUDGES },
    );
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
        key: 'me-churn',
        label: `GET /me, ${CHURN_CALLERS} people, ${CHURN_SIGN_INS} sign-ins/s`,
        path: '',
        requests: await callersReading(db, jwtSecret, CHURN_CALLERS, '/api/v1/me', BROWSER),
        meanwhile: () => signInsElsewhere(db, CHURN_SIGN_INS, USERS),
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
        requests: scoreDrafts(assignments, BROWSER),
      },
    ].filter((r) => !ONLY || ONLY.includes(r.key));

    // Statements per request, exactly: 20 requests one after the other, nothing else running.
    const queries = new Map<string, number>();
    for (const r of routes) {
      const requests = r.requests ?? [
        {
          method: 'GET',
          path: r.path,
          headers: { ...BROWSER, ...(r.token ? { authorization: `Bearer ${r.token}` } : {}) },
        },
      ];
      const q0 = await queriesSent(api);
      for (let i = 0; i < 20; i += 1) {
        const q = requests[i % requests.length];
        const res = await fetch(`${base}${q.path}`, {
          method: q.method,
          headers: q.headers,
          body: q.body,
        });
        await res.arrayBuffer();
      }
      queries.set(r.key, ((await queriesSent(api)) - q0) / 20);
    }

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
    measuring();
    const bareRoute: Route = { key: 'bare', label: 'bare Fastify hello', path: '/' };
    await drive(bareBase, bareRoute, WARM_SECONDS);
    const reads = routes
      .filter((r) => !r.requests)
      .map((r) => ({
        method: 'GET' as const,
        path: r.path,
        headers: { ...BROWSER, ...(r.token ? { authorization: `Bearer ${r.token}` } : {}) },
      }));
    // autocannon fails on an empty list (e.g. --only score).
    if (reads.length > 0)
      await autocannon({
        url: base,
        connections: CONNECTIONS,
        duration: WARM_SECONDS,
        requests: reads,
      });
    // The score PUT too, at its rate: a fresh process's first writes pay for compiling their code
    // and opening connections, which is the warm-up's to absorb, not the measured run's.
    for (const r of routes.filter((r) => r.requests)) await drive(base, r, WARM_SECONDS);
    console.log(
      `\nload average before measuring: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}; ${CONNECTIONS} connections, ${DURATION} s each`,
    );
    const barePid = bare.pid as number;
    const bareCpu0 = cpuSeconds(barePid);
    const bareBefore = await drive(bareBase, bareRoute, DURATION);
    const bareUs = ((cpuSeconds(barePid) - bareCpu0) * 1e6) / bareBefore.requests.total;
    const results: {
      route: Route;
      r: CannonResult;
      apiUs: number;
      pgUs: number;
    }[] = [];
    // Bare Fastify again after each route (BARE_BETWEEN s): a route's ratio divides by the mean of
    // the bare runs just before and just after it, so a machine whose speed drifts over the minute
    // of measuring (bare Fastify read 53,000 then 64,000 req/s a minute later) moves both sides alike.
    const bareRuns = [bareBefore.requests.average];
    for (const route of routes) {
      results.push({
        route,
        ...(await profiled(api, join(profileDir, `${route.key}.cpuprofile`), () =>
          withCpu(db, dbName, api, () => drive(base, route, DURATION)),
        )),
      });
      bareRuns.push((await drive(bareBase, bareRoute, BARE_BETWEEN)).requests.average);
    }
    const bareAround = (i: number) => (bareRuns[i] + bareRuns[i + 1]) / 2;
    const bareRps = bareRuns.reduce((a, b) => a + b, 0) / bareRuns.length;

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
        'queries/req',
        'bare around',
      ],
      [
        'bare Fastify hello (first/last)',
        `${fmt(bareRuns[0])}/${fmt(bareRuns[bareRuns.length - 1])}`,
        `${bareBefore.latency.p50}`,
        `${bareBefore.latency.p99}`,
        '1',
        '',
        '',
        '',
        fmt(bareUs),
        '',
        '1',
        '',
        '',
      ],
    ];
    let failures = 0;
    const headline: string[] = [];
    for (const [i, { route, r, apiUs, pgUs }] of results.entries()) {
      const ratio = r.requests.average / bareAround(i);
      const bad = r.non2xx + r.errors + r.timeouts;
      const ok =
        bad === 0 && r.latency.p99 < 50 && (route.target === undefined || ratio >= route.target);
      if (!ok) failures += 1;
      headline.push(
        `${route.key} ${route.target === undefined ? `p99 ${r.latency.p99} ms` : ratio.toFixed(3)}`,
      );
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
        (queries.get(route.key) ?? 0).toFixed(2),
        route.target === undefined ? '' : fmt(bareAround(i)),
      ]);
    }
    console.log('');
    printTable(rows);
    console.log(
      `\nload average after: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}; ${failures} route(s) missed a target` +
        ' (p99 < 50 ms everywhere; each ratio against the mean of the bare runs just before and after' +
        ' its route: "bare around").\n' +
        'CPU ratio = bare Fastify CPU per request / (API + PostgreSQL CPU per request): the ratio an idle ' +
        'machine would show if CPU were the only limit; it moves far less than req/s on a busy machine.',
    );
    summarise('api', `ratio to bare: ${headline.join(', ')}; ${failures} missed`, {
      bareRps: Math.round(bareRps),
      missed: failures,
      // The time the load runs whatever the machine: warm-ups, bare Fastify around each route, the routes.
      fixedS:
        WARM_SECONDS * (2 + routes.filter((r) => r.requests).length) +
        DURATION * (routes.length + 1) +
        BARE_BETWEEN * routes.length,
    });
  } finally {
    await stack.close();
  }
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
