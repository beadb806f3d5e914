/**
 * npm run bench:reminders — the reminder sweeps (entry deadlines and judging rounds) on a seeded
 * database, run in this process at a simulated clock, one sweep every REMINDER_SWEEP_EVERY_MS.
 *
 * Seeds in SQL: --competitions C (200) closing about every 7 h (at any minute) over two months, each with 100
 * teams of two (70 % drafts, a tenth of those with a 2-day extension, the rest submitted), and one
 * open judging round per competition closing a day after it, with 10 judges and two judges per
 * submitted entry. Then sweeps every 5 simulated minutes for --days D (4) and prints:
 * - timeliness: reminders sent against those expected (a moment inside the window, for each draft
 *   team or judge with unfinished entries), and their lateness (sent_at − moment: max and mean);
 * - cost: SQL statements per sweep (sending nothing, or reminding someone), and CPU per sweep, of this process
 *   (process.cpuUsage) and of the PostgreSQL backends (/proc/<pid>/stat), not wall-clock time.
 */
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource, type Logger as OrmLogger } from 'typeorm';
import type { Clock } from '../src/common/clock';
import { EntryReminderSweep } from '../src/competitions/entry-reminder-sweep';
import { REMINDER_HOURS } from '../src/competitions/rules/reminders';
import type { AppConfig } from '../src/config/app-config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { Transactions } from '../src/database/transactions';
import { REMINDER_SWEEP_EVERY_MS } from '../src/jobs/reminder-plan';
import { ReminderSweeps } from '../src/jobs/reminder-sweep';
import { JudgingReminderSweep } from '../src/judging/reminder-sweep';
import { JudgeReminderSender } from '../src/judging/reminder-sender';
import { JUDGE_REMINDER_HOURS } from '../src/judging/reminders';
import { OutboxService } from '../src/notifications/outbox.service';
import { benchDatabase, cpuSeconds, fmt, option, seedPopulation } from './lib/stack';
import { measuring, summarise } from './lib/summary';

const COMPETITIONS = Number(option('competitions') ?? 200);
const DAYS = Number(option('days') ?? 4);
const TEAMS = 100;
const H = 3600_000;

async function seed(db: Client, start: number) {
  await seedPopulation(db, COMPETITIONS * TEAMS * 2);
  const [{ id: adminId }] = (await db.query(`SELECT id FROM users LIMIT 1`)).rows;
  await db.query(`UPDATE users SET roles = '{judge}' WHERE email ~ '^person-[0-9]{1,2}@'`);
  const [{ id: programmeId }] = (
    await db.query(
      `INSERT INTO programmes (name, slug, timezone) VALUES ('Bench', 'bench', 'Asia/Seoul') RETURNING id`,
    )
  ).rows;
  await db.query(
    `INSERT INTO competitions (programme_id, kind, title, slug, submission_opens_at, submission_closes_at, rubric)
     SELECT $1, 'short_movie', 'Cup ' || g, 'cup-' || g, $2::timestamptz - interval '30 days',
            $2::timestamptz + (g * 7 + 1) * interval '1 hour' + (g * 37 % 60) * interval '1 minute', '[]'
       FROM generate_series(0, $3 - 1) g`,
    [programmeId, new Date(start), COMPETITIONS],
  );
  await db.query(
    `INSERT INTO teams (competition_id, name, leader_id)
     SELECT c.id, 'Team ' || ((split_part(c.slug, '-', 2)::int) * $1 + g),
            (SELECT id FROM users WHERE email = 'person-' || (2 * ((split_part(c.slug, '-', 2)::int) * $1 + g) + 1) || '@bench.test')
       FROM competitions c, generate_series(0, $1 - 1) g`,
    [TEAMS],
  );
  await db.query(
    `INSERT INTO team_members (team_id, user_id, competition_id)
     SELECT t.id, u.id, t.competition_id FROM teams t
       JOIN users u ON u.email IN ('person-' || (2 * split_part(t.name, ' ', 2)::int + 1) || '@bench.test',
                                   'person-' || (2 * split_part(t.name, ' ', 2)::int + 2) || '@bench.test')`,
  );
  // Seven in ten a draft; a tenth of the drafts extended by two days; the rest submitted.
  await db.query(
    `INSERT INTO submissions (competition_id, team_id, kind, title, status, fields, version, created_by_id, submitted_at, extension_until)
     SELECT t.competition_id, t.id, 'short_movie', 'Film of ' || t.name,
            CASE WHEN n % 10 < 7 THEN 'draft' ELSE 'submitted' END, '{}', 1, t.leader_id,
            CASE WHEN n % 10 < 7 THEN NULL ELSE now() END,
            CASE WHEN n % 10 = 0 THEN c.submission_closes_at + interval '2 days' END
       FROM (SELECT t.*, split_part(t.name, ' ', 2)::int AS n FROM teams t) t
       JOIN competitions c ON c.id = t.competition_id`,
  );
  await db.query(
    `INSERT INTO judge_pool_members (competition_id, user_id, added_by_id)
     SELECT c.id, u.id, $1 FROM competitions c, users u WHERE 'judge' = ANY(u.roles)
        AND split_part(split_part(u.email, '-', 2), '@', 1)::int % 10 = split_part(c.slug, '-', 2)::int % 10`,
    [adminId],
  );
  await db.query(
    `INSERT INTO judging_rounds (competition_id, name, judges_per_entry, blind, closes_at, source, status, created_by_id)
     SELECT id, 'Round 1', 2, false, submission_closes_at + interval '1 day', '{"type":"all_submitted"}', 'open', $1
       FROM competitions`,
    [adminId],
  );
  await db.query(
    `INSERT INTO judge_assignments (round_id, submission_id, judge_id, origin)
     SELECT r.id, s.id, pm.user_id, 'solver'
       FROM judging_rounds r JOIN submissions s ON s.competition_id = r.competition_id AND s.status = 'submitted'
       JOIN LATERAL (SELECT user_id FROM judge_pool_members WHERE competition_id = r.competition_id
                      ORDER BY md5(user_id::text || s.id::text) LIMIT 2) pm ON true`,
  );
}

