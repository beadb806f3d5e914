/**
 * npm run bench:api-compare -- --a DIR --b DIR — CPU per request of two builds of the API, side by
 * side on one database, for when the machine is too busy for `bench:api`'s req/s to mean anything.
 *
 * DIR is a checkout with dist/ (and node_modules/): e.g. a copy of main's build and this branch's.
 * Both APIs run as production runs them (start:prod's node flags and environment of each DIR), with
 * one worker, on one database seeded as bench:api seeds it. Then, in --rounds R (5) rounds, each route is
 * driven for --requests N (2000) on A and on B in turn (which goes first alternates), 20 connections,
 * and the CPU microseconds per request of each API process, and of the database's PostgreSQL backends
 * while it was driven, are taken from /proc (schedstat). Printed: the
 * median per route and build, B/A of the medians, and the median of each round's own B/A (paired:
 * the two bursts of a round met the same load, so it wanders less when the load swings). The write
 * route (--only write: only its world is seeded) writes a letter on a different match each time
 * (bench:letters' world: --matches, --letters; --letter-delay none: a round that delivers each
 * letter at once, its notice written in the same transaction). Load from other work moves both
 * builds alike because they alternate within seconds; the median drops a burst that met a spike.
 * --api-flags "node flags" go to both APIs after start:prod's (e.g. "--perf-basic-prof" to
 * profile one with perf record -p).
 * The me-churn route reads GET /me as --callers C (500) different people in turn while others sign
 * in, --sign-ins S (20) a second, as another API process would (a session row each, by SQL, not
 * counted in either build's figures): a season's traffic, where the other routes read as one caller.
 * penpals-churn reads GET /me/penpals so while S a second answer their pen pals elsewhere.
 */
import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { benchStack, fmt, freePort, NO_RATE_LIMITS, option, seedPopulation } from './lib/stack';
import { autocannon, CannonRequest, inTurn } from './lib/cannon';
import { answersElsewhere, callersReading, signInsElsewhere } from './lib/churn';
import { letterWrite, seedLetterWorld } from './lib/letters-world';
import { buildWorld, scoreDrafts } from './lib/world';
import { startProd } from './lib/start-prod';

const ROUNDS = Number(option('rounds') ?? 5);
const REQUESTS = Number(option('requests') ?? 2000);
const USERS = Number(option('users') ?? 100_000);
const ONLY = option('only')?.split(',');
/** The write route's world (bench:letters' defaults): every write a different match. */
const MATCHES = Number(option('matches') ?? 20_000);
const LETTERS = Number(option('letters') ?? 200_000);
const LETTER_DELAY = ((delay = option('letter-delay') ?? 'distance') => {
  if (delay !== 'distance' && delay !== 'none')
    throw new Error(`--letter-delay is 'distance' or 'none', not '${delay}'`);
  return delay;
})();
const CALLERS = Number(option('callers') ?? 500);
const SIGN_INS = Number(option('sign-ins') ?? 20);
const only = (key: string) => !ONLY || ONLY.includes(key);
const roots = { A: resolve(option('a') ?? '.'), B: resolve(option('b') ?? '.') };
const BROWSER = { 'accept-encoding': 'br, gzip' };

/**
 * CPU time of all a process's threads (the JS thread, GC helpers, the thread pool's zlib work), in
 * nanoseconds from the scheduler's own account: /proc/<pid>/stat counts 10 ms ticks, too coarse
 * for a burst that a busy machine lets finish only a few hundred requests of.
 */
