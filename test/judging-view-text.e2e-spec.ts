import { competition, type Person, programme } from './support/competitions';
import { awkward } from './support/awkward-text';
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

/** A PDF small enough to upload as the entry's document. */
const pdf = Buffer.from('%PDF-1.7\ntrailer << >>\n%%EOF\n', 'latin1');

/**
 * PostgreSQL writes the judge's view as JSON text by concatenation (not json_build_object): every
 * text people wrote must come out escaped, whole and unchanged, in the list, alone and in the
 * score's answer.
 */
describe("judging: the judge's view keeps people's text intact (e2e)", () => {
  let h: Harness;
  let judge: Person;
  let leader: Person;
  let submissionId: string;

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    const coordinator = await h.userWithRoles(['coordinator']);
    const programmeId = await programme(h, coordinator.token, 'view-text');
    const competitionId = (await competition(h, coordinator.token, programmeId)).id;
    leader = await profiled(h, { name: 'Leader', country: 'KR' });
    ({ submissionId } = await submittedEntry(h, competitionId, leader, [], 'Team', 'Entry', 'Us', {
      name: 'script.pdf',
      body: pdf,
      role: 'document',
    }));
    judge = await profiled(h, { name: 'Judge', country: 'TH', roles: ['judge'] });
    await addJudge(h, coordinator.token, competitionId, judge.id);
    const roundId = (
      await createRound(h, coordinator.token, competitionId, { judgesPerEntry: 1, blind: false })
    ).id;
    await assign(h, coordinator.token, roundId);
    await openRound(h, coordinator.token, roundId);
    // Past the routes' own validation: the view must survive whatever the columns hold.
    await h.db.query(`UPDATE judging_rounds SET name = $1 WHERE id = $2`, [
      awkward('Round'),
      roundId,
    ]);
    await h.db.query(`UPDATE competitions SET title = $1 WHERE id = $2`, [
      awkward('Competition'),
      competitionId,
    ]);
    await h.db.query(`UPDATE submissions SET title = $1 WHERE id = $2`, [
      awkward('Entry'),
      submissionId,
    ]);
    await h.db.query(
      `UPDATE teams SET name = $1 WHERE id = (SELECT team_id FROM submissions WHERE id = $2)`,
      [awkward('Team'), submissionId],
    );
    await h.db.query(`UPDATE users SET display_name = $1 WHERE id = $2`, [
      awkward('Leader'),
      leader.id,
    ]);
    await h.db.query(`UPDATE submission_assets SET mime = $1, role = $2 WHERE submission_id = $3`, [
      awkward('mime'),
      awkward('role'),
      submissionId,
    ]);
  }, 60000);
  afterAll(() => h.stop());

  it('writes names, titles, file types and comments escaped and whole', async () => {
    const [view] = await myAssignments(h, judge);
    expect(view).toMatchObject({
      roundName: awkward('Round'),
      competitionTitle: awkward('Competition'),
      submission: {
        id: submissionId,
        title: awkward('Entry'),
        teamName: awkward('Team'),
        memberNames: [awkward('Leader')],
        assets: [{ mime: awkward('mime'), role: awkward('role') }],
      },
    });
    const alone = await h.http().get(`/api/v1/assignments/${view.id}`).set(auth(judge.token));
    expect(alone.body).toEqual(view);

    const comment = awkward('Comment');
    const scored = await h
      .http()
      .put(`/api/v1/assignments/${view.id}/score`)
      .set(auth(judge.token))
      .send({ scores: { story: 5, craft: 6 }, comment, final: false })
      .expect(200);
    expect(scored.body.score).toMatchObject({ comment, scores: { story: 5, craft: 6 } });
    expect((await myAssignments(h, judge))[0]).toEqual(scored.body);
  });
});
