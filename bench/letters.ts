/**
 * npm run bench:letters — letters through the real production build (API + worker).
 *
 * Seeds in SQL: --matches N (20,000) active pen-pal matches between 2N adults, and --letters M
 * (200,000) delivered letters spread over them and over the last 60 days (some read, some not);
 * the round delays letters by distance and screens adults' letters too, so every write runs the
 * contact-details detector and schedules a delayed delivery job. Each person has a session; the
 * bench signs their access tokens with the build's JWT secret (as a login would).
 * Then, each at a steady rate for --duration s (10), sent on a fixed schedule from a process of
 * its own (bench/lib/rate-load.ts: latency from each request's due time, so a stall counts for
 * every request behind it): listing a match's letters (first page, as a
 * thread opens; target p99 < 20 ms), the unread counts the nav polls, and writing a letter
 * (--write-rate 200/s, every request a different writer on a different match; target p99 < 50 ms).
 * A bare Fastify server runs in the same run at the listing rate, as the reference, driven once
 * by the old harness (autocannon's overallRate in this process) and once by the generator.
 * Prints p50/p99/max, non-2xx, CPU per request of the API (of bare Fastify on its row), of
 * PostgreSQL and of the worker, statements and Redis commands per request, the API's event-loop
 * delay and GC pauses (bench/lib/probe.ts, preloaded into API and worker); then EXPLAIN ANALYZE of
 * the listing and unread queries. Options: --no-build, --list-rate R (200), --keep, --cpu-prof
 * (API and worker write .cpuprofile files into bench-profiles/ when they stop), --only keys
 * (bare,list,unread,write: the routes to measure, e.g. one route under --cpu-prof), --api-flags
 * "node flags" for the API after start:prod's (e.g. "--max-semi-space-size=16").
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { THREAD_SQL, UNREAD_SQL } from '../src/letters/letters.store';
import { autocannon, CannonResult } from './lib/cannon';
import { letterWrite, seedLetterWorld } from './lib/letters-world';
import { probe, ProbeReading, writeProbe } from './lib/probe';
import { rateLoad, RateRequest, RateResult } from './lib/rate-load';
import {
  benchStack,
  cpuSeconds,
  flag,
  fmt,
  NO_RATE_LIMITS,
  option,
  repoRoot as root,
} from './lib/stack';
import { measuring, printTable, summarise } from './lib/summary';
import { startProd } from './lib/start-prod';

const MATCHES = Number(option('matches') ?? 20_000);
const LETTERS = Number(option('letters') ?? 200_000);
const DURATION = Number(option('duration') ?? 10);
const WRITE_RATE = Number(option('write-rate') ?? 200);
const LIST_RATE = Number(option('list-rate') ?? 200);
const CONNECTIONS = 20;
/** As a browser asks (--accept-encoding identity: no compression, to see what it costs). */
const BROWSER = { 'accept-encoding': option('accept-encoding') ?? 'br, gzip' };

/**
 * Where a route's time goes in the API (bench/lib/probe.ts): each phase's p50/p99/max over the
 * requests and its mean over the slowest 1 %, the slowest phases first.
 */
function phaseTable(label: string, reading: ProbeReading): string {
  const lines = [`\nphases of ${label} (ms; "node": outside every statement and command):`];
  for (const [route, { n, first, slowAt, split, phases }] of Object.entries(reading.phases)) {
    if (route.includes('/health')) continue;
    lines.push(
      `  ${route}: ${fmt(n)} requests; the slowest 1 % started at ${slowAt.map((s) => fmt(s, 2)).join(', ')} s;` +
        ` p50/p99/max of those of the first second ${[split.firstSecond.p50, split.firstSecond.p99, split.firstSecond.max].map((v) => fmt(v, 1)).join('/')} ms,` +
        ` of the others ${[split.after.p50, split.after.p99, split.after.max].map((v) => fmt(v, 1)).join('/')} ms`,
    );
    const pauses = reading.gc.long.map(
      (g) => `${fmt((g.at - first) / 1000, 2)} s ${g.kind} ${fmt(g.ms)} ms`,
    );
    lines.push(`  GC pauses of 10 ms or more: ${pauses.join(', ') || 'none'}`);
    const rows = Object.entries(phases).sort(([, a], [, b]) => b.slowMean - a.slowMean);
    const width = Math.max(...rows.map(([name]) => name.length));
    lines.push(`    ${'phase'.padEnd(width)}     p50     p99     max  slowest 1 % mean`);
    for (const [name, p] of rows)
      lines.push(
        `    ${name.padEnd(width)}  ${[p.p50, p.p99, p.max, p.slowMean].map((v) => fmt(v, 1).padStart(6)).join('  ')}`,
      );
  }
  return lines.join('\n');
}

