import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CLOCK, type Clock } from '../src/common/clock';
import { type TableCache, TableChanges } from '../src/database/table-changes';
import { MY_PENPAL_TEXTS } from '../src/penpal/penpal.store';
import {
  confirmGuardian,
  type Person,
  person as somebody,
  programme,
} from './support/competitions';
import { auth, Harness } from './support/harness';
import { planRelations, readBesideSessionCheck, scansNotPinned } from './support/plan-relations';
import { closedPenpalRound, matchedRound } from './support/penpal';
import { waitUntil } from './support/wait';
import { otherConnection } from './support/table-changes';

const HOUR = 3600_000;
const yearsAgo = (years: number) => `${new Date().getUTCFullYear() - years}-01-15`;

interface Penpal {
  matchId: string;
  roundName: string;
  status: string;
  myResponse: string;
  penpalResponse: string;
  reasons: string[];
  penpal: { displayName: string; country: string | null; interests: string[] | null };
}

/**
 * GET /me/penpals answers from a per-user cache (issue 14), dropped by PostgreSQL's notification
 * of a change to any table its statement reads. A kept answer must be the statement's at that
 * instant; a change must show at the next read of the same process, or within the notification's
 * delivery from elsewhere; logout, account deletion and consent withdrawal act at once.
 * Each check starts from a kept answer (the cache's get said so), else it would prove nothing.
 */
