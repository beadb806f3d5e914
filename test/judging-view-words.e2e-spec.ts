import { competition, type Person, programme } from './support/competitions';
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

/** A word no status or kind has, with text that JSON must escape. */
const odd = (label: string) => `${label} "quoted" back\\slash\nline \u0001 é`;

/**
 * PostgreSQL writes the known words of the judge's view (statuses, kinds, score states) as JSON
 * literals without escaping them; any other value a column holds must still come out escaped and
 * whole, in the list and alone, whether the round is blind or not.
 */
describe("judging: the judge's view escapes words it does not know (e2e)", () => {
  let h: Harness;
  let judge: Person;
  const rounds: { roundId: string; submissionId: string; blind: boolean }[] = [];

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    const coordinator = await h.userWithRoles(['coordinator']);
    const programmeId = await programme(h, coordinator.token, 'view-words');
    judge = await profiled(h, { name: 'Judge', country: 'TH', roles: ['judge'] });
    for (const blind of [false, true]) {
      const competitionId = (await competition(h, coordinator.token, programmeId)).id;
      const leader = await profiled(h, { name: `Leader ${blind}`, country: 'KR' });
      const { submissionId } = await submittedEntry(h, competitionId, leader, [], 'T', 'E', 'Us');
      await addJudge(h, coordinator.token, competitionId, judge.id);
      const roundId = (
        await createRound(h, coordinator.token, competitionId, { judgesPerEntry: 1, blind })
      ).id;
      await assign(h, coordinator.token, roundId);
      await openRound(h, coordinator.token, roundId);
      rounds.push({ roundId, submissionId, blind });
    }
    // Past the routes' own validation: the view must survive whatever the columns hold.
    const roundIds = rounds.map((r) => r.roundId);
    await h.db.query(`UPDATE submissions SET kind = $1 WHERE id = ANY($2::uuid[])`, [
      odd('kind'),
      rounds.map((r) => r.submissionId),
    ]);
    await h.db.query(`UPDATE judging_rounds SET status = $1 WHERE id = ANY($2::uuid[])`, [
      odd('round'),
      roundIds,
    ]);
    await h.db.query(
      `UPDATE judge_assignments SET score_state = $1 WHERE round_id = ANY($2::uuid[])`,
      [odd('score'), roundIds],
    );
  }, 60000);
  afterAll(() => h.stop());

  it('writes an unknown kind, round status and score state escaped and whole', async () => {
    const list = await myAssignments(h, judge);
    expect(list).toHaveLength(2);
    for (const { roundId, submissionId, blind } of rounds) {
      const view = list.find((v) => v.roundId === roundId)!;
      expect(view).toMatchObject({
        blind,
        roundStatus: odd('round'),
        status: 'active',
        access: 'open',
        submission: { id: submissionId, kind: odd('kind') },
        score: { state: odd('score') },
      });
      const alone = await h.http().get(`/api/v1/assignments/${view.id}`).set(auth(judge.token));
      expect(alone.body).toEqual(view);
    }
  });

  it('writes an unknown assignment status escaped and whole', async () => {
    const [view] = await myAssignments(h, judge);
    await h.db.query(`UPDATE judge_assignments SET status = $1 WHERE id = $2`, [
      odd('status'),
      view.id,
    ]);
    const alone = await h
      .http()
      .get(`/api/v1/assignments/${view.id}`)
      .set(auth(judge.token))
      .expect(200);
    expect(alone.body).toMatchObject({
      status: odd('status'),
      access: 'withdrawn',
      submission: null,
    });
  });
});
