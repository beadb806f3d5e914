import {
  competition,
  completeProject,
  person,
  Person,
  programme,
  teamOf,
} from './support/competitions';
import { auth, Harness } from './support/harness';

/** Team life: size limits at accept time, declining, leaving, removal and the lock after submitting. */
describe('teams (e2e)', () => {
  let h: Harness;
  let coordinator: Person;
  let programmeId: string;

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    coordinator = await h.userWithRoles(['coordinator']);
    programmeId = await programme(h, coordinator.token, 'teams');
  });
  afterAll(() => h.stop());

  it('enforces the team size when an invitation is accepted', async () => {
    const c = await competition(h, coordinator.token, programmeId, {
      slug: 'small-teams',
      eligibility: { maxTeamSize: 2 },
    });
    const kr = await person(h, 'KR');
    const movieTeam = await teamOf(h, c.id, kr, [], 'Pair');
    const extra = [await person(h, 'MY'), await person(h, 'PH')];
    for (const p of extra) {
      await h
        .http()
        .post(`/api/v1/teams/${movieTeam}/invitations`)
        .set(auth(kr.token))
        .send({ email: p.email })
        .expect(201);
    }
    const tokens = await Promise.all(
      extra.map(
        async (p) =>
          (await h.smtp.waitFor(p.email)).text.match(/\/invitations\/([A-Za-z0-9_-]{43})/)![1],
      ),
    );
    await h
      .http()
      .post(`/api/v1/team-invitations/${tokens[0]}/accept`)
      .set(auth(extra[0].token))
      .expect(200);
    const full = await h
      .http()
      .post(`/api/v1/team-invitations/${tokens[1]}/accept`)
      .set(auth(extra[1].token));
    expect([full.status, full.body.code]).toEqual([409, 'TEAM_FULL']);
    await h.http().post(`/api/v1/teams/${movieTeam}/leave`).set(auth(extra[0].token)).expect(204);
    const team = await h.http().get(`/api/v1/teams/${movieTeam}`).set(auth(kr.token)).expect(200);
    expect(team.body.members.map((m: { userId: string }) => m.userId)).toEqual([kr.id]);
  });

  it('lets people decline, leave and be removed; a leaving leader hands over; a submitted team is locked', async () => {
    const c = await competition(h, coordinator.token, programmeId, {
      kind: 'project',
      slug: 'teams-life',
    });
    const [lead, second, third, fourth] = [
      await person(h, 'KR'),
      await person(h, 'TH'),
      await person(h, 'VN'),
      await person(h, 'LA'),
    ];
    const teamId = await teamOf(h, c.id, lead, [second, third], 'Changing');
    await h
      .http()
      .post(`/api/v1/teams/${teamId}/invitations`)
      .set(auth(lead.token))
      .send({ email: fourth.email })
      .expect(201);
    const token = (await h.smtp.waitFor(fourth.email)).text.match(
      /\/invitations\/([A-Za-z0-9_-]{43})/,
    )![1];
    await h
      .http()
      .post(`/api/v1/team-invitations/${token}/decline`)
      .set(auth(fourth.token))
      .expect(200);
    const late = await h
      .http()
      .post(`/api/v1/team-invitations/${token}/accept`)
      .set(auth(fourth.token));
    expect([late.status, late.body.code]).toEqual([400, 'TOKEN_INVALID']);

    await h
      .http()
      .delete(`/api/v1/teams/${teamId}/members/${third.id}`)
      .set(auth(lead.token))
      .expect(204);
    await h.http().post(`/api/v1/teams/${teamId}/leave`).set(auth(lead.token)).expect(204);
    const team = await h.http().get(`/api/v1/teams/${teamId}`).set(auth(second.token)).expect(200);
    expect(team.body.leaderId).toBe(second.id);
    expect(team.body.members.map((m: { userId: string }) => m.userId)).toEqual([second.id]);
    await h.http().get(`/api/v1/teams/${teamId}`).set(auth(lead.token)).expect(404);

    const entry = await h
      .http()
      .post(`/api/v1/competitions/${c.id}/submissions`)
      .set(auth(second.token))
      .send({ title: 'Locked team', ...completeProject })
      .expect(201);
    await h
      .http()
      .post(`/api/v1/submissions/${entry.body.id}/submit`)
      .set(auth(second.token))
      .expect(200);
    const invite = await h
      .http()
      .post(`/api/v1/teams/${teamId}/invitations`)
      .set(auth(second.token))
      .send({ email: fourth.email });
    expect([invite.status, invite.body.code]).toEqual([409, 'SUBMISSION_LOCKED']);
  });
});