describe('pen pals: my list from the per-user cache (e2e)', () => {
  let h: Harness;
  let elsewhere: Client;
  let coordinator: string;
  let programmeId: string;
  let answers: TableCache<Buffer>;
  let gets: jest.SpyInstance;

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    answers = h.api
      .get(TableChanges)
      .caches()
      .find((c) => c.name === 'my-penpals') as TableCache<Buffer>;
    gets = jest.spyOn(answers, 'get');
    // Another process's connection: its writes reach the API only by notification.
    elsewhere = await otherConnection();
    coordinator = (await h.userWithRoles(['coordinator'])).token;
    programmeId = await programme(h, coordinator, 'penpal-cache', 'Asia/Seoul');
  }, 60000);
  afterAll(async () => {
    await elsewhere?.end();
    await h.stop();
  });

  /** An adult unless born later; their institution is what a pen pal must never see. */
  const person = async (country: string, opts: { dob?: string; locale?: string } = {}) => {
    const p = await somebody(h, country, {
      displayName: `${country} person`,
      dateOfBirth: opts.dob,
      locale: opts.locale,
    });
    await h.db.query(`UPDATE profiles SET institution = 'Secret Institute' WHERE user_id = $1`, [
      p.id,
    ]);
    return p;
  };
  /** A minor whose guardian confirmed; with the link that also withdraws. */
  const minor = async (country: string, locale = 'en') => {
    const p = await person(country, { dob: yearsAgo(15), locale });
    await confirmGuardian(h, p);
    const mail = await h.smtp.waitFor(`guardian-${p.id}@kenal.test`);
    const token = mail.text.match(/consent\/([A-Za-z0-9_-]{43})/)![1];
    return { ...p, consentToken: token };
  };

  /** A round of these two, matched by a run (published through the API by the test). */
  const pairUp = (a: Person, b: Person) => matchedRound(h, coordinator, programmeId, [a, b]);
  const publish = (runId: string) =>
    h.http().post(`/api/v1/matching-runs/${runId}/publish`).set(auth(coordinator)).expect(200);
  /** A published match between two adults, written straight to the tables. */
  const inserted = async (a: Person, b: Person) => {
    const roundId = await closedPenpalRound(h, coordinator, programmeId);
    const [row] = (await h.db.query(
      `INSERT INTO penpal_matches (run_id, round_id, user_a, country_a, user_b, country_b, score,
                                   reasons, reason_facts, status)
       VALUES ($1, $2, $3, 'KR', $4, 'TH', 70, '{}', $5, 'published') RETURNING id`,
      [
        randomUUID(),
        roundId,
        a.id,
        b.id,
        JSON.stringify({
          speak: ['en'],
          some: [],
          practise: [],
          interests: ['film'],
          ageGap: 1,
          askedCountry: null,
          askedKorea: false,
        }),
      ],
    )) as { id: string }[];
    return { roundId, matchId: row.id };
  };

  /** One GET, and whether the cache answered it. */
  const read = async (p: Person) => {
    gets.mockClear();
    const res = await h.http().get('/api/v1/me/penpals').set(auth(p.token));
    const hit = gets.mock.results.some((r) => r.value !== undefined);
    return { res, hit };
  };
  /** The list, read twice: the second time from the cache. */
  const kept = async (p: Person): Promise<Penpal[]> => {
    await h.settled();
    const first = await read(p);
    expect(first.res.status).toBe(200);
    const again = await read(p);
    expect(again.hit).toBe(true);
    expect(again.res.text).toBe(first.res.text);
    return again.res.body as Penpal[];
  };
  const list = async (p: Person): Promise<Penpal[]> => {
    const { res } = await read(p);
    expect(res.status).toBe(200);
    return res.body as Penpal[];
  };
  /** A change made elsewhere shows within the notification's delivery (2 s at most here). */
  const within2s = (what: string, p: Person, check: (l: Penpal[]) => boolean) =>
    waitUntil(what, async () => check(await list(p)), 2000);

  it('reads only tables the cache is dropped by (the statement’s plan)', async () => {
    const p = await person('KR');
    const [session] = (await h.db.query(
      `SELECT id FROM auth_sessions WHERE user_id = $1 AND revoked_at IS NULL`,
      [p.id],
    )) as { id: string }[];
    const read = await planRelations(h.db, MY_PENPAL_TEXTS, [p.id, session.id]);
    expect(read).toContain('penpal_matches');
    expect(read.filter((t) => !answers.tables.includes(t))).toEqual([]);
    // And none that it does not read, which would only drop answers for nothing.
    expect([...answers.tables].sort()).toEqual(read);
    // The tables dropped by caller are read for the caller alone (the session check).
    const beside = await readBesideSessionCheck(
      h.db,
      MY_PENPAL_TEXTS,
      ['$1', '$2'],
      [p.id, session.id],
    );
    expect(beside).toContain('users');
    // Matches are read by scans pinned to the caller (either pen pal); nothing else by caller.
    expect(answers.byCaller!.tables).toEqual(['auth_sessions', 'penpal_matches']);
    expect(
      beside.filter((t) => t !== 'penpal_matches' && answers.byCaller!.tables.includes(t)),
    ).toEqual([]);
    expect(
      await scansNotPinned(h.db, MY_PENPAL_TEXTS, [p.id, session.id], {
        table: 'penpal_matches',
        columns: ['user_a', 'user_b'],
        pins: [`'${p.id}'::uuid`, 'u.id'],
      }),
    ).toEqual([]);
  });

  it('keeps my list while other pen pals answer or sign in; an answer on my own match drops it', async () => {
    const [kr, th, ko, vn] = [
      await person('KR'),
      await person('TH'),
      await person('KR'),
      await person('VN'),
    ];
    const mine = await inserted(kr, th);
    const theirs = await inserted(ko, vn);
    await kept(kr);
    await elsewhere.query(`UPDATE penpal_matches SET response_a = 'accepted' WHERE id = $1`, [
      theirs.matchId,
    ]);
    // A sign-in elsewhere (a session row; a sign-up or a profile saved would still drop all).
    await elsewhere.query(`INSERT INTO auth_sessions (user_id) VALUES ($1)`, [vn.id]);
    await h.settled();
    expect((await read(kr)).hit).toBe(true);
    await elsewhere.query(`UPDATE penpal_matches SET response_b = 'accepted' WHERE id = $1`, [
      mine.matchId,
    ]);
    await within2s('my pen pal’s answer', kr, (l) => l[0]?.penpalResponse === 'accepted');
  });

  it('answers from the cache exactly what the statement gives, whatever the time', async () => {
    const [kr, th] = [await person('KR'), await person('TH')];
    await inserted(kr, th);
    const hit = await kept(kr);
    expect(hit).toHaveLength(1);
    // Nothing in the answer compares with now: a year on (rounds long closed), a kept answer
    // is still the statement's.
    const clock = h.api.get<Clock>(CLOCK);
    const later = new Date(Date.now() + 400 * 24 * HOUR);
    const now = jest.spyOn(clock, 'now').mockReturnValue(later);
    const fromCache = await read(kr);
    expect(fromCache.hit).toBe(true);
    gets.mockReturnValueOnce(undefined);
    const missed = await read(kr);
    expect(missed.hit).toBe(false);
    now.mockRestore();
    expect(fromCache.res.text).toBe(missed.res.text);
  });

  it('shows a change made by plain SQL elsewhere within 2 s: match ended, unpublished, republished, round renamed, pen pal renamed, profile changed or gone, match deleted', async () => {
    const [kr, th] = [await person('KR'), await person('TH')];
    const { roundId, matchId } = await inserted(kr, th);
    const sql = (text: string, values: unknown[]) => elsewhere.query(text, values);

    expect((await kept(kr))[0].status).toBe('published');
    await sql(`UPDATE penpal_matches SET status = 'ended' WHERE id = $1`, [matchId]);
    await within2s('the match ended', kr, (l) => l[0]?.status === 'ended');

    await kept(kr);
    await sql(`UPDATE penpal_matches SET status = 'proposed' WHERE id = $1`, [matchId]);
    await within2s('the match unpublished', kr, (l) => l.length === 0);

    await kept(kr);
    await sql(`UPDATE penpal_matches SET status = 'published' WHERE id = $1`, [matchId]);
    await within2s('the match published again', kr, (l) => l[0]?.status === 'published');

    await kept(kr);
    await sql(`UPDATE penpal_rounds SET name = 'Renamed round' WHERE id = $1`, [roundId]);
    await within2s('the round renamed', kr, (l) => l[0]?.roundName === 'Renamed round');

    await kept(kr);
    await sql(`UPDATE users SET display_name = 'Renamed pal' WHERE id = $1`, [th.id]);
    await within2s('the pen pal renamed', kr, (l) => l[0]?.penpal.displayName === 'Renamed pal');

    await kept(kr);
    await sql(`UPDATE profiles SET country = 'LA', interests = '{music}' WHERE user_id = $1`, [
      th.id,
    ]);
    await within2s('the profile changed', kr, (l) => l[0]?.penpal.country === 'LA');
    expect((await kept(kr))[0].penpal.interests).toEqual(['music']);

    await sql(`DELETE FROM profiles WHERE user_id = $1`, [th.id]);
    await within2s('the profile gone', kr, (l) => l[0]?.penpal.country === null);

    await kept(kr);
    await sql(`DELETE FROM penpal_matches WHERE id = $1`, [matchId]);
    await within2s('the match deleted', kr, (l) => l.length === 0);
  });

  it('shows a language or a session changed by plain SQL elsewhere within 2 s', async () => {
    const [kr, th] = [await person('KR'), await person('TH')];
    await inserted(kr, th);
    expect((await kept(kr))[0].reasons).toContain('both speak English');
    await elsewhere.query(`UPDATE users SET locale = 'ko' WHERE id = $1`, [kr.id]);
    await within2s('the reasons in Korean', kr, (l) =>
      l[0]?.reasons.includes('함께 쓰는 언어: 영어'),
    );

    await kept(kr);
    await elsewhere.query(`UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1`, [
      kr.id,
    ]);
    await waitUntil('the session revoked', async () => (await read(kr)).res.status === 401, 2000);
  });

  it('shows a change through the API at the very next request: published, answered, profile, language, cancelled', async () => {
    const [kr, th] = [await person('KR', { locale: 'ko' }), await person('TH')];
    const { runId } = await pairUp(kr, th);
    expect(await kept(th)).toEqual([]);
    await publish(runId);
    const [match] = await list(th);
    expect(match).toMatchObject({ status: 'published', myResponse: 'pending' });

    expect((await kept(kr))[0].penpalResponse).toBe('pending');
    await h
      .http()
      .post(`/api/v1/penpal-matches/${match.matchId}/respond`)
      .set(auth(th.token))
      .send({ accept: true })
      .expect(200);
    expect((await list(kr))[0].penpalResponse).toBe('accepted');
    expect((await list(th))[0].myResponse).toBe('accepted');

    await kept(kr);
    await h
      .http()
      .put('/api/v1/me/profile')
      .set(auth(th.token))
      .send({
        country: 'TH',
        dateOfBirth: '2001-05-05',
        languages: [{ code: 'en', level: 'fluent' }],
        interests: ['music'],
      })
      .expect(200);
    expect((await list(kr))[0].penpal.interests).toEqual(['music']);

    const korean = (await kept(kr))[0].reasons;
    expect(korean).toContain('함께 쓰는 언어: 영어');
    await h.http().put('/api/v1/me/locale').set(auth(kr.token)).send({ locale: 'en' }).expect(200);
    const reasons = (await list(kr))[0].reasons;
    expect(reasons).not.toEqual(korean);
    expect(reasons).toContain("age difference within the round's limit");

    for (const p of [kr, th]) await kept(p);
    await h
      .http()
      .post(`/api/v1/penpal-matches/${match.matchId}/cancel`)
      .set(auth(coordinator))
      .send({ reason: 'Reported by a guardian' })
      .expect(200);
    for (const p of [kr, th]) expect(await list(p)).toEqual([]);
  });

  it('refuses at once after logout and after account deletion; a deleted pen pal leaves at once', async () => {
    const [kr, th, la] = [await person('KR'), await person('TH'), await person('LA')];
    await inserted(kr, th);
    await inserted(la, th);

    await kept(kr);
    await h.http().post('/api/v1/auth/logout').set(auth(kr.token)).send({}).expect(204);
    const out = await read(kr);
    expect([out.res.status, out.res.body.code]).toEqual([401, 'UNAUTHENTICATED']);

    expect(await kept(la)).toHaveLength(1);
    expect(await kept(th)).toHaveLength(2);
    await h
      .http()
      .delete('/api/v1/me')
      .set(auth(th.token))
      .send({ password: th.password })
      .expect(202);
    expect((await read(th)).res.status).toBe(401);
    expect(await list(la)).toEqual([]);
  });

  it('two minors see of each other only name, country, languages and interests; a guardian’s withdrawal ends it at once', async () => {
    const kr = await minor('KR', 'ko');
    const th = await minor('TH');
    const { runId } = await pairUp(kr, th);
    await publish(runId);
    await h.settled();
    for (const p of [kr, th]) {
      const first = await read(p);
      const again = await read(p);
      expect(again.hit).toBe(true);
      for (const res of [first.res, again.res]) {
        const [item] = res.body as Penpal[];
        expect(Object.keys(item.penpal)).toEqual([
          'displayName',
          'country',
          'languages',
          'interests',
        ]);
        expect(res.text).not.toMatch(/Secret|@kenal\.test|Guardian|-01-15/);
      }
    }

    await h.http().post(`/api/v1/guardian-consents/${kr.consentToken}/withdraw`).expect(200);
    for (const p of [kr, th]) expect(await list(p)).toEqual([]);
  });

  it('keeps each reader’s own list in their own language: the two of a match, two of one language', async () => {
    const [kr, th] = [await person('KR', { locale: 'ko' }), await person('TH', { locale: 'th' })];
    await inserted(kr, th);
    const [en, alone] = [await person('LA'), await person('VN')];
    await inserted(en, th);
    const korean = (await kept(kr))[0].reasons;
    const english = (await kept(en))[0].reasons;
    const thai = (await kept(th)).map((x) => x.reasons);
    expect(korean).toContain('함께 쓰는 언어: 영어');
    expect(english).toContain('both speak English');
    expect(thai).toHaveLength(2);
    for (const r of thai) {
      expect(r).not.toContain('both speak English');
      expect(r).not.toContain('함께 쓰는 언어: 영어');
    }
    // Another reader in English, after one's list was kept: their own (none).
    expect(await kept(alone)).toEqual([]);
    // Read again each from the cache: still each their own.
    expect((await kept(kr))[0].reasons).toEqual(korean);
    expect((await kept(en))[0].reasons).toEqual(english);
  });
});
