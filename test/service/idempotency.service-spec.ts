import type { EntityManager } from 'typeorm';
import { IdempotencyService } from '../../src/competitions/idempotency.service';
import { aUser } from './factories';
import { World } from './world';

let w: World;
let idempotency: IdempotencyService;
beforeAll(async () => {
  w = await World.open();
  idempotency = w.get(IdempotencyService);
});
afterAll(() => w.close());

/** A change that counts its runs and answers which run it was. */
function counted(work: (m: EntityManager) => Promise<unknown> = async () => undefined) {
  const change = async (m: EntityManager) => {
    change.runs += 1;
    const run = change.runs;
    await work(m);
    return { run };
  };
  change.runs = 0;
  return change;
}

const keysOf = async (userId: string) =>
  (
    (await w.db.query(`SELECT key FROM idempotency_keys WHERE user_id = $1 ORDER BY key`, [
      userId,
    ])) as { key: string }[]
  ).map((r) => r.key);

test('a change sent again with its key runs once: the repeat answers the first body, replayed', async () => {
  const me = await aUser(w.db);
  const change = counted();
  const first = await idempotency.run(me.id, 'submit-1', 'POST /submissions/a/submit', change);
  const again = await idempotency.run(me.id, 'submit-1', 'POST /submissions/a/submit', change);
  expect(first).toEqual({ body: { run: 1 }, replayed: false });
  expect(again).toEqual({ body: { run: 1 }, replayed: true });
  expect(change.runs).toBe(1);
});

test('requests side by side with one key run the change once; the others wait for it and replay', async () => {
  const me = await aUser(w.db);
  // Slow enough that the others arrive while the first still holds its key row.
  const change = counted((m) => m.query('SELECT pg_sleep(0.2)'));
  const answers = await Promise.all(
    Array.from({ length: 4 }, () =>
      idempotency.run(me.id, 'same-key', 'POST /submissions/b/submit', change),
    ),
  );
  expect(change.runs).toBe(1);
  expect(answers.map((a) => a.body)).toEqual(Array(4).fill({ run: 1 }));
  expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
});

test('a key used before for another request is refused (422 IDEMPOTENCY_KEY_REUSED) and the change does not run', async () => {
  const me = await aUser(w.db);
  await idempotency.run(me.id, 'k', 'POST /submissions/c/submit', counted());
  const other = counted();
  await expect(
    idempotency.run(me.id, 'k', 'POST /submissions/d/submit', other),
  ).rejects.toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
  expect(other.runs).toBe(0);
});

test('one person’s key does not answer for another person', async () => {
  const [me, you] = [await aUser(w.db), await aUser(w.db)];
  const change = counted();
  await idempotency.run(me.id, 'shared', 'POST /submissions/e/submit', change);
  const yours = await idempotency.run(you.id, 'shared', 'POST /submissions/e/submit', change);
  expect(yours).toEqual({ body: { run: 2 }, replayed: false });
});

test('a change that fails keeps no key, so the client may retry with the same key', async () => {
  const me = await aUser(w.db);
  const failing = counted(() => Promise.reject(new Error('entry changed meanwhile')));
  await expect(idempotency.run(me.id, 'retry', 'POST /x', failing)).rejects.toThrow(
    'entry changed meanwhile',
  );
  expect(await keysOf(me.id)).toEqual([]);
  const retry = await idempotency.run(me.id, 'retry', 'POST /x', counted());
  expect(retry).toEqual({ body: { run: 1 }, replayed: false });
});

test('a person’s keys older than 24 hours go when they next use a key; younger ones stay', async () => {
  const me = await aUser(w.db);
  await w.db.query(
    `INSERT INTO idempotency_keys (user_id, key, request_hash, response_status, response_body, created_at)
     VALUES ($1, 'old', 'h', 200, '{}', now() - interval '25 hours'),
            ($1, 'young', 'h', 200, '{}', now() - interval '23 hours')`,
    [me.id],
  );
  await idempotency.run(me.id, 'new', 'POST /x', counted());
  expect(await keysOf(me.id)).toEqual(['new', 'young']);
});

test('a key that is not 1 to 255 visible ASCII characters is refused (400) before the change runs', async () => {
  const me = await aUser(w.db);
  const change = counted();
  await expect(idempotency.run(me.id, 'has spaces', 'POST /x', change)).rejects.toMatchObject({
    status: 400,
    code: 'VALIDATION_FAILED',
  });
  expect(change.runs).toBe(0);
});
