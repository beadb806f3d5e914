import { extensionReminderJobId, reminderJobId } from '../src/competitions/rules/reminders';
import { MaintenanceTasks } from '../src/jobs/maintenance';
import { QueueService } from '../src/jobs/queue.service';
import { judgeReminderJobId } from '../src/judging/reminders';
import { competition, inDays, person, programme, waitUntil } from './support/competitions';
import { auth, Harness } from './support/harness';
import { closedPenpalRound } from './support/penpal';
import { createRound } from './support/judging';

describe('hourly maintenance (e2e: repairs lost reminders, sweeps expired keys)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
  });
  afterAll(() => h.stop());

  const queue = (name: string) => h.api.get(QueueService).queue(name as 'deadlines');

  it('is scheduled every hour by the worker', async () => {
    const schedulers = await queue('maintenance').getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.every])).toEqual([['maintenance', 3600_000]]);
  });

  it('plans again the reminders Redis lost, and deletes idempotency keys past 24 h', async () => {
    const coordinator = await h.userWithRoles(['coordinator']);
    const programmeId = await programme(h, coordinator.token, 'maintenance');
    const closesAt = inDays(10);
    const c = await competition(h, coordinator.token, programmeId, {
      submissionClosesAt: closesAt,
    });
    const entrant = await person(h, 'KR');
    const draft = await h
      .http()
      .post(`/api/v1/competitions/${c.id}/submissions`)
      .set(auth(entrant.token))
      .send({ title: 'Late but coming' })
      .expect(201);
    const until = inDays(12);
    await h
      .http()
      .post(`/api/v1/submissions/${draft.body.id}/extension`)
      .set(auth(coordinator.token))
      .send({ until })
      .expect(200);
    const round = await createRound(h, coordinator.token, c.id, { closesAt: inDays(20) });

    // Redis loses every planned reminder (as if it failed right after each commit).
    await queue('deadlines').drain(true);
    await queue('judging').drain(true);
    const planned = [
      ['deadlines', reminderJobId(c.id, 72, new Date(closesAt))],
      ['deadlines', extensionReminderJobId(draft.body.id, 24, new Date(until))],
      ['judging', judgeReminderJobId(round.id, 48, new Date(round.closesAt as string))],
    ];
    for (const [q, id] of planned) expect(await queue(q).getJob(id)).toBeUndefined();

    await h.db.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, response_status, response_body, created_at)
       VALUES ($1, 'old', 'x', 200, '{}', now() - interval '25 hours'), ($1, 'fresh', 'y', 200, '{}', now())`,
      [entrant.id],
    );

    const result = await h.worker!.get(MaintenanceTasks).runAll();
    expect(result).toMatchObject({
      'deadline reminders': { competitions: 1, extensions: 1 },
      'idempotency keys': { deleted: 1 },
      'judging reminders': { rounds: 1 },
      'declared judge conflicts': { competitions: 0, judges: 0, assignmentsWithdrawn: 0 },
      letters: { delivered: 0, travelling: 0 },
    });
    for (const [q, id] of planned)
      expect(await (await queue(q).getJob(id))?.isDelayed()).toBe(true);
    const keys = await h.db.query('SELECT key FROM idempotency_keys WHERE user_id = $1', [
      entrant.id,
    ]);
    expect(keys).toEqual([{ key: 'fresh' }]);

    // Running again changes nothing: the jobs exist, the keys are fresh.
    expect(await h.worker!.get(MaintenanceTasks).runAll()).toMatchObject({
      'idempotency keys': { deleted: 0 },
    });
    expect(await queue('deadlines').getDelayedCount()).toBe(4); // 72 h and 24 h, close and extension
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
});
