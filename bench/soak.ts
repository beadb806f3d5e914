/**
 * npm run bench:soak — mixed traffic for --minutes N (10) against the production build and its
 * worker: sign-ins, reads (/me, a competition, an entry, pen pals, a judge's assignments,
 * /interests), score drafts, new entries with a small upload, a pen-pal matching run every five
 * minutes (the first at once) and notifications (100 every 10 s, besides those the traffic makes).
 * Each minute it prints requests, 5xx, the API's and the worker's RSS, the database's connection
 * count and lost jobs (outbox rows older than a minute not delivered, failed rows, failed BullMQ
 * jobs, matching runs that failed). At the end it fails loudly (exit 1) on any 5xx or transport
 * error, any lost job, RSS that grew by half over the run, or connections that grew.
 * Options: --minutes N, --no-build, --people N (2,000 seeded people).
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import Redis from 'ioredis';
import type { QueryResultRow } from 'pg';
import {
  argv,
  benchStack,
  call,
  fmt,
  memoryMb,
  NO_RATE_LIMITS,
  option,
  repoRoot as root,
  seedPopulation,
  sleep,
  waitFor,
} from './lib/stack';
import { measuring, summarise } from './lib/summary';
import { buildWorld } from './lib/world';
import { startProd } from './lib/start-prod';

const MINUTES = Number(option('minutes') ?? 10);
const PEOPLE = Number(option('people') ?? 2000);
const LOOPS = 8;
const QUEUE_NAMES = ['notifications', 'penpal-matching', 'deadlines', 'judging', 'letters'];
/** A 1×1 PNG: the smallest poster the upload check accepts. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

interface Minute {
  minute: number;
  requests: number;
  errors5xx: number;
  apiRss: number;
  workerRss: number;
  connections: number;
  lost: number;
}

async function main() {
  if (!argv.includes('--no-build')) {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  }
  const stack = await benchStack('soak', { env: NO_RATE_LIMITS });
  const { sql, admin, env } = stack;
  let redis: Redis | undefined;
  let failures: string[] | undefined;
  try {
    await seedPopulation(sql, PEOPLE);
    const worker = stack.worker(); // as `npm run start:worker` runs it: no node flags
    const { child: api, base } = await stack.api(startProd(root));

    // --- the world ---------------------------------------------------------------------------
    const world = await buildWorld(base, sql, admin, { entries: 20, judges: 3 });
    const { adm, me, programme, competition, submissionId, judges, assignments } = world;
    const open = await call<{ id: string }>(
      base,
      'POST',
      `/programmes/${programme.id}/competitions`,
      201,
      adm.accessToken,
      {
        kind: 'short_movie',
        title: 'Open call',
        slug: 'open-call',
        submissionOpensAt: new Date(Date.now() - 86400_000).toISOString(),
        submissionClosesAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
        rubric: [{ key: 'story', label: 'Story', weight: 1, min: 0, max: 10 }],
      },
    );
    const round = await call<{ id: string }>(
      base,
      'POST',
      `/programmes/${programme.id}/penpal-rounds`,
      201,
      adm.accessToken,
      {
        name: 'Soak pen pals',
        enrolmentOpensAt: new Date(Date.now() - 86400_000).toISOString(),
        enrolmentClosesAt: new Date(Date.now() + 86400_000).toISOString(),
        rules: { maxAgeGapYears: 5, requireSharedLanguage: true },
      },
    );
    await sql.query(
      `INSERT INTO penpal_enrolments (round_id, user_id, capacity)
       SELECT $1, u.id, 1 FROM users u WHERE u.email LIKE 'person-%'`,
      [round.id],
    );
    await call(base, 'PATCH', `/penpal-rounds/${round.id}`, 200, adm.accessToken, {
      enrolmentClosesAt: new Date(Date.now() - 1000).toISOString(),
    });
    const judge = judges[0];
    const password = 'bench-password-1';
    console.log(
      `world ready: ${fmt(PEOPLE)} people, ${assignments.length} assignments, a closed pen-pal ` +
        `round of ${fmt(PEOPLE)}; ${LOOPS} clients for ${MINUTES} min; load ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
    );

    // --- traffic -----------------------------------------------------------------------------
    const counts = { requests: 0, errors5xx: 0, transport: 0, unexpected: 0 };
    const unexpected = new Map<string, number>();
    const send = async (
      label: string,
      method: string,
      path: string,
      expect: number,
      token?: string,
      body?: unknown,
    ) => {
      counts.requests += 1;
      try {
        const res = await fetch(`${base}/api/v1${path}`, {
          method,
          headers: {
            'accept-encoding': 'br, gzip',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
          },
          body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
        });
        const text = await res.text();
        if (res.status >= 500) counts.errors5xx += 1;
        if (res.status !== expect) {
          counts.unexpected += 1;
          const key = `${label} ${res.status}`;
          unexpected.set(key, (unexpected.get(key) ?? 0) + 1);
          return undefined;
        }
        return text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        counts.transport += 1;
        return undefined;
      }
    };
    // The bench's one connection is shared by the loops: each query waits its turn (pg warns
    // about overlapping ones and pg 9 will refuse them).
    let turn: Promise<unknown> = Promise.resolve();
    const query = <R extends QueryResultRow>(text: string, values?: unknown[]) => {
      const run = turn.then(() => sql.query<R>(text, values));
      turn = run.catch(() => undefined);
      return run;
    };
    let fresh = 0;
    const newEntry = async () => {
      fresh += 1;
      const n = fresh; // other clients move `fresh` on meanwhile
      const person = await send('sign-up', 'POST', '/auth/register', 201, undefined, {
        email: `soak-${n}@bench.test`,
        password,
        displayName: `Soak ${n}`,
      });
      if (!person) return;
      const token = person.accessToken as string;
      await query(`UPDATE users SET email_verified_at = now() WHERE email = $1`, [
        `soak-${n}@bench.test`,
      ]);
      const team = await send('team', 'POST', `/competitions/${open.id}/teams`, 201, token, {
        name: `Soak team ${n}`,
      });
      if (!team) return;
      const entry = await send(
        'entry',
        'POST',
        `/competitions/${open.id}/submissions`,
        201,
        token,
        { title: `Soak film ${n}`, logline: 'Two towns, one river' },
      );
      if (!entry) return;
      const form = new FormData();
      form.append('role', 'poster');
      form.append('file', new Blob([PNG], { type: 'image/png' }), 'poster.png');
      await send('upload', 'POST', `/submissions/${entry.id as string}/assets`, 201, token, form);
    };
    const reads: [string, string, string | undefined][] = [
      ['me', '/me', me.accessToken],
      ['competition', `/competitions/${competition.id}`, undefined],
      ['submission', `/submissions/${submissionId}`, me.accessToken],
      ['penpals', '/me/penpals', me.accessToken],
      ['assignments', '/me/assignments', judge.accessToken],
      ['interests', '/interests', undefined],
    ];
    let stop = false;
    let op = 0;
    const client = async (n: number) => {
      for (let i = n; !stop; i += LOOPS) {
        op += 1;
        const roll = op % 100;
        if (roll < 2) {
          await send('sign-in', 'POST', '/auth/login', 200, undefined, {
            email: `judge-${i % judges.length}@bench.test`,
            password,
          });
        } else if (roll < 4) {
          await newEntry();
        } else if (roll < 20) {
          const a = assignments[i % assignments.length];
          await send('score', 'PUT', `/assignments/${a.id}/score`, 200, a.token, {
            scores: { story: i % 11, craft: (i * 7) % 11 },
            comment: 'Soak draft',
            final: false,
          });
        } else {
          const [label, path, token] = reads[i % reads.length];
          await send(label, 'GET', path, 200, token);
        }
        await sleep(10);
      }
    };
    const notify = () =>
      query(
        `INSERT INTO outbox_messages (type, recipient_user_id, recipient_email, locale, channels, payload)
         SELECT 'auth.password_reset', u.id, u.email, CASE WHEN g % 2 = 0 THEN 'ko' ELSE 'en' END,
                '{email,in_app}', jsonb_build_object('displayName', u.display_name,
                  'link', 'https://kenal.example/password-reset/' || md5(random()::text),
                  'expiresAt', '2030-01-01T00:00:00Z')
           FROM generate_series(1, 100) g JOIN users u ON u.email = 'person-' || g || '@bench.test'`,
      );
    const runs: string[] = [];
    const matchingRun = async () => {
      const started = await send(
        'matching run',
        'POST',
        `/penpal-rounds/${round.id}/matching-runs`,
        202,
        adm.accessToken,
        {},
      );
      if (started) runs.push(started.id as string);
    };

    redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
    await redis.connect();
    const lostJobs = async () => {
      const outbox = (
        await query<{ late: number; failed: number }>(
          `SELECT count(*) FILTER (WHERE status NOT IN ('delivered', 'failed')
                                     AND created_at < now() - interval '1 minute')::int AS late,
                  count(*) FILTER (WHERE status = 'failed')::int AS failed
             FROM outbox_messages`,
        )
      ).rows[0];
      let bull = 0;
      for (const q of QUEUE_NAMES) bull += await redis!.zcard(`${env.QUEUE_PREFIX}:${q}:failed`);
      const failedRuns = (
        await query<{ n: number }>(
          `SELECT count(*)::int AS n FROM matching_runs
            WHERE status = 'failed' OR (status IN ('queued', 'running') AND created_at < now() - interval '5 minutes')`,
        )
      ).rows[0].n;
      return {
        total: outbox.late + outbox.failed + bull + failedRuns,
        detail: `outbox late ${outbox.late}, failed ${outbox.failed}; BullMQ failed ${bull}; runs failed ${failedRuns}`,
      };
    };
    const connections = async () =>
      (
        await query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        )
      ).rows[0].n;

    measuring();
    const clients = Array.from({ length: LOOPS }, (_, n) => client(n));
    const t0 = Date.now();
    const minutes: Minute[] = [];
    let lastRequests = 0;
    let lastNotify = 0;
    let lastRun = -Infinity;
    console.log(
      '\nminute  requests  req/s   5xx  API RSS MB  worker RSS MB  PG connections  lost jobs',
    );
    for (let m = 1; m <= MINUTES; m += 1) {
      while (Date.now() - t0 < m * 60_000) {
        if (Date.now() - lastNotify >= 10_000) {
          lastNotify = Date.now();
          await notify();
        }
        if (Date.now() - lastRun >= 5 * 60_000) {
          lastRun = Date.now();
          await matchingRun();
        }
        await sleep(500);
      }
      const lost = await lostJobs();
      const row: Minute = {
        minute: m,
        requests: counts.requests - lastRequests,
        errors5xx: counts.errors5xx,
        apiRss: memoryMb(api.pid as number).rss,
        workerRss: memoryMb(worker.pid as number).rss,
        connections: await connections(),
        lost: lost.total,
      };
      lastRequests = counts.requests;
      minutes.push(row);
      console.log(
        `${String(m).padStart(6)}  ${fmt(row.requests).padStart(8)}  ${fmt(row.requests / 60).padStart(5)}  ${String(row.errors5xx).padStart(4)}  ` +
          `${fmt(row.apiRss).padStart(10)}  ${fmt(row.workerRss).padStart(13)}  ${String(row.connections).padStart(14)}  ` +
          `${String(row.lost).padStart(9)}  (${lost.detail}; load ${loadavg()[0].toFixed(1)})`,
      );
    }
    stop = true;
    await Promise.all(clients);
    // What is still on its way gets a minute to arrive.
    await waitFor(
      'the outbox to drain',
      async () =>
        (
          await query<{ n: number }>(
            `SELECT count(*)::int AS n FROM outbox_messages WHERE status NOT IN ('delivered', 'failed')`,
          )
        ).rows[0].n === 0,
      60,
    ).catch(() => undefined);
    const final = await lostJobs();
    const runStates = (
      await query<{ status: string; n: number }>(
        `SELECT status, count(*)::int AS n FROM matching_runs WHERE round_id = $1 GROUP BY status`,
        [round.id],
      )
    ).rows;
    const undelivered = (
      await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox_messages WHERE status NOT IN ('delivered', 'failed')`,
      )
    ).rows[0].n;
    const first = minutes[0];
    const last = minutes[minutes.length - 1];
    failures = [
      ...(counts.errors5xx > 0 ? [`${counts.errors5xx} responses were 5xx`] : []),
      ...(counts.transport > 0 ? [`${counts.transport} requests failed in transport`] : []),
      ...(final.total + undelivered > 0
        ? [`lost jobs: ${final.detail}; undelivered at the end ${undelivered}`]
        : []),
      ...(runs.length === 0 || !runStates.some((r) => r.status === 'succeeded')
        ? [`no matching run succeeded (${JSON.stringify(runStates)})`]
        : []),
      ...(minutes.length > 1 && last.apiRss > first.apiRss * 1.5
        ? [`API RSS grew from ${fmt(first.apiRss)} to ${fmt(last.apiRss)} MB`]
        : []),
      ...(minutes.length > 1 && last.workerRss > first.workerRss * 1.5
        ? [`worker RSS grew from ${fmt(first.workerRss)} to ${fmt(last.workerRss)} MB`]
        : []),
      ...(last.connections > first.connections + 2
        ? [`PostgreSQL connections grew from ${first.connections} to ${last.connections}`]
        : []),
    ];
    console.log(
      `\n${fmt(counts.requests)} requests in ${MINUTES} min; ${counts.unexpected} answered other than expected` +
        (unexpected.size ? ` (${[...unexpected].map(([k, n]) => `${k}: ${n}`).join(', ')})` : '') +
        `; ${fresh} new entries; matching runs ${JSON.stringify(runStates)}; ${final.detail}`,
    );
    console.log(
      failures.length ? `FAILED:\n  ${failures.join('\n  ')}` : 'ok: flat, no 5xx, no lost jobs',
    );
    summarise(
      'soak',
      `${fmt(counts.requests)} requests in ${MINUTES} min, 5xx ${counts.errors5xx}, lost ${final.total + undelivered}; ` +
        `RSS API ${fmt(first.apiRss)}→${fmt(last.apiRss)} MB, worker ${fmt(first.workerRss)}→${fmt(last.workerRss)} MB; ` +
        `PG connections ${first.connections}→${last.connections}; ${failures.length ? 'FAILED' : 'ok'}`,
      { fixedS: MINUTES * 60 },
    );
  } finally {
    redis?.disconnect();
    await stack.close();
  }
  if (failures?.length) process.exit(1);
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
