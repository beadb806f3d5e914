import { TeamsService } from '../../src/competitions/teams.service';
import { aCompetition, aTeam, aUser, anEntry } from './factories';
import { World } from './world';

let w: World;
let teams: TeamsService;
beforeAll(async () => {
  w = await World.open();
  teams = w.get(TeamsService);
});
afterEach(() => w.restore());
afterAll(() => w.close());

const members = (teamId: string) =>
  w.db.query(`SELECT user_id AS id FROM team_members WHERE team_id = $1 ORDER BY joined_at`, [
    teamId,
  ]) as Promise<{ id: string }[]>;

const leaderOf = async (teamId: string) =>
  (
    (await w.db.query(`SELECT leader_id AS id FROM teams WHERE id = $1`, [teamId])) as {
      id: string;
    }[]
  )[0]?.id;

test('someone already in a team of the competition cannot start another (409 ALREADY_IN_TEAM)', async () => {
  const leader = await aUser(w.db);
  const competition = await aCompetition(w.db);
  await aTeam(w.db, competition.id, leader);
  await expect(teams.create(leader, competition.id, 'Second')).rejects.toMatchObject({
    status: 409,
    code: 'ALREADY_IN_TEAM',
  });
});

test('a leader who leaves hands the team to the member who joined first', async () => {
  const [leader, first, second] = [await aUser(w.db), await aUser(w.db), await aUser(w.db)];
  const competition = await aCompetition(w.db);
  const team = await aTeam(w.db, competition.id, leader, [first, second]);
  await teams.leave(leader, team);
  expect(await leaderOf(team)).toBe(first.id);
  expect((await members(team)).map((m) => m.id)).toEqual([first.id, second.id]);
});

test('the last member cannot leave a team with an entry: the team and entry stay', async () => {
  const leader = await aUser(w.db);
  const competition = await aCompetition(w.db);
  const team = await aTeam(w.db, competition.id, leader);
  await anEntry(w.db, competition, team, leader);
  await expect(teams.leave(leader, team)).rejects.toMatchObject({ status: 409 });
  expect(await members(team)).toEqual([{ id: leader.id }]);
});

test('the last member of a team without an entry leaves, and the team is gone', async () => {
  const leader = await aUser(w.db);
  const competition = await aCompetition(w.db);
  const team = await aTeam(w.db, competition.id, leader);
  await teams.leave(leader, team);
  expect(await leaderOf(team)).toBeUndefined();
});

test('once the competition has closed, nobody leaves (409 DEADLINE_PASSED)', async () => {
  const [leader, member] = [await aUser(w.db), await aUser(w.db)];
  const competition = await aCompetition(w.db, { closesInDays: 2 });
  const team = await aTeam(w.db, competition.id, leader, [member]);
  w.setNow(new Date(Date.now() + 3 * 86_400_000));
  await expect(teams.leave(member, team)).rejects.toMatchObject({
    status: 409,
    code: 'DEADLINE_PASSED',
  });
  expect(await members(team)).toHaveLength(2);
});
