import { Client } from 'pg';
import { CLOCK, type Clock } from '../src/common/clock';
import { hashToken, newToken } from '../src/common/crypto/tokens';
import { PROFILE_AND_CONSENT_SQL } from '../src/identity/identity.store';
import { ProfileService } from '../src/identity/profile.service';
import { person, type Person, waitUntil } from './support/competitions';
import { auth, Harness } from './support/harness';
import { planRelations, readBesideSessionCheck, scansNotPinned } from './support/plan-relations';
import { listening, otherConnection } from './support/table-changes';

/**
 * GET /me keeps what its statement read of each caller (profile, latest guardian consent) until
 * PostgreSQL says one of the statement's tables changed. Each test first shows an answer served
 * without the statement, then that the way the kept read is dropped, or the part computed per
 * request, works: without it, the test fails.
 */
describe('GET /me from the per-user cache (e2e)', () => {
  let h: Harness;
  let cache: ProfileService['mineCache'];
  /** Another connection, as another API process or psql would write. */
  let other: Client;

  /** GET /me, and whether this request ran the statement (false: answered from the cache). */
  const me = async (token: string) => {
    const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const query = proto.query;
    let read = false;
    proto.query = function (this: Client, ...args: unknown[]) {
      const q = args[0] as string | { text?: string };
      if ((typeof q === 'string' ? q : q.text) === PROFILE_AND_CONSENT_SQL) read = true;
      return query.apply(this, args);
    };
    try {
      const res = await h.http().get('/api/v1/me').set(auth(token));
      return { status: res.status, body: res.body, text: res.text, read };
    } finally {
      proto.query = query;
    }
  };

  /** A caller whose read is kept: the second GET /me is answered without the statement. */
  const kept = async (p: Person) => {
    await h.settled();
    const first = await me(p.token);
    expect(first.status).toBe(200);
    const second = await me(p.token);
    expect(second).toEqual({ ...first, read: false });
    return second;
  };

  /** The next answers until `holds` (the notification crosses processes in ms; 2 s at most). */
  const within2s = async (token: string, holds: (body: MeBody, status: number) => boolean) => {
    const deadline = Date.now() + 2000;
    for (;;) {
      const res = await me(token);
      if (holds(res.body as MeBody, res.status)) return res;
      if (Date.now() > deadline) return res;
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  const sessionOf = async (userId: string): Promise<string> =>
    (
      (await h.db.query(
        `SELECT id FROM auth_sessions WHERE user_id = $1 AND revoked_at IS NULL
          ORDER BY created_at DESC LIMIT 1`,
        [userId],
      )) as { id: string }[]
    )[0].id;

  /** A minor whose pending consent answers to a link the test knows. */
  const minor = async (dateOfBirth: string) => {
    const p = await person(h, 'ID', { dateOfBirth });
    const token = newToken();
    // Through the API's pool, whose writes are heard before it returns: no late drop.
    await h.db.query(
      `UPDATE guardian_consents SET token_hash = $2
        WHERE user_id = $1 AND superseded_at IS NULL`,
      [p.id, hashToken(token)],
    );
    return { p, link: `/api/v1/guardian-consents/${token}` };
  };

  beforeAll(async () => {
    h = await Harness.start();
    cache = h.api.get(ProfileService).mineCache;
    other = await otherConnection();
    await listening(h);
  });
  afterAll(async () => {
    await other?.end();
    await h.stop();
  });
  afterEach(() => jest.restoreAllMocks());

  it("lists every table the statement reads (PostgreSQL's plan for it)", async () => {
    const { p } = await minor('2012-03-04');
    const params = [p.id, await sessionOf(p.id)];
    const relations = await planRelations(h.db, PROFILE_AND_CONSENT_SQL, params);
    expect(relations).toEqual(['auth_sessions', 'guardian_consents', 'profiles', 'users']);
    for (const relation of relations) expect(cache.tables).toContain(relation);
    // Each is dropped by caller, so each is read for the caller alone: users and sessions by the
    // session check only, profiles and consents by scans pinned to the caller's id.
    expect([...cache.byCaller!.tables].sort()).toEqual(relations);
    const beside = await readBesideSessionCheck(
      h.db,
      PROFILE_AND_CONSENT_SQL,
      ['$1', '$2'],
      params,
    );
    expect(beside).toEqual(['guardian_consents', 'profiles']);
    for (const table of beside) {
      const pins = [`'${p.id}'::uuid`, 'u.id'];
      expect({
        table,
        unpinned: await scansNotPinned(h.db, PROFILE_AND_CONSENT_SQL, params, {
          table,
          columns: ['user_id'],
          pins,
        }),
      }).toEqual({ table, unpinned: [] });
    }
  });

  it("keeps each caller's read apart: two callers kept at once get their own answers", async () => {
    const [a, b] = [await person(h, 'MY', { displayName: 'Aminah' }), await person(h, 'LA')];
    await other.query(`UPDATE profiles SET bio = 'Bio of ' || user_id WHERE user_id IN ($1, $2)`, [
      a.id,
      b.id,
    ]);
    await within2s(a.token, (body) => body.profile?.bio === `Bio of ${a.id}`);
    const [keptA, keptB] = [await kept(a), await kept(b)];
    expect((await me(a.token)).text).toBe(keptA.text);
    expect((await me(b.token)).text).toBe(keptB.text);
    expect(keptA.body).toMatchObject({
      id: a.id,
      displayName: 'Aminah',
      profile: { country: 'MY', bio: `Bio of ${a.id}` },
    });
    expect(keptB.body).toMatchObject({
      id: b.id,
      profile: { country: 'LA', bio: `Bio of ${b.id}` },
    });
  });

  it("keeps a caller's read while others sign in or change their profile, consent or account", async () => {
    const { p } = await minor('2011-06-07');
    const { p: q } = await minor('2012-07-08');
    await kept(p);
    const somebody = await person(h, 'KH');
    await h.http().post('/api/v1/auth/logout').set(auth(somebody.token)).send({}).expect(204);
    const changes: [string, unknown[]][] = [
      [`UPDATE profiles SET bio = 'Another' WHERE user_id = $1`, [q.id]],
      [`UPDATE guardian_consents SET confirmed_at = now() WHERE user_id = $1`, [q.id]],
      [`UPDATE users SET display_name = 'Another' WHERE id = $1`, [q.id]],
    ];
    for (const [sql, params] of changes) await other.query(sql, params);
    // Every change above heard (the API's own notification came back after them).
    await h.settled();
    expect((await me(p.token)).read).toBe(false);
    expect((await me(q.token)).body.displayName).toBe('Another');
    // One statement naming both drops both.
    await other.query(`UPDATE profiles SET city = 'Vientiane' WHERE user_id IN ($1, $2)`, [
      p.id,
      q.id,
    ]);
    await waitUntil(
      'p changed',
      async () => (await me(p.token)).body.profile?.city === 'Vientiane',
    );
  });

  it('shows a PUT /me/profile on the very next GET /me of the same process', async () => {
    const p = await person(h, 'KR');
    expect((await kept(p)).body.profile.bio).toBeNull();
    await h
      .http()
      .put('/api/v1/me/profile')
      .set(auth(p.token))
      .send({
        country: 'KR',
        dateOfBirth: '2001-05-05',
        languages: [{ code: 'ko', level: 'native' }],
        interests: ['film'],
        bio: 'Put through the API',
      })
      .expect(200);
    const next = await me(p.token);
    expect(next.read).toBe(true);
    expect(next.body.profile).toMatchObject({
      bio: 'Put through the API',
      languages: [{ code: 'ko', level: 'native' }],
    });
  });

  it('shows a change to the profile, the consent or the account written by another connection within 2 s', async () => {
    const { p } = await minor('2012-03-04');
    expect((await kept(p)).body.guardianConsent.status).toBe('pending');

    await other.query(
      `UPDATE profiles SET bio = 'From psql', city = 'Bandung' WHERE user_id = $1`,
      [p.id],
    );
    const profile = await within2s(p.token, (b) => b.profile?.bio === 'From psql');
    expect(profile.body.profile).toMatchObject({ bio: 'From psql', city: 'Bandung' });
    await kept(p);

    await other.query(
      `UPDATE guardian_consents SET confirmed_at = now() WHERE user_id = $1 AND superseded_at IS NULL`,
      [p.id],
    );
    const consent = await within2s(p.token, (b) => b.guardianConsent.status === 'confirmed');
    expect(consent.body.guardianConsent).toMatchObject({
      status: 'confirmed',
      confirmedAt: expect.any(String),
    });
    await kept(p);

    await other.query(`UPDATE users SET display_name = 'Renamed', locale = 'ko' WHERE id = $1`, [
      p.id,
    ]);
    const account = await within2s(p.token, (b) => b.displayName === 'Renamed');
    expect(account.body).toMatchObject({ displayName: 'Renamed', locale: 'ko' });
    await kept(p);

    // A new consent request (a newer row) replaces the kept latest one.
    await other.query(
      `UPDATE guardian_consents SET superseded_at = now() WHERE user_id = $1 AND superseded_at IS NULL`,
      [p.id],
    );
    const gone = await within2s(p.token, (b) => b.guardianConsent.status === 'missing');
    expect(gone.body.guardianConsent).toEqual({ status: 'missing' });
  });

  it('answers 401 on the request after a logout', async () => {
    const p = await person(h, 'VN');
    await kept(p);
    await h.http().post('/api/v1/auth/logout').set(auth(p.token)).send({}).expect(204);
    const after = await me(p.token);
    expect([after.status, after.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it("answers 401 on the request after the account's deletion", async () => {
    const p = await person(h, 'TH');
    await kept(p);
    await h
      .http()
      .delete('/api/v1/me')
      .set(auth(p.token))
      .send({ password: p.password })
      .expect(202);
    const after = await me(p.token);
    expect([after.status, after.body.code]).toEqual([401, 'UNAUTHENTICATED']);

    // Marked deleted by another process, nothing but the account's row written.
    const q = await person(h, 'TH');
    await kept(q);
    await other.query(`UPDATE users SET deleted_at = now() WHERE id = $1`, [q.id]);
    const gone = await within2s(q.token, (_, status) => status === 401);
    expect([gone.status, gone.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('shows a role an administrator took away on the next GET /me', async () => {
    const p = await h.userWithRoles(['applicant', 'judge']);
    expect((await kept(p)).body.roles).toEqual(['applicant', 'judge']);
    await h
      .http()
      .put(`/api/v1/admin/users/${p.id}/roles`)
      .set(auth(await h.adminToken()))
      .send({ roles: ['applicant'] })
      .expect(200);
    expect((await me(p.token)).body.roles).toEqual(['applicant']);
  });

  it('answers from the kept read at the 18th birthday as a fresh read does: age and consent from now', async () => {
    const clock = h.api.get<Clock>(CLOCK);
    const birthday = Date.parse('2030-06-15T00:00:00Z');
    const now = jest.spyOn(clock, 'now').mockReturnValue(new Date(birthday - 86400_000));
    const { p } = await minor('2012-06-15');

    now.mockReturnValue(new Date(birthday - 1));
    const before = await kept(p);
    expect(before.body.profile.age).toBe(17);
    expect(before.body.guardianConsent.status).toBe('pending');

    now.mockReturnValue(new Date(birthday));
    const at = await me(p.token);
    expect(at.read).toBe(false);
    expect(at.body.profile.age).toBe(18);
    expect(at.body.guardianConsent).toEqual({ status: 'not_required' });

    // The same instant read afresh (a change elsewhere drops every kept read): the same bytes.
    await other.query(`UPDATE profiles SET bio = bio WHERE user_id = $1`, [p.id]);
    await waitUntil(
      'the kept read dropped',
      async () => cache.get(p.id, birthday) === undefined,
      2000,
    );
    const fresh = await me(p.token);
    expect(fresh.read).toBe(true);
    expect(fresh.text).toBe(at.text);
  });

  it("shows a guardian's confirmation and withdrawal through the link on the next GET /me", async () => {
    const { p, link } = await minor('2012-03-04');
    expect((await kept(p)).body.guardianConsent.status).toBe('pending');

    await h.http().post(`${link}/confirm`).expect(200);
    const confirmed = await me(p.token);
    expect(confirmed.read).toBe(true);
    expect(confirmed.body.guardianConsent).toMatchObject({
      status: 'confirmed',
      confirmedAt: expect.any(String),
    });
    expect((await kept(p)).body.guardianConsent.status).toBe('confirmed');

    await h.http().post(`${link}/withdraw`).expect(200);
    const withdrawn = await me(p.token);
    expect(withdrawn.read).toBe(true);
    expect(withdrawn.body.guardianConsent).toMatchObject({
      status: 'withdrawn',
      withdrawnAt: expect.any(String),
    });
  });
});

interface MeBody {
  displayName: string;
  profile: { bio: string | null } | null;
  guardianConsent: { status: string };
}
