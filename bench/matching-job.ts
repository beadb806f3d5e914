/**
 * A matching run through the real job: enrolments loaded from PostgreSQL, the engine, the pairs
 * saved in bulk. Builds its own database (kenal_bench_job), so it never touches a dev database.
 *
 *   npm run bench:matching-job -- --per-side 10000 [--seed 1]
 *
 * It runs compiled (tsconfig.bench.json), as production does: the engine's thread and, from
 * 4,000 people on, its helper thread start from JavaScript.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { JobHandlers } from '../src/jobs/job-handlers';
import { MatchingJob } from '../src/penpal/matching-job';
import { generatePopulation } from './lib/population';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const perSide = arg('per-side', 10000);
const seed = arg('seed', 1);
const server = new URL(
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
);
const DB = 'kenal_bench_job';
const CHUNK = 5000;

async function bulk(
  ds: DataSource,
  table: string,
  columns: string[],
  types: string[],
  rows: unknown[][],
) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const params = columns.map((_, c) => chunk.map((r) => r[c]));
    // Array columns travel as their text form ('{a,b}') and are cast on the way in.
    const unnest = types.map((t, c) => `$${c + 1}::${t.endsWith('[]') ? 'text' : t}[]`).join(', ');
    const select = types.map((t, c) => `c${c}::${t}`).join(', ');
    const names = types.map((_, c) => `c${c}`).join(', ');
    await ds.query(
      `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select} FROM unnest(${unnest}) AS t(${names})`,
      params,
    );
  }
}

async function main(): Promise<void> {
  const admin = new Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  const url = new URL(server.toString());
  url.pathname = `/${DB}`;
  const ds = await new DataSource(dataSourceOptions(url.toString())).initialize();
  await ds.runMigrations();

  const input = generatePopulation({ perSide, seed });
  const closes = new Date('2027-06-30T00:00:00Z');
  const ids = new Map(input.participants.map((p) => [p.id, randomUUID()]));
  const t0 = performance.now();
  const people = input.participants;
  await bulk(
    ds,
    'users',
    ['id', 'email', 'display_name', 'password_hash', 'roles'],
    ['uuid', 'text', 'text', 'text', 'text[]'],
    people.map((p) => [ids.get(p.id), `${p.id}@bench.kenal`, p.id, null, '{applicant}']),
  );
  // Born on 31 December, `age` years before the close: exactly that age when enrolment closes.
  await bulk(
    ds,
    'profiles',
    ['user_id', 'country', 'date_of_birth', 'gender', 'languages', 'interests'],
    ['uuid', 'text', 'date', 'text', 'jsonb', 'text[]'],
    people.map((p) => [
      ids.get(p.id),
      p.country,
      `${closes.getUTCFullYear() - (p.age ?? 20) - 1}-12-31`,
      p.gender ?? null,
      JSON.stringify(p.languages),
      `{${p.interests.join(',')}}`,
    ]),
  );
  const minors = people.filter((p) => p.minor);
  await bulk(
    ds,
    'guardian_consents',
    ['user_id', 'guardian_name', 'guardian_email', 'token_hash', 'expires_at', 'confirmed_at'],
    ['uuid', 'text', 'text', 'text', 'timestamptz', 'timestamptz'],
    minors.map((p) => [
      ids.get(p.id),
      'Guardian',
      `g-${p.id}@bench.kenal`,
      randomUUID(),
      closes.toISOString(),
      p.consentConfirmed ? closes.toISOString() : null,
    ]),
  );
  const [programme] = await ds.query(
    `INSERT INTO programmes (name, slug, timezone) VALUES ('Bench', 'bench', 'Asia/Seoul') RETURNING id`,
  );
  const [round] = await ds.query(
    `INSERT INTO penpal_rounds (programme_id, name, enrolment_opens_at, enrolment_closes_at, penpals_per_participant, rules, weights, country_balance)
     VALUES ($1, 'Bench round', '2027-01-01', $2, $3, $4, $5, $6) RETURNING id`,
    [
      programme.id,
      closes,
      input.penpalsPerParticipant,
      input.rules,
      input.weights,
      input.countryBalance,
    ],
  );
  await bulk(
    ds,
    'penpal_enrolments',
    [
      'round_id',
      'user_id',
      'preferred_countries',
      'practise_languages',
      'gender_preference',
      'capacity',
    ],
    ['uuid', 'uuid', 'text[]', 'text[]', 'text', 'int'],
    people.map((p) => [
      round.id,
      ids.get(p.id),
      `{${(p.preferences?.preferredCountries ?? []).join(',')}}`,
      `{${(p.preferences?.practiseLanguages ?? []).join(',')}}`,
      p.preferences?.genderPreference ?? null,
      Math.min(p.preferences?.capacity ?? 1, input.penpalsPerParticipant ?? 1),
    ]),
  );
  const seedMs = Math.round(performance.now() - t0);
  const creator = ids.get(people[0].id);
  const [run] = await ds.query(
    `INSERT INTO matching_runs (round_id, seed, created_by) VALUES ($1, $2, $3) RETURNING id`,
    [round.id, String(seed), creator],
  );

  const job = new MatchingJob(ds, new JobHandlers());
  const t1 = performance.now();
  await job.run(run.id);
  const jobMs = Math.round(performance.now() - t1);
  const [done] = await ds.query('SELECT status, error, stats FROM matching_runs WHERE id = $1', [
    run.id,
  ]);
  const saved = await ds.query('SELECT count(*)::int AS n FROM penpal_matches WHERE run_id = $1', [
    run.id,
  ]);
  await ds.destroy();
  if (done.status !== 'succeeded') throw new Error(`run ${done.status}: ${done.error}`);
  const d = done.stats.durationMs;
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`matching job, ${perSide} per side (seed ${seed}); database seeded in ${seedMs} ms`);
  console.log(
    `  load ${d.load} ms · prepare ${d.prepare} ms · candidates ${d.candidates} ms · solve ${d.solve} ms · report ${d.report} ms · save ${d.save} ms`,
  );
  console.log(
    `  whole job ${jobMs} ms · pairs ${done.stats.pairs} (rows saved ${saved[0].n}) · matched people ${done.stats.matched} of ${done.stats.enrolled} · peak RSS ${peakRssMb} MB`,
  );
  console.log(
    JSON.stringify({
      perSide,
      seed,
      jobMs,
      ...d,
      pairs: done.stats.pairs,
      matchedPeople: done.stats.matched,
      peakRssMb,
    }),
  );
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
