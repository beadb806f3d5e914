import { JobName } from '../src/jobs/job-registry';
import { MaintenanceTasks } from '../src/jobs/maintenance';
import { QueueService } from '../src/jobs/queue.service';
import { competition, person, programme, waitUntil } from './support/competitions';
import { Harness } from './support/harness';
import { closedPenpalRound } from './support/penpal';
import { createRound } from './support/judging';

describe('hourly maintenance (e2e: re-queues lost runs, sweeps expired keys)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
  });
  afterAll(() => h.stop());

  const queue = (name: string) => h.api.get(QueueService).queue(name as 'deadlines');

  it('is scheduled every hour by the worker, and the reminder sweep every five minutes', async () => {
    const schedulers = await queue('maintenance').getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.every])).toEqual([['maintenance', 3600_000]]);
    const sweeps = await queue('deadlines').getJobSchedulers();
    expect(sweeps.map((s) => [s.key, s.every])).toEqual([['reminders', 300_000]]);
  });

  it('deletes idempotency keys past 24 h, and a second run finds nothing more to do', async () => {
    const entrant = await person(h, 'KR');
    await h.db.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, response_status, response_body, created_at)
       VALUES ($1, 'old', 'x', 200, '{}', now() - interval '25 hours'), ($1, 'fresh', 'y', 200, '{}', now())`,
      [entrant.id],
    );

    const result = await h.worker!.get(MaintenanceTasks).runAll();
    expect(result).toMatchObject({
      'idempotency keys': { deleted: 1 },
      'declared judge conflicts': { competitions: 0, judges: 0, assignmentsWithdrawn: 0 },
      letters: { delivered: 0, travelling: 0 },
    });
    // Reminders are the sweep's: nothing of theirs is left to repair here.
    expect(Object.keys(result).filter((k) => k.includes('reminder'))).toEqual([]);
    const keys = await h.db.query('SELECT key FROM idempotency_keys WHERE user_id = $1', [
      entrant.id,
    ]);
    expect(keys).toEqual([{ key: 'fresh' }]);

    expect(await h.worker!.get(MaintenanceTasks).runAll()).toMatchObject({
      'idempotency keys': { deleted: 0 },
    });
  });

  it('queues again a matching or assignment run whose job was not added after its row committed', async () => {
    const coordinator = await h.userWithRoles(['coordinator']);
    const programmeId = await programme(h, coordinator.token, 'requeue');
    const roundId = await closedPenpalRound(h, coordinator.token, programmeId);
    const c = await competition(h, coordinator.token, programmeId);
    const judging = await createRound(h, coordinator.token, c.id);
    // Each row committed, and then Redis failed before its job was added.
    const [run] = await h.db.query(
      `INSERT INTO matching_runs (round_id, seed, created_by) VALUES ($1, '1', $2) RETURNING id`,
      [roundId, coordinator.id],
    );
    const [assignment] = await h.db.query(
      `INSERT INTO judge_assignment_runs (round_id, status, created_by_id) VALUES ($1, 'queued', $2) RETURNING id`,
      [judging.id, coordinator.id],
    );

    const result = await h.worker!.get(MaintenanceTasks).runAll();
    expect(result).toMatchObject({
      'queued matching runs': { queued: 1 },
      'queued assignment runs': { queued: 1 },
    });
    const status = async (table: string, id: string) =>
      (
        (await h.db.query(`SELECT status FROM ${table} WHERE id = $1`, [id])) as {
          status: string;
        }[]
      )[0].status;
    await waitUntil(
      'both runs',
      async () =>
        (await status('matching_runs', run.id)) === 'succeeded' &&
        (await status('judge_assignment_runs', assignment.id)) === 'succeeded',
    );
    expect(await h.worker!.get(MaintenanceTasks).runAll()).toMatchObject({
      'queued matching runs': { queued: 0 },
      'queued assignment runs': { queued: 0 },
    });
  });

  it('queues again a queued run whose earlier job has finished (BullMQ ignores an add under its id)', async () => {
    const coordinator = await h.userWithRoles(['coordinator']);
    const programmeId = await programme(h, coordinator.token, 'requeue-finished');
    const roundId = await closedPenpalRound(h, coordinator.token, programmeId);
    // Its job ran while the row was not claimable (here: marked failed), and BullMQ keeps it as
    // completed for a day; then the row is queued again (a retry by hand, a lost write).
    const [run] = await h.db.query(
      `INSERT INTO matching_runs (round_id, seed, created_by, status) VALUES ($1, '7', $2, 'failed') RETURNING id`,
      [roundId, coordinator.id],
    );
    const status = async () =>
      (
        (await h.db.query(`SELECT status FROM matching_runs WHERE id = $1`, [run.id])) as {
          status: string;
        }[]
      )[0].status;
    await h.api
      .get(QueueService)
      .add(JobName.RunPenpalMatching, { runId: run.id }, { jobId: run.id });
    const job = () => queue('penpal-matching').getJobState(run.id);
    await waitUntil('the first job', async () => (await job()) === 'completed');
    await h.db.query(`UPDATE matching_runs SET status = 'queued' WHERE id = $1`, [run.id]);

    const result = await h.worker!.get(MaintenanceTasks).runAll();
    expect(result).toMatchObject({ 'queued matching runs': { queued: 1 } });
    await waitUntil('the run again', async () => (await status()) === 'succeeded');
  });

  it('queues again a run left running by a job that no longer lives (a worker killed during it)', async () => {
    const coordinator = await h.userWithRoles(['coordinator']);
    const programmeId = await programme(h, coordinator.token, 'requeue-running');
    const roundId = await closedPenpalRound(h, coordinator.token, programmeId);
    const [run] = await h.db.query(
      `INSERT INTO matching_runs (round_id, seed, created_by, status, started_at)
       VALUES ($1, '8', $2, 'running', now()) RETURNING id`,
      [roundId, coordinator.id],
    );

    // While its job lives (here: delayed), the run is left alone.
    await h.api
      .get(QueueService)
      .add(JobName.RunPenpalMatching, { runId: run.id }, { jobId: run.id, delay: 3600_000 });
    expect(await h.worker!.get(MaintenanceTasks).runAll()).toMatchObject({
      'queued matching runs': { queued: 0, lost: 0 },
    });
    await queue('penpal-matching').remove(run.id);

    const result = await h.worker!.get(MaintenanceTasks).runAll();
    expect(result).toMatchObject({ 'queued matching runs': { queued: 0, lost: 1 } });
    await waitUntil(
      'the run',
      async () =>
        (await h.db.query(`SELECT status FROM matching_runs WHERE id = $1`, [run.id]))[0].status ===
        'succeeded',
    );
  });
});
