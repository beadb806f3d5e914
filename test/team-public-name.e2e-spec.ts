import {
  competition,
  completeMovie,
  type Person,
  person,
  programme,
  teamOf,
} from './support/competitions';
import { auth, Harness } from './support/harness';
import { publishResults } from './support/judging';

/**
 * Many entrants are minors: a team started without a name is not called after its leader, and
 * published results show the name the team chose for publication, else a neutral one.
 */
describe('teams: neutral default name and the public name in results (e2e)', () => {
  let h: Harness;
  let coordinator: Person;
  let competitionId: string;

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    coordinator = await h.userWithRoles(['coordinator']);
    const programmeId = await programme(h, coordinator.token, 'team-public-name');
    competitionId = (await competition(h, coordinator.token, programmeId)).id;
  }, 60000);
  afterAll(() => h.stop());

  const entry = async (leader: Person, title: string) => {
    const res = await h
      .http()
      .post(`/api/v1/competitions/${competitionId}/submissions`)
      .set(auth(leader.token))
      .send({ title, ...completeMovie })
      .expect(201);
    await h
      .http()
      .post(`/api/v1/submissions/${res.body.id}/submit`)
      .set(auth(leader.token))
      .expect(200);
    return res.body as { id: string; teamId: string; teamName: string };
  };

  it('names a team started without a name neutrally, and publishes the name the team chose', async () => {
    const solo = await person(h, 'KR', { displayName: 'Kim Minji' });
    const soloEntry = await entry(solo, 'Paper Boats');
    expect(soloEntry.teamName).toMatch(/^Team [0-9A-F]{6}$/);
    const soloTeam = await h
      .http()
      .get(`/api/v1/teams/${soloEntry.teamId}`)
      .set(auth(solo.token))
      .expect(200);
    expect(soloTeam.body).toMatchObject({
      name: soloEntry.teamName,
      publicName: soloEntry.teamName,
    });

    const leader = await person(h, 'TH', { displayName: 'Lee Jisoo' });
    const mate = await person(h, 'KR', { displayName: 'Park Hana' });
    const teamId = await teamOf(h, competitionId, leader, [mate], "Lee Jisoo's crew");
    const crewEntry = await entry(leader, 'Monsoon Letters');
    expect(crewEntry.teamId).toBe(teamId);

    const patch = (token: string, body: object) =>
      h.http().patch(`/api/v1/teams/${teamId}`).set(auth(token)).send(body);
    const before = await h.db.query('SELECT * FROM teams WHERE id = $1', [teamId]);
    for (const bad of [
      { publicName: '' },
      { publicName: '   ' },
      { publicName: 'x'.repeat(121) },
      { publicName: 7 },
      { colour: 'red' },
    ]) {
      const res = await patch(leader.token, bad);
      expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const notLeader = await patch(mate.token, { publicName: 'Mate Was Here' });
    expect(notLeader.status).toBe(403);
    expect(await h.db.query('SELECT * FROM teams WHERE id = $1', [teamId])).toEqual(before);

    const chosen = await patch(leader.token, { publicName: '  Mekong Makers ' }).expect(200);
    expect(chosen.body).toMatchObject({ name: "Lee Jisoo's crew", publicName: 'Mekong Makers' });

    await publishResults(h, coordinator.token, competitionId, [
      { submissionId: crewEntry.id, award: 'winner' },
      { submissionId: soloEntry.id, award: 'runner_up' },
    ]);
    const results = await h.http().get(`/api/v1/competitions/${competitionId}/results`).expect(200);
    expect(
      (results.body.awards as { title: string; teamName: string }[]).map((a) => [
        a.title,
        a.teamName,
      ]),
    ).toEqual([
      ['Monsoon Letters', 'Mekong Makers'],
      ['Paper Boats', soloEntry.teamName],
    ]);
    for (const name of ['Kim Minji', 'Lee Jisoo', 'Park Hana']) {
      expect(results.text).not.toContain(name);
    }
  });
});
