import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { liveCaller } from '../src/identity/session-sql';
import { LISTENER_APPLICATION_NAME, NotifyListener } from '../src/database/notify-listener';
import { TableChanges } from '../src/database/table-changes';
import { waitUntil } from './support/wait';
import { auth, Harness } from './support/harness';
import { planRelations } from './support/plan-relations';
import { listening, otherConnection, quietly } from './support/table-changes';

/**
 * The API's caches of per-user answers (TableChanges) and its memory of live sessions: each test
 * first shows an answer kept (a change made with the triggers off is not seen), then that the way
 * it is dropped works; without that way each fails.
 */
describe('table change caches and known sessions (e2e)', () => {
  let h: Harness;
  let other: Client;

  const inbox = (token: string) => h.http().get('/api/v1/me/notifications').set(auth(token));

  /** A signed-in user whose live session this process now knows (a quiet revoke is not seen). */
  const known = async () => {
    const user = await h.register();
    await h.settled();
    await inbox(user.token).expect(200);
    await quietly(h, `UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1`, [user.id]);
    await inbox(user.token).expect(200);
    await quietly(h, `UPDATE auth_sessions SET revoked_at = NULL WHERE user_id = $1`, [user.id]);
    return user;
  };

  beforeAll(async () => {
    h = await Harness.start();
    await listening(h);
    other = await otherConnection();
  });
  afterAll(async () => {
    await other?.end();
    await h.stop();
  });

  it('every table a cache names has the trigger that announces its changes', async () => {
    const caches = h.api.get(TableChanges).caches();
    expect(caches.map((c) => c.name)).toContain('sessions');
    // Every kind of change: INSERT 4, DELETE 8, UPDATE 16, TRUNCATE 32 (pg_trigger.tgtype bits).
    const rows = (await h.db.query(
      `SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE t.tgname LIKE 'kenal_table_change%' AND NOT t.tgisinternal
          AND t.tgtype & 1 = 0
        GROUP BY c.relname HAVING bit_or(t.tgtype::int) & 60 = 60`,
    )) as { relname: string }[];
    const announced = new Set(rows.map((r) => r.relname));
    expect(announced).toContain('auth_sessions');
    for (const cache of caches) {
      for (const table of cache.tables)
        expect({ [cache.name]: table, announced: announced.has(table) }).toEqual({
          [cache.name]: table,
          announced: true,
        });
    }
  });

  it('the session check reads only the tables the sessions cache names', async () => {
    const user = await h.register();
    const [session] = (await h.db.query(`SELECT id FROM auth_sessions WHERE user_id = $1`, [
      user.id,
    ])) as { id: string }[];
    const cache = h.api
      .get(TableChanges)
      .caches()
      .find((c) => c.name === 'sessions')!;
    const read = await planRelations(h.db, `SELECT * FROM ${liveCaller('$1', '$2')} me`, [
      user.id,
      session.id,
    ]);
    expect(read.length).toBeGreaterThan(0);
    expect(read.filter((t) => !cache.tables.includes(t))).toEqual([]);
  });

  it('names the accounts a change to users or auth_sessions touched, up to 100', async () => {
    const heard: string[] = [];
    const listener = await otherConnection();
    try {
      const marks = new Set<string>();
      listener.on('notification', (n) => {
        const payload = n.payload ?? '';
        if (payload.startsWith('test-mark:')) marks.add(payload);
        else if (/^(users|auth_sessions)\b/.test(payload)) heard.push(payload);
      });
      await listener.query(`LISTEN kenal_table_change`);
      const [a, b] = [await h.register(), await h.register()];
      /** What was heard of the commits before it: a mark sent after them comes back after them. */
      const next = async () => {
        const mark = `test-mark:${randomUUID()}`;
        await other.query(`SELECT pg_notify('kenal_table_change', $1)`, [mark]);
        await waitUntil('the mark', async () => marks.has(mark), 2_000);
        return heard
          .splice(0)
          .map((p) =>
            p.replace(/:(.*)$/, (_, ids: string) => `:${ids.split(',').sort().join(',')}`),
          );
      };
      await next();
      await other.query(
        `UPDATE auth_sessions SET revoked_reason = NULL WHERE user_id IN ($1, $2)`,
        [a.id, b.id],
      );
      expect(await next()).toEqual([`auth_sessions:${[a.id, b.id].sort().join(',')}`]);
      await other.query(`UPDATE users SET locale = locale WHERE id = $1`, [a.id]);
      expect(await next()).toEqual([`users:${a.id}`]);
      await other.query(`DELETE FROM auth_sessions WHERE false`);
      await other.query(`UPDATE users SET locale = locale WHERE id = $1`, [b.id]);
      expect(await next()).toEqual([`users:${b.id}`]);
      const tag = randomUUID();
      await other.query(
        `INSERT INTO users (email, display_name) SELECT $1 || g || '@bulk.test', 'Bulk' FROM generate_series(1, 101) g`,
        [tag],
      );
      expect(await next()).toEqual(['users']);
      await other.query(`DELETE FROM users WHERE email LIKE $1 || '%'`, [tag]);
      expect(await next()).toEqual(['users']);
    } finally {
      await listener.end();
    }
  });

  it('a sign-in or a logout drops only the sessions of the account it names', async () => {
    const [a, b] = [await known(), await known()];
    // Ended unheard: each is still served from memory until a change names its account.
    for (const user of [a, b])
      await quietly(h, `UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1`, [user.id]);
    const c = await h.register();
    await h.http().post('/api/v1/auth/logout').set(auth(c.token)).send({}).expect(204);
    await h.settled();
    await inbox(a.token).expect(200);
    await inbox(b.token).expect(200);
    await other.query(`UPDATE auth_sessions SET revoked_reason = 'test' WHERE user_id = $1`, [
      a.id,
    ]);
    await waitUntil('a dropped', async () => (await inbox(a.token)).status === 401, 2_000);
    await inbox(b.token).expect(200);
    await other.query(`UPDATE users SET locale = locale WHERE id = $1`, [b.id]);
    await waitUntil('b dropped', async () => (await inbox(b.token)).status === 401, 2_000);
  });

  it('a logout ends the session at once, in the process that logged out', async () => {
    for (let i = 0; i < 10; i++) {
      const user = await known();
      await h.http().post('/api/v1/auth/logout').set(auth(user.token)).send({}).expect(204);
      await inbox(user.token).expect(401);
    }
  });

  it('logouts at the same time each end their session at once (fences shared)', async () => {
    // Made known one after another, then all logged out at once.
    const users = [];
    for (let i = 0; i < 12; i++) users.push(await known());
    for (const user of users) await inbox(user.token).expect(200);
    await Promise.all(
      users.map(async (user) => {
        await h.http().post('/api/v1/auth/logout').set(auth(user.token)).send({}).expect(204);
        await inbox(user.token).expect(401);
      }),
    );
  });

  it('a logout ends the session at the next request even while its notification is late', async () => {
    const changes = h.api.get(TableChanges) as unknown as { changed(payload: string): void };
    const hear = changes.changed.bind(changes);
    const late = jest
      .spyOn(changes, 'changed')
      .mockImplementation((payload) => void setTimeout(() => hear(payload), 300));
    try {
      const user = await known();
      await h.http().post('/api/v1/auth/logout').set(auth(user.token)).send({}).expect(204);
      await inbox(user.token).expect(401);
    } finally {
      late.mockRestore();
      await h.settled();
    }
  });

  it('a role taken away by an admin is gone at the next request', async () => {
    const admin = await h.adminToken();
    const user = await h.userWithRoles(['applicant', 'admin']);
    const coordinatorOnly = () => h.http().get('/api/v1/admin/users').set(auth(user.token));
    await coordinatorOnly().expect(200);
    await h
      .http()
      .put(`/api/v1/admin/users/${user.id}/roles`)
      .set(auth(admin))
      .send({ roles: ['applicant'] })
      .expect(200);
    await coordinatorOnly().expect(403);
  });

  it('a deleted account is signed out at the next request', async () => {
    const user = await known();
    await h
      .http()
      .delete('/api/v1/me')
      .set(auth(user.token))
      .send({ password: user.password })
      .expect(202);
    await inbox(user.token).expect(401);
  });

  it('a change committed by another process reaches the cache by its notification', async () => {
    const user = await known();
    await other.query(`UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1`, [user.id]);
    await waitUntil(
      'the revoke heard',
      async () => (await inbox(user.token)).status === 401,
      2_000,
    );
  });

  it('a fence returns once commits made before it were heard', async () => {
    const changes = h.api.get(TableChanges);
    // A table announced by name whatever a statement touched (no rows here).
    const cache = changes.cache<string>('fence-test', ['programmes'], 10);
    for (let i = 0; i < 20; i++) {
      cache.put('k', cache.ticket(), 'v', 0);
      expect(cache.get('k', 0)).toBe('v');
      await other.query(`UPDATE programmes SET name = name WHERE false`);
      await changes.fence();
      expect(cache.get('k', 0)).toBeUndefined();
    }
    // An answer read before a change and kept after it is not kept.
    const ticket = cache.ticket();
    await other.query(`DELETE FROM programmes WHERE false`);
    await changes.fence();
    cache.put('k', ticket, 'stale', 0);
    expect(cache.get('k', 0)).toBeUndefined();
  });

  it('holds nothing while its connection is lost, and keeps answers again once back', async () => {
    const user = await known();
    const listener = h.api.get(NotifyListener);
    await h.db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = $1 AND datname = current_database()`,
      [LISTENER_APPLICATION_NAME],
    );
    await waitUntil('the listener lost', async () => !listener.isListening, 2_000);
    // Missed by nobody listening: the session must still end.
    await quietly(h, `UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1`, [user.id]);
    await inbox(user.token).expect(401);
    await waitUntil('the listener back', async () => listener.isListening, 10_000);
    await inbox(user.token).expect(401);
    const again = await known();
    await inbox(again.token).expect(200);
  });
});
