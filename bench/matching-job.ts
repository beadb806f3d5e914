/**
 * A matching run through the real job: enrolments loaded from PostgreSQL, the engine, the pairs
 * saved in bulk. On a database of its own (bench/lib/stack.ts), so it never touches a dev database.
 *
 *   npm run bench:matching-job -- --per-side 10000 [--seed 1]
 *
 * It runs compiled (tsconfig.bench.json), as production does: the engine's thread and, from
 * 4,000 people on, its helper thread start from JavaScript.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { Transactions } from '../src/database/transactions';
import { JobHandlers } from '../src/jobs/job-handlers';
import { MatchingJob } from '../src/penpal/matching-job';
import { systemClock } from '../src/common/clock';
import { seedPenpalRound } from './lib/penpal-seed';
import { benchDatabase } from './lib/stack';
import { numberArg as arg } from './lib/cli';
import { measuring, summarise } from './lib/summary';

const perSide = arg('per-side', 10000);
const seed = arg('seed', 1);

async function main(): Promise<void> {
  const db = await benchDatabase('job');
  const ds = await new DataSource(dataSourceOptions(db.url)).initialize();
  try {
    await measure(ds);
  } finally {
    await ds.destroy();
    await db.drop();
  }
}

async function measure(ds: DataSource): Promise<void> {
  const { runId, seedMs } = await seedPenpalRound(ds, perSide, seed);
  measuring();
  const job = new MatchingJob(new Transactions(ds), new JobHandlers(), systemClock);
  const t1 = performance.now();
  await job.run(runId);
  const jobMs = Math.round(performance.now() - t1);
  const [done] = await ds.query('SELECT status, error, stats FROM matching_runs WHERE id = $1', [
    runId,
  ]);
  const saved = await ds.query('SELECT count(*)::int AS n FROM penpal_matches WHERE run_id = $1', [
    runId,
  ]);
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
  summarise(
    'matching-job',
    `${perSide} a side: job ${jobMs} ms (solve ${d.solve} ms, save ${d.save} ms), ${done.stats.pairs} pairs, peak RSS ${peakRssMb} MB`,
    { jobMs, solveMs: d.solve, peakRssMb },
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
