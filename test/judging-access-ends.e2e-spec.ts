import { competition, type Person, programme } from './support/competitions';
import { MaintenanceTasks } from '../src/jobs/maintenance';
import { auth, Harness } from './support/harness';
import {
  addJudge,
  assign,
  createRound,
  myAssignments,
  openRound,
  leaderAndMateEntry,
  profiled,
  publishResults,
  submittedEntry,
} from './support/judging';

/**
 * A judge reads an entry only while they hold the judge role, are in the competition's pool,
 * their assignment is live and the round is not closed, and never once results are published:
 * each way of losing access ends it on every route at once.
 */
describe('judging: a judge’s access to an entry ends (e2e)', () => {
  let h: Harness;
  let coordinator: Person;
  let admin: Person;
  let programmeId: string;

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    coordinator = await h.userWithRoles(['coordinator']);
    admin = await h.userWithRoles(['admin']);
    programmeId = await programme(h, coordinator.token, 'judging-access-ends');
  }, 60000);
  afterAll(() => h.stop());

  /** A competition with one entry (a file attached), the given judges, a non-blind open round. */
  async function judgedEntry(names: string[]) {
    const competitionId = (await competition(h, coordinator.token, programmeId)).id;
    const { submissionId } = await leaderAndMateEntry(h, competitionId);
    const judges: Person[] = [];
    for (const name of names) {
      const judge = await profiled(h, { name, country: 'TH', roles: ['judge'] });
      await addJudge(h, coordinator.token, competitionId, judge.id);
      judges.push(judge);
    }
    const roundId = (
      await createRound(h, coordinator.token, competitionId, {
        judgesPerEntry: names.length,
        blind: false,
      })
    ).id;
    await assign(h, coordinator.token, roundId);
    await openRound(h, coordinator.token, roundId);
    const assignments = new Map<string, { id: string; assetId: string }>();
    for (const judge of judges) {
      const [a] = (await myAssignments(h, judge)).filter((x) => x.roundId === roundId);
      assignments.set(judge.id, { id: a.id, assetId: a.submission.assets[0].id });
    }
    return { competitionId, submissionId, roundId, judges, assignments };
  }

  /** What the judge reaches of the entry, route by route. */
  async function reach(
    judge: Person,
    submissionId: string,
    assignment: { id: string; assetId: string },
  ) {
    const get = (path: string) => h.http().get(`/api/v1${path}`).set(auth(judge.token));
    const view = await get(`/assignments/${assignment.id}`);
    return {
      entry: (await get(`/submissions/${submissionId}`)).status,
      versions: (await get(`/submissions/${submissionId}/versions`)).status,
      file: (await get(`/submissions/${submissionId}/assets/${assignment.assetId}`)).status,
      fileByAssignment: (await get(`/assignments/${assignment.id}/assets/${assignment.assetId}`))
        .status,
      assignmentShowsEntry: view.status === 200 && view.body.submission !== null,
    };
  }

  const readsAll = {
    entry: 200,
    versions: 200,
    file: 200,
    fileByAssignment: 200,
    assignmentShowsEntry: true,
  };

  it('ends with the judge role, a place in the pool, a recusal and published results', async () => {
    const { competitionId, submissionId, judges, assignments } = await judgedEntry([
      'Judge Role',
      'Judge Pool',
      'Judge Recused',
      'Judge Published',
    ]);
    const [noRole, outOfPool, recused, published] = judges;
    for (const judge of judges) {
      expect(await reach(judge, submissionId, assignments.get(judge.id)!)).toEqual(readsAll);
    }

    // The admin takes the judge role away: the assignment is still active in the database.
    await h
      .http()
      .put(`/api/v1/admin/users/${noRole.id}/roles`)
      .set(auth(admin.token))
      .send({ roles: ['applicant'] })
      .expect(200);
    expect(await reach(noRole, submissionId, assignments.get(noRole.id)!)).toEqual({
      entry: 404,
      versions: 404,
      file: 404,
      fileByAssignment: 403,
      assignmentShowsEntry: false,
    });

    // A judge with a final score is taken out of the pool: the score (and its assignment) stays.
    const a = assignments.get(outOfPool.id)!;
    await h
      .http()
      .put(`/api/v1/assignments/${a.id}/score`)
      .set(auth(outOfPool.token))
      .send({ scores: { story: 7, craft: 6 }, final: true })
      .expect(200);
    await h
      .http()
      .delete(`/api/v1/competitions/${competitionId}/judges/${outOfPool.id}`)
      .set(auth(coordinator.token))
      .expect(200);
    expect(await reach(outOfPool, submissionId, a)).toEqual({
      entry: 404,
      versions: 404,
      file: 404,
      fileByAssignment: 404,
      assignmentShowsEntry: false,
    });
    const kept = await h
      .http()
      .get(`/api/v1/assignments/${a.id}`)
      .set(auth(outOfPool.token))
      .expect(200);
    expect(kept.body).toMatchObject({
      status: 'active',
      access: 'not_in_pool',
      submission: null,
      score: { state: 'final', scores: { story: 7, craft: 6 } },
    });

    // A recused judge sees that they recused, and nothing of the entry.
    const r = assignments.get(recused.id)!;
    await h
      .http()
      .post(`/api/v1/assignments/${r.id}/recuse`)
      .set(auth(recused.token))
      .send({ reason: 'I taught one of them' })
      .expect(200);
    expect(await reach(recused, submissionId, r)).toEqual({
      entry: 404,
      versions: 404,
      file: 404,
      fileByAssignment: 404,
      assignmentShowsEntry: false,
    });
    const own = await h
      .http()
      .get(`/api/v1/assignments/${r.id}`)
      .set(auth(recused.token))
      .expect(200);
    expect(own.body).toMatchObject({ status: 'recused', access: 'recused', submission: null });
    expect(JSON.stringify(own.body)).not.toContain('Paper Boats');

    // The last judge still reads, until the results are published.
    expect(await reach(published, submissionId, assignments.get(published.id)!)).toEqual(readsAll);
    await publishResults(h, coordinator.token, competitionId, [{ submissionId, award: 'winner' }]);
    expect(await reach(published, submissionId, assignments.get(published.id)!)).toEqual({
      entry: 404,
      versions: 404,
      file: 404,
      fileByAssignment: 404,
      assignmentShowsEntry: false,
    });
    const [mine] = await myAssignments(h, published);
    expect(mine).toMatchObject({ access: 'results_published', submission: null });
  });

  it('ends when the round closes', async () => {
    const { submissionId, roundId, judges, assignments } = await judgedEntry(['Judge Closed']);
    const [judge] = judges;
    const a = assignments.get(judge.id)!;
    expect(await reach(judge, submissionId, a)).toEqual(readsAll);
    await h
      .http()
      .patch(`/api/v1/judging-rounds/${roundId}`)
      .set(auth(coordinator.token))
      .send({ status: 'closed' })
      .expect(200);
    expect(await reach(judge, submissionId, a)).toEqual({
      entry: 404,
      versions: 404,
      file: 404,
      fileByAssignment: 404,
      assignmentShowsEntry: false,
    });
    const [mine] = await myAssignments(h, judge);
    expect(mine).toMatchObject({ roundStatus: 'closed', access: 'round_closed', submission: null });
  });

  it('shows a judge nothing, on the next request, of whether a declared conflict matches an entry', async () => {
    // Two entries (Busan Arts High School, Hue College), two judges who both have both.
    const competitionId = (await competition(h, coordinator.token, programmeId)).id;
    for (const [name, country, institution, team, title] of [
      ['Kim Minji', 'KR', 'Busan Arts High School', 'Quokka Collective', 'Paper Boats'],
      ['Nguyen An', 'VN', 'Hue College of Arts', 'Nightjar Studio', 'Monsoon Letters'],
    ]) {
      const leader = await profiled(h, { name, country, institution });
      await submittedEntry(h, competitionId, leader, [], team, title);
    }
    const matching = await profiled(h, { name: 'Judge Match', country: 'TH', roles: ['judge'] });
    const other = await profiled(h, { name: 'Judge Other', country: 'TH', roles: ['judge'] });
    for (const judge of [matching, other]) {
      await addJudge(h, coordinator.token, competitionId, judge.id);
    }
    const roundId = (await createRound(h, coordinator.token, competitionId, { judgesPerEntry: 2 }))
      .id;
    await assign(h, coordinator.token, roundId);
    await openRound(h, coordinator.token, roundId);
    for (const judge of [matching, other]) expect(await myAssignments(h, judge)).toHaveLength(2);

    const declare = (judge: Person, institution: string) =>
      h
        .http()
        .post(`/api/v1/competitions/${competitionId}/judges/me/conflicts`)
        .set(auth(judge.token))
        .send({ institutions: [institution] })
        .expect(200);
    const matched = await declare(matching, 'busan arts high school');
    const unmatched = await declare(other, 'Nowhere Institute');

    /** Everything a judge sees, with what is theirs by nature (ids, names, dates) left out. */
    const shape = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(shape)
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .filter(([k]) => !['id', 'userId', 'displayName', 'createdAt'].includes(k))
                .filter(([k]) => !['roundId', 'closesAt', 'institutions'].includes(k))
                .map(([k, v]) => [k, shape(v)]),
            )
          : value;
    expect(shape(matched.body)).toEqual(shape(unmatched.body));
    const seen = async (judge: Person) => {
      const mine = await myAssignments(h, judge);
      const score = await h
        .http()
        .put(`/api/v1/assignments/${mine[0].id}/score`)
        .set(auth(judge.token))
        .send({ scores: { story: 5 }, final: false });
      return { mine: shape(mine), score: [score.status, score.body.code] };
    };
    const afterMatch = await seen(matching);
    expect(afterMatch).toEqual(await seen(other));
    expect(afterMatch.score).toEqual([409, 'CONFLICTS_UNDER_REVIEW']);
    expect(matched.body).toMatchObject({ conflictsUnderReview: true });
    expect(afterMatch.mine).toHaveLength(2);
    expect(afterMatch.mine).toEqual([
      expect.objectContaining({ access: 'conflict_review', submission: null }),
      expect.objectContaining({ access: 'conflict_review', submission: null }),
    ]);

    // Applied later (here by the hourly maintenance): the matching entry goes to no one else
    // (both judges had it), the hold ends.
    await h.worker!.get(MaintenanceTasks).runAll();
    const titles = async (judge: Person) =>
      (await myAssignments(h, judge)).map((a) => [a.access, a.submission?.title]).sort();
    expect(await titles(matching)).toEqual([['open', 'Monsoon Letters']]);
    expect(await titles(other)).toEqual([
      ['open', 'Monsoon Letters'],
      ['open', 'Paper Boats'],
    ]);
  });
});