async function main() {
  if (!flag('no-build'))
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  const jwtSecret = randomBytes(48).toString('base64url');
  const stack = await benchStack('letters', {
    env: { ...NO_RATE_LIMITS, JWT_SECRET: jwtSecret },
    keep: flag('keep'),
  });
  const { sql: db, admin } = stack;
  const dbName = stack.db.name;
  try {
    const preload = writeProbe(stack.uploads);
    const profile = flag('cpu-prof')
      ? ['--cpu-prof', `--cpu-prof-dir=${join(root, 'bench-profiles')}`]
      : [];
    const prod = startProd(root);
    const { child: api, base } = await stack.api({
      flags: [...prod.flags, ...(option('api-flags')?.split(' ') ?? []), ...profile, ...preload],
      env: prod.env,
      ipc: true,
    });
    const worker = stack.worker({ flags: [...profile, ...preload], ipc: true });
    const { child: bare, base: bareBase } = await stack.bare();

    const t = Date.now();
    const world = await seedLetterWorld(db, admin.email, jwtSecret, MATCHES, LETTERS);
    const { pairs, tokenA, tokenB } = world;
    const [{ n: letters }] = (await db.query(`SELECT count(*)::int AS n FROM letters`)).rows as {
      n: number;
    }[];
    console.log(
      `seeded ${fmt(pairs.length)} active matches, ${fmt(letters)} letters in ${fmt((Date.now() - t) / 1000, 1)} s; database ${dbName}`,
    );

    // A sanity check through the API before measuring.
    const first = await fetch(`${base}/api/v1/penpal-matches/${pairs[0].id}/letters`, {
      headers: { authorization: `Bearer ${tokenA[0]}` },
    });
    const page = (await first.json()) as { total: number };
    if (first.status !== 200) throw new Error(`listing answered ${first.status}`);
    console.log(`  a thread: ${page.total} letters; first page of 20 as the web app asks`);

    // Each request takes the next match (and for writes the next writer): none repeats one
    // within a route. A route's requests are laid out before it starts, for the generator.
    const auth = (token: string) => ({ ...BROWSER, authorization: `Bearer ${token}` });
    const listing = (i: number): RateRequest => ({
      method: 'GET',
      path: `/api/v1/penpal-matches/${pairs[i].id}/letters?pageSize=20`,
      headers: auth(i % 2 ? tokenA[i] : tokenB[i]),
    });
    const routes: {
      key: string;
      label: string;
      rate: number;
      target: number;
      request: (i: number) => RateRequest;
      url?: string;
      /** The old harness: autocannon in this process (for the reference only). */
      cannon?: boolean;
    }[] = [
      {
        key: 'bare',
        label: `bare Fastify GET / @${LIST_RATE}/s, autocannon in-process (old harness)`,
        rate: LIST_RATE,
        target: 20,
        url: bareBase,
        request: () => ({ method: 'GET', path: '/' }),
        cannon: true,
      },
      {
        key: 'bare',
        label: `bare Fastify GET / @${LIST_RATE}/s (reference)`,
        rate: LIST_RATE,
        target: 20,
        url: bareBase,
        request: () => ({ method: 'GET', path: '/' }),
      },
      {
        key: 'list',
        label: `GET /penpal-matches/{id}/letters @${LIST_RATE}/s`,
        rate: LIST_RATE,
        target: 20,
        request: listing,
      },
      {
        key: 'unread',
        label: `GET /me/letters/unread @${LIST_RATE}/s`,
        rate: LIST_RATE,
        target: 20,
        request: (i) => ({
          method: 'GET',
          path: '/api/v1/me/letters/unread',
          headers: auth(i % 2 ? tokenA[i] : tokenB[i]),
        }),
      },
      {
        key: 'write',
        label: `POST /penpal-matches/{id}/letters @${WRITE_RATE}/s`,
        rate: WRITE_RATE,
        target: 50,
        request: (i) => letterWrite(world, i, BROWSER),
      },
    ];
    /** `count` requests of `make`, from match `from` on. */
    const lay = (make: (i: number) => RateRequest, count: number, from = 0) =>
      Array.from({ length: Math.min(count, pairs.length) }, (_, k) =>
        make((from + k) % pairs.length),
      );

    // Warm up on other matches than the measured ones would reach first.
    measuring();
    await rateLoad({
      url: base,
      rate: LIST_RATE,
      duration: 2,
      connections: CONNECTIONS,
      requests: lay(listing, LIST_RATE * 2, Math.floor(pairs.length / 2)),
    });
    // And the write, as bench:api warms its score PUT: a fresh process's first writes compile
    // their code and prepare their statements on each pooled connection (the first second of an
    // unwarmed run: p50 63 ms, then 4.5 ms). Other matches and writers than the measured ones.
    const write = routes.find((r) => r.key === 'write');
    const only = option('only')?.split(',');
    if (write && (!only || only.includes('write')))
      await rateLoad({
        url: base,
        rate: WRITE_RATE,
        duration: 2,
        connections: CONNECTIONS,
        requests: lay(write.request, WRITE_RATE * 2, Math.floor(pairs.length / 2)),
      });
    console.log(
      `\nload average before measuring: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(
          ' ',
        )}; at most ${CONNECTIONS} connections, ${DURATION} s each, requests sent on a fixed schedule`,
    );
    const rows = [
      [
        'route',
        'req/s',
        'p50 ms',
        'p99 ms',
        'max ms',
        'non-2xx',
        'target',
        '',
        'sent→end p99',
        'gen lag p99',
        'gen µs',
        'API µs',
        'PG µs',
        'worker µs',
        'SQL/req',
        'Redis/req',
        'worker SQL/req',
        'loop p99/max ms',
        'GC n/ms/max',
      ],
    ];
    let missed = 0;
    const phaseTables: string[] = [];
    const headline: string[] = [];
    /**
     * CPU seconds of each backend of the bench database now. The pools open and close
     * connections during a route: a backend new at the end counts from zero, one gone by then
     * is lost (pools keep their connections while busy, so little is).
     */
    const pgCpu = async () =>
      new Map(
        (
          await db.query(
            'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
            [dbName],
          )
        ).rows.map((r: { pid: number }) => [r.pid, cpuSeconds(r.pid)] as const),
      );
    const pgSince = (before: Map<number, number>, after: Map<number, number>) =>
      [...after].reduce((s, [pid, cpu]) => s + cpu - (before.get(pid) ?? 0), 0);
    for (const route of routes.filter((r) => !only || only.includes(r.key))) {
      const pg0 = await pgCpu();
      const bareRoute = route.url === bareBase;
      const server = (bareRoute ? bare : api).pid as number;
      const [server0, worker0] = [cpuSeconds(server), cpuSeconds(worker.pid as number)];
      const [in0, w0] = [await probe(api), await probe(worker)];
      const opts = { url: route.url ?? base, connections: CONNECTIONS, duration: DURATION };
      const r: Omit<CannonResult, 'throughput'> &
        Partial<Pick<RateResult, 'sendLag' | 'served' | 'generatorUs'>> = route.cannon
        ? await autocannon({ ...opts, overallRate: route.rate })
        : await rateLoad({
            ...opts,
            rate: route.rate,
            requests: lay(route.request, route.rate * DURATION),
          });
      const [in1, w1] = [await probe(api), await probe(worker)];
      if (!bareRoute)
        phaseTables.push(
          phaseTable(route.label, in1) +
            `\n  new PostgreSQL connections during the route: API ${in1.connects - in0.connects}, worker ${w1.connects - w0.connects}`,
        );
      const pg1 = await pgCpu();
      const n = Math.max(1, r.requests.total);
      const perRequest = (seconds: number) => fmt((seconds * 1e6) / n);
      const bad = r.non2xx + r.errors + r.timeouts;
      const ok = bad === 0 && r.latency.p99 < route.target;
      if (!ok && !bareRoute) missed += 1;
      if (!bareRoute) headline.push(`${route.key} p99 ${fmt(r.latency.p99, 1)} ms`);
      rows.push([
        route.label,
        fmt(r.requests.average),
        fmt(r.latency.p50, 1),
        fmt(r.latency.p99, 1),
        fmt(r.latency.max, 1),
        String(bad),
        `p99 < ${route.target}`,
        ok ? 'ok' : 'MISSED',
        r.served ? fmt(r.served.p99, 1) : '-',
        r.sendLag ? fmt(r.sendLag.p99, 1) : '-',
        r.generatorUs ? fmt(r.generatorUs) : '-',
        perRequest(cpuSeconds(server) - server0),
        perRequest(pgSince(pg0, pg1)),
        perRequest(cpuSeconds(worker.pid as number) - worker0),
        fmt((in1.statements - in0.statements) / n, 2),
        fmt((in1.redis - in0.redis) / n, 2),
        fmt((w1.statements - w0.statements) / n, 2),
        `${fmt(in1.loop.p99, 1)}/${fmt(in1.loop.max, 1)}`,
        `${in1.gc.n}/${fmt(in1.gc.ms)}/${fmt(in1.gc.maxMs, 1)}`,
      ]);
    }
    console.log('');
    printTable(rows);
    for (const table of phaseTables) console.log(table);
    const [{ n: written }] = (
      await db.query(
        `SELECT count(*)::int AS n FROM letters WHERE created_at > now() - interval '1 hour'`,
      )
    ).rows as { n: number }[];
    console.log(
      `\n${fmt(written)} letters written in the run; load average after: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}; ${missed} route(s) missed a target.` +
        '\np50/p99/max: from the time each request was due on the schedule to its last byte (the old' +
        "\nharness row: autocannon's own figures); sent→end p99: from the actual send instead (what a" +
        '\nclosed loop reports); gen lag p99: how late the generator sent (ms), gen µs:' +
        '\nits CPU per request (bench/lib/rate-load.ts, a process of its own).' +
        '\nAPI µs / PG µs / worker µs: CPU per request of the API process (of bare Fastify on its row),' +
        '\nof the PostgreSQL backends and of the worker; SQL/req and Redis/req: statements (BEGIN and' +
        '\nCOMMIT included) and Redis commands the API sent per request; loop: the API event loop delay,' +
        '\nGC: the API collections, total and longest pause in ms, during the route.',
    );

    summarise('letters', `${headline.join(', ')}; ${missed} missed`, {
      missed,
      fixedS: 4 + DURATION * (rows.length - 1), // the warm-ups and each route measured
    });

    // How PostgreSQL answers the two reads (the store's own statements, one match, one person).
    const explain = async (label: string, sql: string, params: unknown[]) => {
      const plan = (await db.query(`EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) ${sql}`, params)).rows
        .map((r: { 'QUERY PLAN': string }) => `    ${r['QUERY PLAN']}`)
        .join('\n');
      console.log(`\n  ${label}:\n${plan}`);
    };
    const p = pairs[Math.floor(pairs.length / 3)];
    await explain('listing (the first page, with the match)', THREAD_SQL, [p.id, p.user_a, 20, 0]);
    await explain('unread per match', UNREAD_SQL, [p.user_a]);
  } finally {
    await stack.close();
  }
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
