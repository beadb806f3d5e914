import { JudgingReminderSweep } from '../src/judging/reminder-sweep';
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
import { sweepAt, unscheduleSweeps } from './support/reminders';
import { sleep } from './support/wait';

const H = 3600_000;

const reminders = (h: Harness, who: Person) =>
  h.smtp.to(who.email).filter((m) => m.subject.includes('scores still open'));

/** 48 h and 12 h reminders by the sweep, following the close, and the coordinator's "remind now". */
describe('judging: reminders (e2e)', () => {
  let h: Harness;
  let coordinator: Person;
  let busy: Person;
  let done: Person;
  let competitionId: string;

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    await unscheduleSweeps(h);
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

  const sweep = (at: number) => sweepAt(h, at, () => h.worker!.get(JudgingReminderSweep).sweep());
  const ledger = (roundId: string) =>
    h.db.query(
      `SELECT judge_id AS "judgeId", hours_before AS hours, closes_at AS "closesAt"
         FROM judging_reminders WHERE round_id = $1 ORDER BY sent_at`,
      [roundId],
    );

  it('reminds judges with unfinished entries 48 h and 12 h before the close, once each, and not those who finished', async () => {
    const closesAt = Date.parse(inDays(3));
    const round = await createRound(h, coordinator.token, competitionId, {
      judgesPerEntry: 2,
      closesAt: new Date(closesAt).toISOString(),
    });
    await assign(h, coordinator.token, round.id);
    // A round still in draft reminds nobody.
    expect(await sweep(closesAt - 48 * H + 60_000)).toEqual({ rounds: 0, judges: 0 });
    await openRound(h, coordinator.token, round.id);
    await finishAll(done);

    expect(await sweep(closesAt - 48 * H + 120_000)).toEqual({ rounds: 1, judges: 1 });
    // Two sweeps at once (two workers) remind once.
    const twice = await Promise.all([sweep(closesAt - 12 * H), sweep(closesAt - 12 * H)]);
    expect(twice.map((r) => r.judges).sort()).toEqual([0, 1]);
    expect(await sweep(closesAt - 12 * H + 300_000)).toEqual({ rounds: 1, judges: 0 });
    expect(await sweep(closesAt + 60_000)).toEqual({ rounds: 0, judges: 0 });

    await waitUntil('both reminders', async () => reminders(h, busy).length === 2);
    expect(reminders(h, busy)[0].text).toContain('2 of your entries');
    await sleep(300);
    expect(reminders(h, busy)).toHaveLength(2);
    expect(reminders(h, done)).toHaveLength(0);
    expect(await ledger(round.id)).toEqual([
      { judgeId: busy.id, hours: 48, closesAt: new Date(closesAt) },
      { judgeId: busy.id, hours: 12, closesAt: new Date(closesAt) },
    ]);
  });

  it('follows a moved close: the old moment reminds nobody, and the new close reminds again', async () => {
    // Later than the first round's close, so that round is over when this one's reminders are due.
    const closesAt = Date.parse(inDays(4));
    const round = await createRound(h, coordinator.token, competitionId, {
      name: 'Moved',
      judgesPerEntry: 1,
      closesAt: new Date(closesAt).toISOString(),
    });
    await assign(h, coordinator.token, round.id);
    await openRound(h, coordinator.token, round.id);
    expect(await sweep(closesAt - 12 * H + 60_000)).toMatchObject({ rounds: 1 });
    const reminded = (await ledger(round.id)).length;
    expect(reminded).toBeGreaterThan(0);
    const moved = Date.parse(inDays(6));
    await h
      .http()
      .patch(`/api/v1/judging-rounds/${round.id}`)
      .set(auth(coordinator.token))
      .send({ closesAt: new Date(moved).toISOString() })
      .expect(200);
    expect(await sweep(closesAt - 12 * H + 120_000)).toEqual({ rounds: 0, judges: 0 });
    expect(await sweep(moved - 12 * H)).toEqual({ rounds: 1, judges: reminded });
    const log = await ledger(round.id);
    expect(log.map((r: { closesAt: Date }) => r.closesAt.getTime())).toEqual([
      ...Array(reminded).fill(closesAt),
      ...Array(reminded).fill(moved),
    ]);
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