/** Reminders whose moment falls in [from, to): one per draft team (or judge) and deadline. */
async function expected(
  db: Client,
  from: Date,
  to: Date,
): Promise<{ entry: number; judge: number }> {
  const [entry] = (
    await db.query(
      `WITH d AS (
         SELECT s.id, CASE WHEN s.extension_until > c.submission_closes_at THEN s.extension_until
                           ELSE c.submission_closes_at END AS deadline
           FROM submissions s JOIN competitions c ON c.id = s.competition_id WHERE s.status = 'draft')
       SELECT count(*)::int AS n FROM d, unnest($3::int[]) h
        WHERE d.deadline - h * interval '1 hour' >= $1 AND d.deadline - h * interval '1 hour' < $2`,
      [from, to, [...REMINDER_HOURS]],
    )
  ).rows;
  const [judge] = (
    await db.query(
      `SELECT count(*)::int AS n FROM (SELECT DISTINCT r.id, a.judge_id, r.closes_at FROM judging_rounds r
         JOIN judge_assignments a ON a.round_id = r.id) j, unnest($3::int[]) h
        WHERE j.closes_at - h * interval '1 hour' >= $1 AND j.closes_at - h * interval '1 hour' < $2`,
      [from, to, [...JUDGE_REMINDER_HOURS]],
    )
  ).rows;
  return { entry: entry.n, judge: judge.n };
}

/** Lateness of the reminders whose moment came after `from`; `early`: those sent for a moment before it. */
async function lateness(db: Client, table: string, from: Date) {
  const [r] = (
    await db.query(
      `SELECT count(*) FILTER (WHERE at >= $1)::int AS n, count(*) FILTER (WHERE at < $1)::int AS early,
              max(extract(epoch FROM sent_at - at)) FILTER (WHERE at >= $1) AS max,
              avg(extract(epoch FROM sent_at - at)) FILTER (WHERE at >= $1) AS mean
         FROM (SELECT sent_at, closes_at - hours_before * interval '1 hour' AS at FROM ${table}) r`,
      [from],
    )
  ).rows;
  return {
    n: r.n as number,
    early: r.early as number,
    max: Number(r.max ?? 0),
    mean: Number(r.mean ?? 0),
  };
}

