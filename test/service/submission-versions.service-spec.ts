import type { Principal } from '../../src/common/auth/principal';
import { PageQuery } from '../../src/common/http/pagination';
import { bumpVersion } from '../../src/competitions/submission-lifecycle';
import { SubmissionsService } from '../../src/competitions/submissions.service';
import { aCompetition, anEntry, aTeam, aUser } from './factories';
import { World } from './world';

let w: World;
let submissions: SubmissionsService;
beforeAll(async () => {
  w = await World.open();
  submissions = w.get(SubmissionsService);
});
afterAll(() => w.close());

const page = (n: number, size: number) =>
  Object.assign(new PageQuery(), { page: n, pageSize: size });

/** An entry of `leader`'s team (with `mate`), edited by each in turn to version 5. */
async function editedEntry(leader: Principal, mate: Principal) {
  const competition = await aCompetition(w.db);
  const team = await aTeam(w.db, competition.id, leader, [mate]);
  const entry = await anEntry(w.db, competition, team, leader);
  for (const [i, author] of [leader, mate, leader, mate].entries()) {
    const title = `Draft ${i + 2}`;
    await w.db.transaction((m) =>
      bumpVersion(m, { id: entry.id, version: i + 1 }, 'edited', author.id, { title }, { title }),
    );
  }
  return entry;
}

test('an entry’s versions come newest first, a page at a time, each with its author’s name, with the count of all', async () => {
  const [leader, mate] = [await aUser(w.db, { name: 'Mai' }), await aUser(w.db, { name: 'Joon' })];
  const entry = await editedEntry(leader, mate);
  const second = await submissions.versions(leader, entry.id, page(2, 3));
  expect(second).toMatchObject({ page: 2, pageSize: 3, total: 4 });
  expect(second.items).toEqual([
    expect.objectContaining({
      version: 2,
      action: 'edited',
      authorId: leader.id,
      authorName: 'Mai',
      changes: { title: 'Draft 2' },
    }),
  ]);
  const first = await submissions.versions(mate, entry.id, page(1, 3));
  expect(first.items.map((v) => [v.version, v.authorName])).toEqual([
    [5, 'Joon'],
    [4, 'Mai'],
    [3, 'Joon'],
  ]);
});

test('someone outside the team and its programme cannot read its versions (404, as for an unknown entry)', async () => {
  const [leader, mate, stranger] = [await aUser(w.db), await aUser(w.db), await aUser(w.db)];
  const entry = await editedEntry(leader, mate);
  await expect(submissions.versions(stranger, entry.id, page(1, 20))).rejects.toMatchObject({
    status: 404,
  });
});

test('a person’s entries are those of every team they are in, newest first, a page at a time', async () => {
  const [me, other] = [await aUser(w.db), await aUser(w.db)];
  const ids: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    const competition = await aCompetition(w.db);
    const team = await aTeam(w.db, competition.id, other, [me]);
    ids.push((await anEntry(w.db, competition, team, other, { title: `Entry ${i}` })).id);
  }
  const elsewhere = await aCompetition(w.db);
  await anEntry(w.db, elsewhere, await aTeam(w.db, elsewhere.id, other), other);
  const first = await submissions.mine(me, page(1, 2));
  expect(first).toMatchObject({ total: 3 });
  const second = await submissions.mine(me, page(2, 2));
  expect([...first.items, ...second.items].map((e) => e.id)).toEqual([...ids].reverse());
});
