import { competition, programme, type Person } from './support/competitions';
import { auth, Harness } from './support/harness';
import {
  addJudge,
  assign,
  createRound,
  myAssignments,
  openRound,
  profiled,
  replacedBy,
  submittedEntry,
} from './support/judging';
import { waitUntil } from './support/wait';
import { MaintenanceTasks } from '../src/jobs/maintenance';

/**
 * Recusals and pool changes answer before any solving: the worker tops the round up, and two
 * recusals at once both get their entry replaced. A settle that fails (here its connection is
 * cut while it waits to insert) is tried again with every top-up it held; the last attempt fails
 * exactly those, and a top-up queued after them still runs.
 */
describe('judging: top-ups after recusals run in the worker (e2e)', () => {
  let h: Harness;
  let coordinator: Person;
  let judges: Person[];
  let competitionId: string;
  let roundId: string;

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    coordinator = await h.userWithRoles(['coordinator']);
    const programmeId = await programme(h, coordinator.token, 'judging-top-ups');
    competitionId = (await competition(h, coordinator.token, programmeId)).id;
    judges = [];
    for (const country of ['KR', 'VN', 'TH', 'ID', 'SG', 'LA', 'MM', 'MY', 'BN']) {
      const judge = await profiled(h, { name: `Judge ${country}`, country, roles: ['judge'] });
      await addJudge(h, coordinator.token, competitionId, judge.id);
      judges.push(judge);
    }
    for (const [team, title, country] of [
      ['Harbour Crew', 'Tides', 'PH'],
      ['Hill Crew', 'Terraces', 'KH'],
    ]) {
      const leader = await profiled(h, { name: `${team} lead`, country });
      await submittedEntry(h, competitionId, leader, [], team, title);
    }
    roundId = (await createRound(h, coordinator.token, competitionId, { judgesPerEntry: 2 })).id;
    await assign(h, coordinator.token, roundId);
    await openRound(h, coordinator.token, roundId);
  }, 60000);
  afterAll(() => h.stop());

  const active = async (): Promise<{ submission_id: string; judge_id: string }[]> =>
    h.db.query(
      `SELECT submission_id, judge_id FROM judge_assignments
        WHERE round_id = $1 AND status = 'active' ORDER BY submission_id, judge_id`,
      [roundId],
    );
  const recuse = (judge: Person, id: string, reason: string) =>
    h
      .http()
      .post(`/api/v1/assignments/${id}/recuse`)
      .set(auth(judge.token))
      .send({ reason })
      .expect(200);
  let failed: string[] = [];

  /**
   * Recuses `count` active assignments of different judges and entries, on the entries fewest
   * judges recused from yet (so that every entry keeps enough judges to replace them); answers
   * the runs queued.
   */
  const recuseSome = async (count: number, reason: string): Promise<string[]> => {
    const recused: { submission_id: string; n: number }[] = await h.db.query(
      `SELECT submission_id, count(*)::int AS n FROM judge_assignments
        WHERE round_id = $1 AND status = 'recused' GROUP BY submission_id`,
      [roundId],
    );
    const load = (entry: string) => recused.find((r) => r.submission_id === entry)?.n ?? 0;
    const rows = (await active()).sort((x, y) => load(x.submission_id) - load(y.submission_id));
    const picked: typeof rows = [];
    for (const row of rows) {
      const taken = picked.some(
        (p) => p.judge_id === row.judge_id || p.submission_id === row.submission_id,
      );
      if (!taken && picked.length < count) picked.push(row);
    }
    const runIds: string[] = [];
    for (const row of picked) {
      const judge = judges.find((j) => j.id === row.judge_id)!;
      const mine = (await myAssignments(h, judge)).find(
        (x) => x.submission.id === row.submission_id,
      )!;
      runIds.push(...(await recuse(judge, mine.id, reason)).body.reassignment.jobIds);
    }
    return runIds;
  };
  const runs = (ids: string[]): Promise<{ id: string; status: string; error: string | null }[]> =>
    h.db.query(
      `SELECT id, status, error FROM judge_assignment_runs WHERE id = ANY($1::uuid[]) ORDER BY id`,
      [ids],
    );
  /** A transaction of the test's own that keeps every write of assignments waiting; ends it. */
  const holdAssignmentWrites = async (): Promise<() => Promise<void>> => {
    const runner = h.db.createQueryRunner();
    await runner.startTransaction();
    await runner.query(`SET LOCAL idle_in_transaction_session_timeout = 0`);
    await runner.query(`LOCK TABLE judge_assignments IN SHARE MODE`);
    return async () => {
      await runner.rollbackTransaction();
      await runner.release();
    };
  };
  /** Cuts the connection of every settle waiting to insert assignments, as a lost database would. */
  const cutWaitingSettles = async (): Promise<number> =>
    (
      await h.db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()
            AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO "judge_assignments"%'`,
      )
    ).length;
  const holders = async () => {
    const rows = await active();
    return judges.filter((j) => rows.some((r) => r.judge_id === j.id));
  };

  it('answers a recusal without solving: the entry waits for the worker, which replaces it', async () => {
    await h.stopWorker();
    const [judge] = await holders();
    const [mine] = await myAssignments(h, judge);
    const res = await recuse(judge, mine.id, 'My cousin is in the team');
    expect(res.body).toMatchObject({ status: 'recused', reassignment: { status: 'queued' } });
    // Nothing was solved in the request: the entry lacks a judge until a worker runs.
    const waiting = (await active()).filter((r) => r.submission_id === mine.submission.id);
    expect(waiting).toHaveLength(1);
    const [run] = await h.db.query(
      `SELECT status, cause FROM judge_assignment_runs WHERE id = $1`,
      [res.body.reassignment.jobIds[0]],
    );
    expect(run).toEqual({
      status: 'queued',
      cause: { type: 'recusal', assignmentId: mine.id, reason: 'My cousin is in the team' },
    });

    await h.startWorker();
    expect(await replacedBy(h, res.body.reassignment.jobIds)).toBe(1);
    const now = (await active()).filter((r) => r.submission_id === mine.submission.id);
    expect(now).toHaveLength(2);
    expect(now.map((r) => r.judge_id)).not.toContain(judge.id);
    const mail = await h.smtp.waitForSubject(coordinator.email, /A judge recused/);
    expect(mail.text).toContain('Another judge without a conflict took the entry over.');
  });

  it('replaces both entries when two judges recuse at the same moment', async () => {
    const before = await active();
    const [a, b] = await Promise.all(
      before.slice(0, 2).map(async (row) => {
        const judge = judges.find((j) => j.id === row.judge_id)!;
        const assignment = (await myAssignments(h, judge)).find(
          (x) => x.submission.id === row.submission_id,
        )!;
        return { judge, assignment };
      }),
    );
    const answers = await Promise.all([
      recuse(a.judge, a.assignment.id, 'first'),
      recuse(b.judge, b.assignment.id, 'second'),
    ]);
    const jobIds = answers.flatMap((r) => r.body.reassignment.jobIds as string[]);
    expect(jobIds).toHaveLength(2);
    expect(await replacedBy(h, jobIds)).toBe(2);
    const after = await active();
    for (const entry of new Set(after.map((r) => r.submission_id))) {
      expect(after.filter((r) => r.submission_id === entry)).toHaveLength(2);
    }
    for (const { judge, assignment } of [a, b]) {
      expect(
        after.some((r) => r.judge_id === judge.id && r.submission_id === assignment.submission.id),
      ).toBe(false);
    }
  });

  it('settles again, on the retry, every top-up a settle held when its connection was lost', async () => {
    await h.stopWorker();
    const runIds = await recuseSome(2, 'settled on the retry');
    expect(runIds).toHaveLength(2);
    const release = await holdAssignmentWrites();
    try {
      await h.startWorker();
      let cut = 0;
      await waitUntil(
        'a settle waiting to insert',
        async () => (cut = await cutWaitingSettles()) > 0,
      );
      expect(cut).toBeGreaterThan(0);
    } finally {
      await release();
    }
    expect(await replacedBy(h, runIds)).toBe(2);
  });

  it('fails, after the last attempt, only the top-ups the failed settles held, each cause told', async () => {
    await h.stopWorker();
    const runIds = await recuseSome(2, 'never settled');
    failed = runIds;
    const release = await holdAssignmentWrites();
    try {
      await h.startWorker();
      // Every attempt of either job loses its connection, until BullMQ has none left.
      await waitUntil(
        'the top-ups to fail',
        async () => {
          await cutWaitingSettles();
          return (await runs(runIds)).every((r) => r.status === 'failed');
        },
        60000,
      );
    } finally {
      await release();
    }
    for (const run of await runs(runIds)) {
      expect(run.error).toMatch(/terminat|connection/i);
    }
    const told = () =>
      h.smtp
        .to(coordinator.email)
        .filter((m) => /never settled/.test(m.text) && /assign one by hand/.test(m.text));
    await waitUntil('the coordinator told of both recusals', async () => told().length >= 2);
    expect(told()).toHaveLength(2);

    // A top-up queued once the failed ones are settled runs, and tops up the whole round.
    const later = await recuseSome(1, 'queued after the failure');
    expect(await replacedBy(h, later)).toBe(1);
    expect((await runs(runIds)).map((r) => r.status)).toEqual(['failed', 'failed']);
    const after = await active();
    for (const entry of new Set(after.map((r) => r.submission_id))) {
      expect(after.filter((r) => r.submission_id === entry)).toHaveLength(2);
    }
  });

  it('gives a new job, at the maintenance, to a top-up whose job is gone', async () => {
    // What a worker lost for good leaves: a top-up claimed, its job finished (here the job that
    // failed above), the run's last write never made.
    await h.db.query(`UPDATE judge_assignment_runs SET status = 'running' WHERE id = $1`, [
      failed[0],
    ]);
    const tasks = h.worker!.get(MaintenanceTasks);
    expect(await tasks.runAll()).toMatchObject({ 'unsettled top-ups': { queued: 1 } });
    await waitUntil(
      'the top-up settled',
      async () => (await runs([failed[0]]))[0].status === 'succeeded',
    );
    expect(await tasks.runAll()).toMatchObject({ 'unsettled top-ups': { queued: 0 } });
  });
});
