import { competition, programme, type Person } from './support/competitions';
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

/** Taking a judge out of a pool: their open work goes to others, final scores stay. */
describe('judge pool: removing a judge (e2e)', () => {
  let h: Harness;
  let coordinator: Person;
  let judges: Person[];
  let competitionId: string;

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    coordinator = await h.userWithRoles(['coordinator']);
    const programmeId = await programme(h, coordinator.token, 'judge-pool-removal');
    competitionId = (await competition(h, coordinator.token, programmeId)).id;
    judges = [];
    for (const [name, country] of [
      ['Judge A', 'KR'],
      ['Judge B', 'VN'],
      ['Judge C', 'TH'],
    ]) {
      const judge = await profiled(h, { name, country, roles: ['judge'] });
      await addJudge(h, coordinator.token, competitionId, judge.id);
      judges.push(judge);
    }
    for (const [team, title, countries] of [
      ['North Star', 'Lanterns', ['KR', 'ID']],
      ['Delta Crew', 'Rain', ['PH', 'KR']],
    ] as const) {
      const members: Person[] = [];
      for (const c of countries)
        members.push(await profiled(h, { name: `${team} ${c}`, country: c }));
      await submittedEntry(h, competitionId, members[0], members.slice(1), team, title);
    }
  }, 60000);
  afterAll(() => h.stop());

  const remove = (userId: string, token = coordinator.token) =>
    h.http().delete(`/api/v1/competitions/${competitionId}/judges/${userId}`).set(auth(token));

  it('hands the judge’s open assignments to others, keeps final scores, and tells the judge', async () => {
    const round = await createRound(h, coordinator.token, competitionId, { judgesPerEntry: 2 });
    await assign(h, coordinator.token, round.id);
    await openRound(h, coordinator.token, round.id);
    const leaving = judges[0];
    const [scored, ...open] = await myAssignments(h, leaving);
    await h
      .http()
      .put(`/api/v1/assignments/${scored.id}/score`)
      .set(auth(leaving.token))
      .send({ scores: { story: 8, craft: 7 }, final: true })
      .expect(200);

    // Only the programme's coordinators (and admins); not the judge, not another judge.
    for (const token of [leaving.token, judges[1].token, (await h.register()).token]) {
      expect((await remove(leaving.id, token)).status).toBe(403);
    }

    const res = await remove(leaving.id).expect(200);
    expect(res.body).toEqual({
      userId: leaving.id,
      assignmentsWithdrawn: open.length,
      assignmentsReplaced: open.length,
      finalScoresKept: 1,
    });
    const pool = await h
      .http()
      .get(`/api/v1/competitions/${competitionId}/judges`)
      .set(auth(coordinator.token))
      .expect(200);
    expect(pool.body.items.map((j: { userId: string }) => j.userId)).not.toContain(leaving.id);

    // The final score stays and counts; the open work now belongs to the two others.
    const rows: { judge_id: string; status: string; score_state: string }[] = await h.db.query(
      `SELECT judge_id, status, score_state FROM judge_assignments WHERE round_id = $1`,
      [round.id],
    );
    const active = rows.filter((r) => r.status === 'active');
    expect(active).toHaveLength(4);
    expect(active.filter((r) => r.judge_id === leaving.id)).toEqual([
      { judge_id: leaving.id, status: 'active', score_state: 'final' },
    ]);
    expect((await myAssignments(h, leaving)).map((a) => a.id)).toEqual([scored.id]);
    expect((await h.smtp.waitFor(leaving.email, 3)).subject).toMatch(/no longer a judge/);

    expect((await remove(leaving.id)).status).toBe(404);
    // Back in the pool later: allowed, as a new member.
    await addJudge(h, coordinator.token, competitionId, leaving.id);
  });
});