async function main() {
  Logger.overrideLogger(['error']);
  const database = await benchDatabase('reminders');
  const db = new Client({ connectionString: database.url });
  await db.connect();
  // A clock an hour past a whole hour: the first deadlines are 1 h, 8 h, ... ahead.
  const start = Math.ceil(Date.now() / H) * H;
  let statements = 0;
  const counter: OrmLogger = {
    logQuery: () => void (statements += 1),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  const ds = await new DataSource({
    ...dataSourceOptions(database.url),
    logging: ['query'],
    logger: counter,
  }).initialize();
  try {
    await seed(db, start);
    const seeded = (await db.query(`SELECT count(*)::int AS n FROM submissions`)).rows[0].n;
    measuring();
    let now = start;
    const clock: Clock = { now: () => new Date(now) };
    const config = { PUBLIC_URL: 'https://kenal.example' } as AppConfig;
    const outbox = new OutboxService();
    const sweeps = new ReminderSweeps();
    const tx = new Transactions(ds);
    new EntryReminderSweep(tx, outbox, config, clock, sweeps);
    new JudgingReminderSweep(tx, new JudgeReminderSender(outbox, config), clock, sweeps);
    // Warm the pool so every backend is counted from the start.
    await Promise.all(Array.from({ length: 5 }, () => ds.query('SELECT 1')));
    const backends: number[] = (
      await db.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [database.name],
      )
    ).rows.map((r: { pid: number }) => r.pid);
    const pgCpu = () => backends.reduce((t, pid) => t + cpuSeconds(pid), 0);

    const quiet = { sweeps: 0, statements: 0, node: 0, pg: 0 };
    const busy = { sweeps: 0, statements: 0, node: 0, pg: 0, reminders: 0 };
    const end = start + DAYS * 24 * H;
    for (; now < end; now += REMINDER_SWEEP_EVERY_MS) {
      const s0 = statements;
      const c0 = process.cpuUsage();
      const p0 = pgCpu();
      const out = (await sweeps.runAll()) as Record<string, Record<string, number>>;
      const c = process.cpuUsage(c0);
      const sent = (out['entry deadlines'].teams ?? 0) + (out['judging deadlines'].judges ?? 0);
      const into = sent > 0 ? busy : quiet;
      into.sweeps += 1;
      into.statements += statements - s0;
      into.node += (c.user + c.system) / 1e6;
      into.pg += pgCpu() - p0;
      if (sent > 0) busy.reminders += sent;
    }
    const want = await expected(db, new Date(start), new Date(end));
    const entries = await lateness(db, 'deadline_reminders', new Date(start));
    const judges = await lateness(db, 'judging_reminders', new Date(start));
    const per = (x: { sweeps: number }, v: number, digits = 1) =>
      fmt(x.sweeps ? v / x.sweeps : 0, digits);
    console.log(
      `${COMPETITIONS} competitions, ${fmt(seeded)} entries, ${COMPETITIONS} open rounds; ` +
        `${fmt(quiet.sweeps + busy.sweeps)} sweeps every ${REMINDER_SWEEP_EVERY_MS / 60_000} min over ${DAYS} simulated days`,
    );
    console.log(
      `entry reminders: ${entries.n} sent of ${want.entry} due; lateness max ${fmt(entries.max)} s, mean ${fmt(entries.mean)} s ` +
        `(and ${entries.early} whose moment came less than an hour before the first sweep)`,
    );
    console.log(
      `judge reminders: ${judges.n} sent of ${want.judge} due; lateness max ${fmt(judges.max)} s, mean ${fmt(judges.mean)} s ` +
        `(and ${judges.early} whose moment came less than an hour before the first sweep)`,
    );
    console.log(
      `sweeps that sent nothing (${quiet.sweeps}): ${per(quiet, quiet.statements)} statements, ` +
        `node ${per(quiet, quiet.node * 1000)} ms CPU, PostgreSQL ${per(quiet, quiet.pg * 1000)} ms CPU each`,
    );
    console.log(
      `sweeps that reminded (${busy.sweeps}, ${busy.reminders} recipients): ${per(busy, busy.statements)} statements, ` +
        `node ${per(busy, busy.node * 1000)} ms CPU, PostgreSQL ${per(busy, busy.pg * 1000)} ms CPU each`,
    );
    summarise(
      'reminders',
      `entry ${entries.n}/${want.entry} sent, judge ${judges.n}/${want.judge}; lateness max ${fmt(Math.max(entries.max, judges.max))} s; ` +
        `statements per sweep ${per(quiet, quiet.statements)} quiet, ${per(busy, busy.statements)} reminding`,
    );
  } finally {
    await ds.destroy();
    await db.end();
    await database.drop();
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
