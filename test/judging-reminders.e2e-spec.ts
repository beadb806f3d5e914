import { JobName, JOBS } from '../src/jobs/job-registry';
import { QueueService } from '../src/jobs/queue.service';
import { JudgingReminderHandler } from '../src/judging/reminder.handler';
import { judgeReminderJobId } from '../src/judging/reminders';
import { competition, inDays, type Person, programme, waitUntil } from './support/competitions';
import { auth, Harness } from './support/harness';
import {
  addJudge,
  assign,
  createRound,
  myAssignments,
  openRound,
  profiled,
  submittedEntry,
} from './support/judging';
import { sleep } from './support/wait';

const reminders = (h: Harness, who: Person) =>
  h.smtp.to(who.email).filter((m) => m.subject.includes('scores still open'));

/** 48 h and 12 h reminders as delayed jobs that follow the close, and the coordinator's "remind now". */
describe('judging: reminders (e2e)', () => {
  let h: Harness;
  let coordinator: Person;
  let busy: Person;
  let done: Person;
  let competitionId: string;

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    coordinator = await h.userWithRoles(['coordinator']);
    const programmeId = await programme(h, coordinator.token, 'judging-reminders');
    competitionId = (await competition(h, coordinator.token, programmeId)).id;
    busy = await profiled(h, { name: 'Busy Judge', country: 'BN', roles: ['judge'] });
    done = await profiled(h, { name: 'Done Judge', country: 'MM', roles: ['judge'] });
    for (const [i, country] of ['KR', 'TH'].entries()) {
      const leader = await profiled(h, { name: `Entrant ${i}`, country });
      await submittedEntry(h, competitionId, leader, [], `Team ${i}`, `Film ${i}`);
    }
    await addJudge(h, coordinator.token, competitionId, busy.id);
    await addJudge(h, coordinator.token, competitionId, done.id);
  }, 60000);
  afterAll(() => h.stop());

  const finishAll = async (judge: Person) => {
    for (const a of await myAssignments(h, judge)) {
      if (a.score.state === 'final') continue;
      await h
        .http()
        .put(`/api/v1/assignments/${a.id}/score`)
        .set(auth(judge.token))
        .send({ scores: { story: 5, craft: 5 }, final: true })
        .expect(200);
    }
  };

  it('reminds judges with unfinished entries 12 h before the close, once, and not those who finished', async () => {
    const closesAt = new Date(Date.now() + 12 * 3600_000 + 600_000);
    const round = await createRound(h, coordinator.token, competitionId, {
      judgesPerEntry: 2,
      closesAt: closesAt.toISOString(),
    });
    const queue = h.api.get(QueueService).queue(JOBS[JobName.JudgingReminder].queue);
    // The 48 h moment has passed already: only the 12 h job exists.
    expect(await queue.getJob(judgeReminderJobId(round.id, 48, closesAt))).toBeUndefined();
    const job = await queue.getJob(judgeReminderJobId(round.id, 12, closesAt));
    expect(job).toBeDefined();
    await assign(h, coordinator.token, round.id);
    await openRound(h, coordinator.token, round.id);
    await finishAll(done);
    // The 12 h moment comes now rather than in 10 minutes.
    await job!.promote();

    await waitUntil('the 12 h reminder', async () => reminders(h, busy).length > 0);
    expect(reminders(h, busy)[0].text).toContain('2 of your entries');
    await sleep(300);
    expect(reminders(h, busy)).toHaveLength(1);
    expect(reminders(h, done)).toHaveLength(0);
    const log = await h.db.query(`SELECT judge_id FROM judging_reminders WHERE round_id = $1`, [
      round.id,
    ]);
    expect(log).toEqual([{ judge_id: busy.id }]);
  });

  it('moves the reminders with the close, so the old moment reminds nobody', async () => {
    const closesAt = new Date(Date.now() + 12 * 3600_000 + 600_000);
    const round = await createRound(h, coordinator.token, competitionId, {
      name: 'Moved',
      judgesPerEntry: 1,
      closesAt: closesAt.toISOString(),
    });
    await assign(h, coordinator.token, round.id);
    await openRound(h, coordinator.token, round.id);
    const moved = new Date(inDays(5));
    await h
      .http()
      .patch(`/api/v1/judging-rounds/${round.id}`)
      .set(auth(coordinator.token))
      .send({ closesAt: moved.toISOString() })
      .expect(200);
    const queue = h.api.get(QueueService).queue(JOBS[JobName.JudgingReminder].queue);
    expect(await queue.getJob(judgeReminderJobId(round.id, 12, closesAt))).toBeUndefined();
    expect(await queue.getJob(judgeReminderJobId(round.id, 48, moved))).toBeDefined();
    expect(await queue.getJob(judgeReminderJobId(round.id, 12, moved))).toBeDefined();
    // Should a job for the old moment still run, it reminds nobody.
    await h.worker!.get(JudgingReminderHandler).run({
      roundId: round.id,
      hoursBefore: 12,
      closesAt: closesAt.toISOString(),
    });
    const log = await h.db.query(`SELECT 1 FROM judging_reminders WHERE round_id = $1`, [round.id]);
    expect(log).toEqual([]);
  });

  it('lets the coordinator remind now everyone with unfinished entries', async () => {
    const round = await createRound(h, coordinator.token, competitionId, {
      name: 'Now',
      judgesPerEntry: 2,
    });
    await assign(h, coordinator.token, round.id);
    await openRound(h, coordinator.token, round.id);
    const before = { busy: reminders(h, busy).length, done: reminders(h, done).length };
    const res = await h
      .http()
      .post(`/api/v1/judging-rounds/${round.id}/remind`)
      .set(auth(coordinator.token))
      .expect(200);
    expect(res.body).toEqual({ reminded: 2 });
    // The two emails arrive in either order: wait for both.
    await waitUntil(
      'both reminders',
      async () =>
        reminders(h, busy).length > before.busy && reminders(h, done).length > before.done,
    );
  });
});