function cpuNanoseconds(pid: number): number {
  let ns = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // a thread that ended meanwhile
    }
  }
  return ns;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  // One environment (one JWT secret, one queue prefix) for both: one login's tokens work on
  // either, and the one worker (A's) serves both.
  // and the write route signs its writers' tokens with the JWT secret.
  const jwtSecret = randomBytes(48).toString('base64url');
  const stack = await benchStack('compare', { env: { ...NO_RATE_LIMITS, JWT_SECRET: jwtSecret } });
  const db = stack.sql;
  // The world of bench:api is seeded only for its routes (the write alone needs its letters).
  const needsWorld = !ONLY || ONLY.some((key) => key !== 'write');
  try {
    if (needsWorld) await seedPopulation(db, USERS);
    const apis = {} as Record<'A' | 'B', { child: ChildProcess; base: string }>;
    for (const key of ['A', 'B'] as const) {
      const prod = startProd(roots[key]);
      apis[key] = await stack.api({
        flags: [...prod.flags, ...(option('api-flags')?.split(' ') ?? [])],
        env: prod.env,
        cwd: roots[key],
        port: key === 'A' ? undefined : await freePort(),
      });
      if (key === 'A') stack.worker({ cwd: roots.A });
    }
    const world = needsWorld
      ? await buildWorld(apis.A.base, db, stack.admin, { entries: 50, judges: 5 })
      : undefined;
    const letters = only('write')
      ? await seedLetterWorld(db, stack.admin.email, jwtSecret, MATCHES, LETTERS, LETTER_DELAY)
      : undefined;
    await db.query('ANALYZE');
    const get = (path: string, token?: string): CannonRequest[] => [
      {
        method: 'GET',
        path,
        headers: { ...BROWSER, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
    ];
    let nextLetter = 0;
    const scores = world ? scoreDrafts(world.assignments, BROWSER) : [];
    const reading = async (path: string): Promise<CannonRequest[]> =>
      inTurn(world ? await callersReading(db, jwtSecret, CALLERS, path, BROWSER) : []);
    const routes: [string, CannonRequest[]][] = (
      !world
        ? []
        : ([
            ['interests', get('/api/v1/interests')],
            ['interests-auth', get('/api/v1/interests', world.me.accessToken)],
            ['competition', get(`/api/v1/competitions/${world.competition.id}`)],
            ['submission', get(`/api/v1/submissions/${world.submissionId}`, world.me.accessToken)],
            ['me', get('/api/v1/me', world.me.accessToken)],
            ['penpals', get('/api/v1/me/penpals', world.me.accessToken)],
            ['assignments', get('/api/v1/me/assignments', world.judges[0].accessToken)],
            ['score', inTurn(scores)],
            ['me-churn', await reading('/api/v1/me')],
            ['penpals-churn', await reading('/api/v1/me/penpals')],
          ] as [string, CannonRequest[]][])
    )
      .concat(
        letters
          ? [
              [
                'write',
                [
                  {
                    setupRequest: (req) => ({
                      ...req,
                      ...letterWrite(letters, nextLetter++ % letters.pairs.length, BROWSER),
                    }),
                  },
                ],
              ],
            ]
          : [],
      )
      .filter(([key]) => only(key));

    // The database's backends: only one build is driven at a time, so what they spend during a
    // burst is that build's (the worker idles).
    const backends = async () =>
      (
        await db.query(
          'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
        )
      ).rows.map((row: { pid: number }) => row.pid);
    const burst = async (key: 'A' | 'B', route: string, requests: CannonRequest[]) => {
      const pid = apis[key].child.pid as number;
      const pg0 = new Map<number, number>();
      for (const backend of await backends()) pg0.set(backend, cpuNanoseconds(backend));
      const cpu0 = cpuNanoseconds(pid);
      const stop =
        route === 'me-churn'
          ? signInsElsewhere(db, SIGN_INS, USERS)
          : route === 'penpals-churn'
            ? answersElsewhere(db, SIGN_INS, USERS)
            : () => {};
      let r: Awaited<ReturnType<typeof autocannon>>;
      try {
        r = await autocannon({
          url: apis[key].base,
          connections: 20,
          amount: REQUESTS,
          timeout: 60,
          requests,
        });
      } finally {
        stop();
      }
      const api = cpuNanoseconds(pid) - cpu0;
      if (r.non2xx) throw new Error(`${key}: ${r.non2xx} non-2xx answers`);
      let pg = 0;
      for (const backend of new Set([...pg0.keys(), ...(await backends())]))
        pg += Math.max(0, cpuNanoseconds(backend) - (pg0.get(backend) ?? 0)); // gone meanwhile: 0
      const n = Math.max(1, r.requests.total);
      return { api: api / 1e3 / n, pg: pg / 1e3 / n };
    };
    for (const [route, requests] of routes)
      for (const key of ['A', 'B'] as const) await burst(key, route, requests);
    const load0 = loadavg()[0];
    const us = new Map(routes.map(([k]) => [k, { A: [] as number[], B: [] as number[] }]));
    const pgUs = new Map(routes.map(([k]) => [k, { A: [] as number[], B: [] as number[] }]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [k, requests] of routes)
        for (const key of round % 2 ? (['B', 'A'] as const) : (['A', 'B'] as const)) {
          const { api, pg } = await burst(key, k, requests);
          us.get(k)![key].push(api);
          pgUs.get(k)![key].push(pg);
        }
      console.error(`round ${round + 1} of ${ROUNDS} done, load ${loadavg()[0].toFixed(1)}`);
    }
    console.log(`A ${roots.A}\nB ${roots.B}`);
    console.log(
      `load average ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)}; ${ROUNDS} rounds of ${REQUESTS} requests`,
    );
    console.log(`${'route'.padEnd(16)}  A µs/req  B µs/req    B/A  paired   (A rounds | B rounds)`);
    for (const [k, { A, B }] of us) {
      const paired = median(B.map((b, i) => b / A[i]));
      console.log(
        `${k.padEnd(16)}  ${fmt(median(A)).padStart(8)}  ${fmt(median(B)).padStart(8)}  ${(median(B) / median(A)).toFixed(2).padStart(5)}  ${paired.toFixed(2).padStart(6)}   (${A.map((x) => fmt(x)).join(' ')} | ${B.map((x) => fmt(x)).join(' ')})`,
      );
    }
    console.log(`\nPostgreSQL backends' CPU while each build was driven (µs/req)`);
    console.log(`${'route'.padEnd(16)}  A PG µs   B PG µs    B/A  paired`);
    for (const [k, { A, B }] of pgUs) {
      const paired = median(B.map((b, i) => b / Math.max(1e-9, A[i])));
      console.log(
        `${k.padEnd(16)}  ${fmt(median(A)).padStart(8)}  ${fmt(median(B)).padStart(8)}  ${(median(B) / Math.max(1e-9, median(A))).toFixed(2).padStart(5)}  ${paired.toFixed(2).padStart(6)}`,
      );
    }
  } finally {
    await stack.close();
  }
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
