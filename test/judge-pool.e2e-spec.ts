import { MaintenanceTasks } from '../src/jobs/maintenance';
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

/** Changing a pool after assignment: open work moves to unconflicted judges, final scores stay. */
describe('judge pool: taking a judge out, conflicts found late (e2e)', () => {
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
    // Four assignments among three judges: the one who leaves holds two, one scored final and
    // one open, so there is open work to hand over (which judge that is, the solver decides).
    const loads = await Promise.all(judges.map((j) => myAssignments(h, j)));
    const busiest = loads.findIndex((l) => l.length === 2);
    const leaving = judges[busiest];
    const other = judges[(busiest + 1) % judges.length];
    const [scored, ...open] = loads[busiest];
    expect(open).toHaveLength(1);
    await h
      .http()
      .put(`/api/v1/assignments/${scored.id}/score`)
      .set(auth(leaving.token))
      .send({ scores: { story: 8, craft: 7 }, final: true })
      .expect(200);

    const exported = JSON.parse(
      (await h.http().get('/api/v1/me/export').set(auth(leaving.token)).expect(200)).text,
    );
    expect(exported.judgeAssignments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ scoreState: 'final', scores: { story: 8, craft: 7 } }),
      ]),
    );

    // Only the programme's coordinators (and admins); not the judge, not another judge.
    for (const token of [leaving.token, other.token, (await h.register()).token]) {
      expect((await remove(leaving.id, token)).status).toBe(403);
    }

    // The confirmation's figures first: asking changes nothing.
    const preview = () =>
      h
        .http()
        .get(`/api/v1/competitions/${competitionId}/judges/${leaving.id}/removal-preview`)
        .set(auth(coordinator.token));
    expect((await preview()).body).toEqual({
      userId: leaving.id,
      assignmentsToMove: open.length,
      finalScoresKept: 1,
    });
    expect((await preview()).body.assignmentsToMove).toBe(open.length);

    const res = await remove(leaving.id).expect(200);
    expect(res.body).toEqual({
      userId: leaving.id,
      assignmentsWithdrawn: open.length,
      finalScoresKept: 1,
      reassignment: { status: 'queued', jobIds: [expect.any(String)] },
    });
    // The worker gives the withdrawn entries to others; the round's view follows the run.
    expect(await replacedBy(h, res.body.reassignment.jobIds)).toBe(open.length);
    const followed = await h
      .http()
      .get(`/api/v1/judging-rounds/${round.id}`)
      .set(auth(coordinator.token))
      .expect(200);
    expect(followed.body.assignment).toMatchObject({
      status: 'succeeded',
      jobId: res.body.reassignment.jobIds[0],
      cause: 'withdrawal',
      replaced: open.length,
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
    await h.smtp.waitForSubject(leaving.email, /no longer a judge/);

    expect((await remove(leaving.id)).status).toBe(404);
    expect((await preview()).status).toBe(404);
    // Back in the pool later: allowed, as a new member.
    await addJudge(h, coordinator.token, competitionId, leaving.id);
  });

  it('hands an assignment to another judge when a conflict is found late, by the coordinator or the judge', async () => {
    const round = await createRound(h, coordinator.token, competitionId, {
      name: 'One judge each',
      judgesPerEntry: 1,
    });
    await assign(h, coordinator.token, round.id);
    const holder = async (submissionId: string): Promise<string[]> =>
      (
        await h.db.query(
          `SELECT judge_id FROM judge_assignments
            WHERE round_id = $1 AND submission_id = $2 AND status = 'active'`,
          [round.id, submissionId],
        )
      ).map((r: { judge_id: string }) => r.judge_id);
    const entries: { id: string; team_id: string }[] = await h.db.query(
      `SELECT id, team_id FROM submissions WHERE competition_id = $1 ORDER BY title`,
      [competitionId],
    );
    const [lanterns, rain] = entries; // North Star (KR, ID), Delta Crew (PH, KR)

    // The coordinator learns the judge of "Lanterns" knows an Indonesian entrant.
    const [first] = await holder(lanterns.id);
    const patch = (body: object, token = coordinator.token) =>
      h
        .http()
        .patch(`/api/v1/competitions/${competitionId}/judges/${first}`)
        .set(auth(token))
        .send(body);
    expect((await patch({ conflicts: { countries: ['XX'] } })).status).toBe(400);
    expect((await patch({ conflicts: { countries: ['ID'] } }, judges[1].token)).status).toBe(403);
    // In this round and in the first one, wherever they hold "Lanterns" without a final score.
    const [{ n: held }] = await h.db.query(
      `SELECT count(*)::int AS n FROM judge_assignments
        WHERE judge_id = $1 AND submission_id = $2 AND status = 'active' AND score_state <> 'final'`,
      [first, lanterns.id],
    );
    expect(held).toBeGreaterThanOrEqual(1);
    const updated = await patch({
      conflicts: { countries: ['ID'] },
      expertise: ['documentary'],
    }).expect(200);
    expect(updated.body).toMatchObject({
      userId: first,
      conflicts: { countries: ['ID'] },
      expertise: ['documentary'],
      assignmentsWithdrawn: held,
    });
    // In the first round the third judge may be one whose pair with it was withdrawn before,
    // and a withdrawn pair is never made again: there, no one may be left to take it.
    expect(updated.body.reassignment.status).toBe('queued');
    const replaced = await replacedBy(h, updated.body.reassignment.jobIds);
    expect(replaced).toBeGreaterThanOrEqual(1);
    expect(replaced).toBeLessThanOrEqual(held);
    const [second] = await holder(lanterns.id);
    expect(second).not.toBe(first);

    // The judge of "Rain" declares their own conflict with its team.
    const [rainJudge] = await holder(rain.id);
    const judge = judges.find((j) => j.id === rainJudge)!;
    await h
      .http()
      .post(`/api/v1/competitions/${competitionId}/judges/me/conflicts`)
      .set(auth(judge.token))
      .send({ teamIds: [rain.team_id] })
      .expect(200);
    // Applied later, never on the judge's own request (that would show which entry matched).
    expect(await holder(rain.id)).toContain(rainJudge);
    await h.worker!.get(MaintenanceTasks).runAll();
    const [now] = await holder(rain.id);
    expect(now).toBeDefined();
    expect(now).not.toBe(rainJudge);
  });
});
