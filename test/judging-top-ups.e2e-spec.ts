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

/**
 * Recusals and pool changes answer before any solving: the worker tops the round up, and two
 * recusals at once both get their entry replaced.
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
    for (const country of ['KR', 'VN', 'TH', 'ID', 'SG', 'LA']) {
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
});
