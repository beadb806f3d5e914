import { bumpVersion, moveEntries } from '../../src/competitions/submission-lifecycle';
import { aCompetition, aTeam, aUser, anEntry } from './factories';
import { World } from './world';

let w: World;
beforeAll(async () => {
  w = await World.open();
});
afterAll(() => w.close());

async function entry(status = 'submitted') {
  const leader = await aUser(w.db);
  const competition = await aCompetition(w.db);
  const team = await aTeam(w.db, competition.id, leader);
  return { leader, ...(await anEntry(w.db, competition, team, leader, { status })) };
}

const versions = (id: string) =>
  w.db.query(
    `SELECT version, action, author_id AS "authorId", changes FROM submission_versions
      WHERE submission_id = $1 ORDER BY version`,
    [id],
  ) as Promise<{ version: number; action: string; authorId: string; changes: object }[]>;

const current = async (id: string) =>
  (
    (await w.db.query(`SELECT status, version, title FROM submissions WHERE id = $1`, [id])) as {
      status: string;
      version: number;
      title: string;
    }[]
  )[0];

test('an edit becomes the next version, with a version row naming its author and change', async () => {
  const e = await entry('draft');
  const changes = { title: { from: 'Two pen pals', to: 'Three pen pals' } };
  const version = await w.db.transaction((m) =>
    bumpVersion(m, e, 'edited', e.leader.id, changes, { title: 'Three pen pals' }),
  );
  expect(version).toBe(2);
  expect(await current(e.id)).toEqual({ status: 'draft', version: 2, title: 'Three pen pals' });
  expect(await versions(e.id)).toEqual([
    { version: 2, action: 'edited', authorId: e.leader.id, changes },
  ]);
});

test('an edit made on a version someone else already changed is refused (409) and writes nothing', async () => {
  const e = await entry('draft');
  await w.db.transaction((m) => bumpVersion(m, e, 'edited', e.leader.id, {}, { title: 'First' }));
  const stale = w.db.transaction((m) =>
    bumpVersion(m, e, 'edited', e.leader.id, {}, { title: 'Second' }),
  );
  await expect(stale).rejects.toMatchObject({ status: 409, code: 'CONFLICT' });
  expect(await current(e.id)).toMatchObject({ version: 2, title: 'First' });
  expect(await versions(e.id)).toHaveLength(1);
});

test('shortlisting moves only entries in a status it moves from, each as its next version', async () => {
  const submitted = await entry('submitted');
  const withdrawn = await entry('withdrawn');
  const judge = await aUser(w.db, { roles: ['coordinator'] });
  await w.db.transaction((m) =>
    moveEntries(
      m,
      [submitted.id, withdrawn.id],
      ['submitted'],
      'shortlisted',
      'shortlisted',
      judge.id,
    ),
  );
  expect(await current(submitted.id)).toMatchObject({ status: 'shortlisted', version: 2 });
  expect(await versions(submitted.id)).toEqual([
    {
      version: 2,
      action: 'shortlisted',
      authorId: judge.id,
      changes: { status: { from: 'submitted', to: 'shortlisted' } },
    },
  ]);
  expect(await current(withdrawn.id)).toMatchObject({ status: 'withdrawn', version: 1 });
  expect(await versions(withdrawn.id)).toEqual([]);
});

test('a move waits for an edit in progress on the entry, and both changes are kept as versions', async () => {
  const e = await entry('submitted');
  const coordinator = await aUser(w.db, { roles: ['coordinator'] });
  const editing = w.db.createQueryRunner();
  await editing.connect();
  await editing.startTransaction();
  try {
    await bumpVersion(editing.manager, e, 'edited', e.leader.id, {}, { title: 'Edited' });
    const move = w.db.transaction((m) =>
      moveEntries(m, [e.id], ['submitted'], 'awarded', 'awarded', coordinator.id),
    );
    let settled = false;
    void move.finally(() => (settled = true)).catch(() => undefined);
    // The move waits on the edit's row lock: PostgreSQL shows it waiting, and it has not finished.
    await waitForLockWait();
    expect(settled).toBe(false);
    await editing.commitTransaction();
    await move;
  } finally {
    await editing.release();
  }
  expect(await current(e.id)).toEqual({ status: 'awarded', version: 3, title: 'Edited' });
  expect((await versions(e.id)).map((v) => [v.version, v.action])).toEqual([
    [2, 'edited'],
    [3, 'awarded'],
  ]);
});

async function waitForLockWait(): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    const [{ waiting }] = (await w.db.query(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    )) as { waiting: number }[];
    if (waiting > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no transaction waited on a lock within 10 s');
}
