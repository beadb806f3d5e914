import { competition, person, Person, programme, teamOf } from './support/competitions';
import { auth, Harness } from './support/harness';

/** GET /me/teams: a team can be found again without its link, and only by its members. */
describe('my teams (e2e)', () => {
  let h: Harness;
  let leader: Person;
  let member: Person;
  let stranger: Person;
  let movies: { id: string; [k: string]: unknown };
  let projects: { id: string; [k: string]: unknown };
  let movieTeam: string;
  let projectTeam: string;
  let strangerTeam: string;
  let entryId: string;

  beforeAll(async () => {
    h = await Harness.start({ worker: true, env: { LOG_LEVEL: 'error' } });
    const coordinator = await h.userWithRoles(['coordinator']);
    const programmeId = await programme(h, coordinator.token, 'my-teams');
    movies = await competition(h, coordinator.token, programmeId, { title: 'Movies' });
    projects = await competition(h, coordinator.token, programmeId, {
      kind: 'project',
      title: 'Projects',
    });
    leader = await person(h, 'KR', { displayName: 'Leader' });
    member = await person(h, 'TH', { displayName: 'Member' });
    stranger = await person(h, 'VN', { displayName: 'Stranger' });
    movieTeam = await teamOf(h, movies.id, leader, [member], 'Film Crew');
    // A second team, led by the member, still without an entry, with an invitation pending.
    projectTeam = await teamOf(h, projects.id, member, [], 'River Team');
    await h
      .http()
      .post(`/api/v1/teams/${projectTeam}/invitations`)
      .set(auth(member.token))
      .send({ email: 'friend@kenal.test' })
      .expect(201);
    strangerTeam = await teamOf(h, movies.id, stranger, [], 'Other Crew');
    const entry = await h
      .http()
      .post(`/api/v1/competitions/${movies.id}/submissions`)
      .set(auth(leader.token))
      .send({ teamId: movieTeam, title: 'Paper Boats' })
      .expect(201);
    entryId = entry.body.id;
  });
  afterAll(() => h.stop());

  it('lists my teams newest first with my role, the members, the entry and the invitations I sent', async () => {
    const res = await h.http().get('/api/v1/me/teams').set(auth(member.token)).expect(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 20, total: 2 });
    const [river, crew] = res.body.items;
    expect(river).toMatchObject({
      id: projectTeam,
      name: 'River Team',
      competitionId: projects.id,
      competitionTitle: 'Projects',
      competitionKind: 'project',
      myRole: 'leader',
      leaderId: member.id,
      entry: null,
      invitationsSent: [
        {
          id: expect.any(String),
          email: 'friend@kenal.test',
          status: 'pending',
          expiresAt: expect.any(String),
        },
      ],
    });
    expect(river.members.map((m: { displayName: string }) => m.displayName)).toEqual(['Member']);
    expect(crew).toMatchObject({
      id: movieTeam,
      name: 'Film Crew',
      competitionTitle: 'Movies',
      myRole: 'member',
      entry: { id: entryId, title: 'Paper Boats', status: 'draft' },
      invitationsSent: [],
    });
    expect(
      crew.members.map((m: { displayName: string; role: string; country: string }) => [
        m.displayName,
        m.role,
        m.country,
      ]),
    ).toEqual([
      ['Leader', 'leader', 'KR'],
      ['Member', 'member', 'TH'],
    ]);
    // Nothing about members beyond what the team page shows: no email, no age.
    expect(Object.keys(crew.members[0]).sort()).toEqual([
      'country',
      'displayName',
      'joinedAt',
      'role',
      'userId',
    ]);
  });

  it("shows each person only their own teams, never another team's invitations", async () => {
    const mine = await h.http().get('/api/v1/me/teams').set(auth(leader.token)).expect(200);
    expect(mine.body.items.map((t: { id: string }) => t.id)).toEqual([movieTeam]);
    expect(mine.body.items[0].invitationsSent).toEqual([]);
    const theirs = await h.http().get('/api/v1/me/teams').set(auth(stranger.token)).expect(200);
    expect(theirs.body.items.map((t: { id: string }) => t.id)).toEqual([strangerTeam]);
    const nobody = await h.register();
    const none = await h.http().get('/api/v1/me/teams').set(auth(nobody.token)).expect(200);
    expect(none.body).toMatchObject({ items: [], total: 0 });
  });

  it('forgets a team I left', async () => {
    await h.http().post(`/api/v1/teams/${movieTeam}/leave`).set(auth(member.token)).expect(204);
    const res = await h.http().get('/api/v1/me/teams').set(auth(member.token)).expect(200);
    expect(res.body.items.map((t: { id: string }) => t.id)).toEqual([projectTeam]);
  });

  it('pages, and refuses a bad page size with 400', async () => {
    const res = await h.http().get('/api/v1/me/teams?pageSize=1&page=2').set(auth(leader.token));
    expect(res.body).toMatchObject({ items: [], page: 2, total: 1 });
    const bad = await h.http().get('/api/v1/me/teams?pageSize=0').set(auth(leader.token));
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('answers 401 without a token', async () => {
    const res = await h.http().get('/api/v1/me/teams').expect(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
