/**
 * npm run bench:pg-roundtrip — the CPU one prepared query costs, on the API's side and on
 * PostgreSQL's, for each way of sending it: pg's own named Query (what preparedQuery sent before
 * StatementQuery) and StatementQuery, through the pool (a checkout per query) and on a client
 * held for the whole run; and, to compare, the same SQL unprepared and a statement that reads no
 * table. One connection, sequential queries (--queries N each, 20000), in --rounds R (5) rounds
 * alternating the ways; printed: the median ns/query of this process (process.cpuUsage) and of
 * the backend (/proc/<pid>/schedstat of pg_backend_pid()).
 * --set 'jit=off,plan_cache_mode=force_generic_plan' runs SET on the connection first.
 */
import { readFileSync } from 'node:fs';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { preparedQuery } from '../src/database/prepared';
import { StatementQuery } from '../src/database/statement-query';
import { benchDatabase, fmt, option } from './lib/stack';

const QUERIES = Number(option('queries') ?? 20_000);
const ROUNDS = Number(option('rounds') ?? 5);
const SETTINGS = option('set')?.split(',') ?? [];

const PRINCIPAL = `SELECT u.id, u.email, u.display_name AS "displayName", u.roles, u.locale,
            u.email_verified_at IS NOT NULL AS "emailVerified", s.created_at AS "createdAt"
       FROM users u JOIN auth_sessions s ON s.user_id = u.id
      WHERE u.id = $1 AND s.id = $2 AND s.revoked_at IS NULL AND u.deleted_at IS NULL`;

const backendNs = (pid: number) =>
  Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function statement(client: PoolClient, name: string, values: unknown[]): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    client.query(
      new StatementQuery(name, PRINCIPAL, values, (err, rows) =>
        err ? reject(err) : resolve(rows!),
      ) as never,
    );
  });
}

async function main() {
  const db = await benchDatabase('pgwire');
  const ds = await new DataSource(dataSourceOptions(db.url, undefined, 1)).initialize();
  // The same pool with min = max: pg-pool arms no idle timer on a release at its minimum.
  const atMin = dataSourceOptions(db.url, undefined, 1);
  Object.assign(atMin.extra as object, { min: 1 });
  const dsMin = await new DataSource(atMin).initialize();
  try {
    const pool = (ds.driver as unknown as { master: Pool }).master;
    for (const s of SETTINGS) {
      for (const d of [ds, dsMin]) await d.query(`SET ${s.replace('=', ' = ')}`);
    }
    await ds.query(
      `INSERT INTO users (email, display_name, roles, email_verified_at)
       SELECT 'u' || i || '@example.org', 'User ' || i, ARRAY['participant', 'judge'], now()
         FROM generate_series(1, 10000) i`,
    );
    await ds.query(`INSERT INTO auth_sessions (user_id) SELECT id FROM users`);
    await ds.query('ANALYZE');
    const pairs: [string, string][] = (
      await ds.query(`SELECT user_id, id FROM auth_sessions ORDER BY random() LIMIT 1000`)
    ).map((r: { user_id: string; id: string }) => [r.user_id, r.id]);
    const [{ pid: pid1 }] = await ds.query('SELECT pg_backend_pid() AS pid');
    const [{ pid: pid2 }] = await dsMin.query('SELECT pg_backend_pid() AS pid');
    const backendsNs = () => backendNs(pid1) + backendNs(pid2);
    console.log(
      `backends ${pid1} ${pid2}; settings: ${SETTINGS.join(', ') || 'server defaults'}; ` +
        (
          await ds.query(`SELECT string_agg(name || '=' || setting, ', ') AS s FROM pg_settings
                          WHERE name IN ('jit', 'plan_cache_mode', 'track_activities', 'track_counts')`)
        )[0].s,
    );

    // A held client is checked out once per round: what a single checkout per request would cost.
    type Way = (v: [string, string], client: PoolClient) => Promise<unknown>;
    const ways: Record<string, { held: boolean; run: Way }> = {
      'pg Query, pool.query': {
        held: false,
        run: (v) => pool.query({ name: 'principal_pg', text: PRINCIPAL, values: v }),
      },
      'StatementQuery, preparedQuery': {
        held: false,
        run: (v) => preparedQuery(ds, 'principal_kenal', PRINCIPAL, v),
      },
      'StatementQuery, pool min = max': {
        held: false,
        run: (v) => preparedQuery(dsMin, 'principal_kenal', PRINCIPAL, v),
      },
      'pg Query, held client': {
        held: true,
        run: (v, c) => c.query({ name: 'principal_pg', text: PRINCIPAL, values: v }),
      },
      'StatementQuery, held client': {
        held: true,
        run: (v, c) => statement(c, 'principal_kenal', v),
      },
      // PostgreSQL parses and plans an unnamed statement on every run, as for TypeORM's queries.
      'pg unnamed, held client': { held: true, run: (v, c) => c.query(PRINCIPAL, v) },
      // The protocol's floor: a statement that reads no table.
      'StatementQuery SELECT $1, held': {
        held: true,
        run: (v, c) =>
          new Promise((resolve, reject) => {
            c.query(
              new StatementQuery('floor', 'SELECT $1::uuid AS id', [v[0]], (err, rows) =>
                err ? reject(err) : resolve(rows!),
              ) as never,
            );
          }),
      },
    };
    const api: Record<string, number[]> = {};
    const pgNs: Record<string, number[]> = {};
    for (let round = 0; round < ROUNDS; round++) {
      const names = Object.keys(ways);
      if (round % 2) names.reverse();
      for (const name of names) {
        const way = ways[name];
        const client = way.held ? await pool.connect() : (undefined as unknown as PoolClient);
        const useHeld = (v: [string, string]) => way.run(v, client);
        for (let i = 0; i < 500; i++) await useHeld(pairs[i % pairs.length]);
        const b0 = backendsNs();
        const a0 = process.cpuUsage();
        for (let i = 0; i < QUERIES; i++) {
          const rows = (await useHeld(pairs[i % pairs.length])) as unknown;
          if (i === 0 && !rowsOf(rows).length) throw new Error(`${name}: no row`);
        }
        const a = process.cpuUsage(a0);
        const b = backendsNs() - b0;
        if (way.held) client.release();
        (api[name] ??= []).push(((a.user + a.system) * 1000) / QUERIES);
        (pgNs[name] ??= []).push(b / QUERIES);
      }
    }
    console.log(`median of ${ROUNDS} rounds × ${fmt(QUERIES)} queries, ns/query:`);
    for (const name of Object.keys(ways)) {
      console.log(
        `  ${name.padEnd(32)} API ${fmt(median(api[name])).padStart(7)}   PostgreSQL ${fmt(median(pgNs[name])).padStart(7)}`,
      );
    }
  } finally {
    await dsMin.destroy();
    await ds.destroy();
    await db.drop();
  }
}

const rowsOf = (r: unknown): unknown[] => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows);

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
