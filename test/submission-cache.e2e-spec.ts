import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Response } from 'supertest';
import { CLOCK, type Clock } from '../src/common/clock';
import { TableChanges } from '../src/database/table-changes';
import { MEMBER_ENTRY_JSON } from '../src/competitions/submissions.store';
import {
  competition,
  inDays,
  person,
  type Person,
  programme,
  teamOf,
  waitUntil,
} from './support/competitions';
import { png } from './support/files';
import { auth, Harness } from './support/harness';
import { planRelations, readBesideSessionCheck } from './support/plan-relations';
import { listening, otherConnection, quietly } from './support/table-changes';

/**
 * A team member's GET /submissions/{id} answers from memory (SubmissionsService's memberAnswers,
 * kept per caller and entry). Each test first shows an answer is kept (a change made with the
 * triggers off is not seen, or the cache answered), then that what must drop it does: a change
 * by another process within the notification's delivery, one through this API at once. Without
 * the table in the cache's list, or the notification, each fails.
 */
describe('a member’s entry from the per-user cache (e2e)', () => {
  let h: Harness;
  let coordinator: Person;
  /** Another process's connection: its commits reach the API only by their notifications. */
  let other: Client;

  interface Entry {
    id: string;
    competitionId: string;
    programmeId: string;
    teamId: string;
    leader: Person;
    member: Person;
  }

  /** A new programme and competition, a team of two, its entry, each test its own. */
  const entry = async (compBody: Record<string, unknown> = {}): Promise<Entry> => {
    const programmeId = await programme(h, coordinator.token, `sc-${randomUUID().slice(0, 8)}`);
    const { id: competitionId } = await competition(h, coordinator.token, programmeId, compBody);
    const leader = await person(h, 'KR', { displayName: 'Leader' });
    const member = await person(h, 'TH', { displayName: 'Member' });
    const teamId = await teamOf(h, competitionId, leader, [member], 'Team');
    const created = await h
      .http()
      .post(`/api/v1/competitions/${competitionId}/submissions`)
      .set(auth(leader.token))
      .send({ title: 'Entry', logline: 'A logline' })
      .expect(201);
    return { id: created.body.id as string, competitionId, programmeId, teamId, leader, member };
  };

  const get = (who: Person, id: string, headers: Record<string, string> = {}) =>
    h.http().get(`/api/v1/submissions/${id}`).set(auth(who.token)).set(headers);

  const read = async (who: Person, id: string) => (await get(who, id).expect(200)).body;

  /**
   * The entry's answer to `who` is kept: its title changed quietly still reads as before. Writes
   * of the test's own (plain SQL: people, teams) may still be on their way to the listener, so
   * first until a read is a hit.
   */
  const kept = async (e: Entry, who: Person = e.leader) => {
    const before = await read(who, e.id);
    await waitUntil(
      'a kept answer',
      async () => (await hitsDuring(() => read(who, e.id))) === 1,
      2_000,
    );
    await quietly(h, `UPDATE submissions SET title = 'Quiet' WHERE id = $1`, [e.id]);
    expect((await read(who, e.id)).title).toBe(before.title);
  };

  const memberAnswers = () =>
    h.api
      .get(TableChanges)
      .caches()
      .find((c) => c.name === 'member-entry')!;

  /** Runs `fn`, answering how many reads of the member cache were hits meanwhile. */
  const hitsDuring = async (fn: () => Promise<unknown>) => {
    const spy = jest.spyOn(memberAnswers(), 'get');
    try {
      await fn();
      return spy.mock.results.filter((r) => r.value !== undefined).length;
    } finally {
      spy.mockRestore();
    }
  };

  /** The same bytes, status and ETag. */
  const sameAnswer = (a: Response, b: Response) => {
    expect([a.status, a.headers.etag, a.headers['content-type'], a.text]).toEqual([
      b.status,
      b.headers.etag,
      b.headers['content-type'],
      b.text,
    ]);
  };

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    coordinator = await h.userWithRoles(['coordinator']);
    await listening(h);
    other = await otherConnection();
  }, 60_000);
  afterAll(async () => {
    await other?.end();
    await h.stop();
  });
  afterEach(() => jest.restoreAllMocks());

  it('lists every table the statement reads (its plan, with real parameters)', async () => {
    const e = await entry();
    const [session] = (await h.db.query(
      `SELECT id FROM auth_sessions WHERE user_id = $1 AND revoked_at IS NULL`,
      [e.leader.id],
    )) as { id: string }[];
    const params = [e.id, e.leader.id, session.id, 'http://kenal.test'];
    const relations = await planRelations(h.db, MEMBER_ENTRY_JSON, params);
    // The plan names what the answer shows: a plan of almost nothing would prove nothing.
    expect(relations).toEqual(
      expect.arrayContaining(['submissions', 'team_members', 'submission_assets', 'users']),
    );
    const { tables, byCaller } = memberAnswers();
    expect(relations.filter((r) => !tables.includes(r))).toEqual([]);
    // The tables dropped by caller are read for the caller alone (the session check).
    const beside = await readBesideSessionCheck(h.db, MEMBER_ENTRY_JSON, ['$2', '$3'], params);
    expect(beside).toContain('users');
    expect(beside.filter((t) => byCaller!.tables.includes(t))).toEqual([]);
  });

  it('answers a hit with the bytes and ETag of a miss, If-None-Match or not', async () => {
    const e = await entry();
    await h.settled();
    const miss = await get(e.leader, e.id);
    let hit!: Response;
    expect(await hitsDuring(async () => void (hit = await get(e.leader, e.id)))).toBe(1);
    sameAnswer(hit, miss);
    expect(hit.status).toBe(200);
    // The id in any case is the same entry, and the same kept answer.
    let upper!: Response;
    expect(
      await hitsDuring(async () => void (upper = await get(e.leader, e.id.toUpperCase()))),
    ).toBe(1);
    sameAnswer(upper, miss);
    const tag = miss.headers.etag as string;
    expect(tag).toBe('"1"');
    // The member's first read is a miss; the leader's, with the same header, a hit.
    const conditionalMiss = await get(e.member, e.id, { 'if-none-match': tag });
    let conditionalHit!: Response;
    expect(
      await hitsDuring(
        async () => void (conditionalHit = await get(e.leader, e.id, { 'if-none-match': tag })),
      ),
    ).toBe(1);
    sameAnswer(conditionalHit, conditionalMiss);
  });

  it('keeps no one else’s read: a coordinator, a stranger', async () => {
    const e = await entry();
    await read(coordinator, e.id);
    await quietly(h, `UPDATE submissions SET title = 'Quiet' WHERE id = $1`, [e.id]);
    expect((await read(coordinator, e.id)).title).toBe('Quiet');
    // The team's answer is kept, the stranger's session known: still nothing for them.
    const stranger = await person(h, 'SG');
    await kept(e);
    await get(stranger, e.id).expect(404);
    await get(stranger, e.id).expect(404);
    // A stranger who joins quietly is read afresh: no refusal was kept either.
    await quietly(
      h,
      `INSERT INTO team_members (team_id, user_id, competition_id) VALUES ($1, $2, $3)`,
      [e.teamId, stranger.id, e.competitionId],
    );
    expect((await read(stranger, e.id)).title).toBe('Quiet');
  });

  it('shows a PATCH of the entry on the very next read, ETag and all', async () => {
    const e = await entry();
    await kept(e);
    const patched = await h
      .http()
      .patch(`/api/v1/submissions/${e.id}`)
      .set(auth(e.member.token))
      .send({ title: 'Patched', version: 1 })
      .expect(200);
    const res = await get(e.leader, e.id).expect(200);
    expect(res.body).toMatchObject({ title: 'Patched', version: patched.body.version });
    expect(res.headers.etag).toBe(`"${patched.body.version as number}"`);
  });

  it('shows an uploaded file on the very next read', async () => {
    const e = await entry();
    await kept(e);
    await h
      .http()
      .post(`/api/v1/submissions/${e.id}/assets`)
      .set(auth(e.member.token))
      .field('role', 'poster')
      .attach('file', png(), 'poster.png')
      .expect(201);
    const body = await read(e.leader, e.id);
    expect(body.assets).toEqual([expect.objectContaining({ originalName: 'poster.png' })]);
  });

  it('refuses a member who leaves the team at once (404), and shows the leader one member', async () => {
    const e = await entry();
    await kept(e, e.member);
    await kept(e, e.leader);
    await h.http().post(`/api/v1/teams/${e.teamId}/leave`).set(auth(e.member.token)).expect(204);
    await get(e.member, e.id).expect(404);
    expect((await read(e.leader, e.id)).members).toEqual([
      expect.objectContaining({ userId: e.leader.id }),
    ]);
  });

  it('shows a deadline moved through the API at once', async () => {
    const e = await entry();
    await kept(e);
    const closes = new Date(inDays(40)).toISOString();
    await h
      .http()
      .patch(`/api/v1/competitions/${e.competitionId}`)
      .set(auth(coordinator.token))
      .send({ submissionClosesAt: closes })
      .expect(200);
    expect((await read(e.leader, e.id)).deadline.closesAt).toBe(closes);
  });

  it('answers 401 at once after logout, and after the account is deleted', async () => {
    const e = await entry();
    await kept(e, e.leader);
    await kept(e, e.member);
    await h.http().post('/api/v1/auth/logout').set(auth(e.leader.token)).send({}).expect(204);
    await get(e.leader, e.id).expect(401);
    await h
      .http()
      .delete('/api/v1/me')
      .set(auth(e.member.token))
      .send({ password: e.member.password })
      .expect(202);
    await get(e.member, e.id).expect(401);
  });

  it('refuses a signed-out session while the same account’s answer is kept (401)', async () => {
    const e = await entry();
    const ended = { ...e.leader, token: await h.login(e.leader.email, e.leader.password) };
    await h.http().post('/api/v1/auth/logout').set(auth(ended.token)).send({}).expect(204);
    await kept(e, e.leader);
    await get(ended, e.id).expect(401);
  });

  /** A change another process makes by plain SQL, and what the leader's next reads must show. */
  const elsewhere: [
    string,
    (e: Entry) => Promise<unknown>,
    (e: Entry, res: Response) => boolean,
  ][] = [
    [
      'the entry (submissions)',
      (e) => other.query(`UPDATE submissions SET title = 'Elsewhere' WHERE id = $1`, [e.id]),
      (_, res) => res.body.title === 'Elsewhere',
    ],
    [
      'its team’s name (teams)',
      (e) => other.query(`UPDATE teams SET name = 'Renamed' WHERE id = $1`, [e.teamId]),
      (_, res) => res.body.teamName === 'Renamed',
    ],
    [
      'a member’s name (users)',
      (e) => other.query(`UPDATE users SET display_name = 'Renamed' WHERE id = $1`, [e.member.id]),
      (_, res) => res.body.members[1].displayName === 'Renamed',
    ],
    [
      'a member’s country (profiles)',
      (e) => other.query(`UPDATE profiles SET country = 'JP' WHERE user_id = $1`, [e.member.id]),
      (_, res) => res.body.members[1].country === 'JP',
    ],
    [
      'a file (submission_assets)',
      (e) =>
        other.query(
          `INSERT INTO submission_assets
                  (submission_id, role, storage_key, mime, size, sha256, original_name, uploaded_by_id)
           VALUES ($1, 'poster', 'elsewhere', 'image/png', 1, repeat('0', 64), 'elsewhere.png', $2)`,
          [e.id, e.member.id],
        ),
      (_, res) => res.body.assets[0]?.originalName === 'elsewhere.png',
    ],
    [
      'the competition’s deadline (competitions)',
      (e) =>
        other.query(
          `UPDATE competitions SET submission_closes_at = '2099-01-01T00:00:00Z' WHERE id = $1`,
          [e.competitionId],
        ),
      (_, res) => res.body.deadline.closesAt === '2099-01-01T00:00:00.000Z',
    ],
    [
      'the programme’s time zone (programmes)',
      (e) =>
        other.query(`UPDATE programmes SET timezone = 'Asia/Seoul' WHERE id = $1`, [e.programmeId]),
      (_, res) => res.body.deadline.timezone === 'Asia/Seoul',
    ],
    [
      'a member gone from the team (team_members)',
      (e) =>
        other.query(`DELETE FROM team_members WHERE team_id = $1 AND user_id = $2`, [
          e.teamId,
          e.leader.id,
        ]),
      (_, res) => res.status === 404,
    ],
    [
      'a revoked session (auth_sessions)',
      (e) =>
        other.query(`UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1`, [
          e.leader.id,
        ]),
      (_, res) => res.status === 401,
    ],
  ];

  it.each(elsewhere)('shows a change by plain SQL to %s within 2 s', async (_, change, seen) => {
    const e = await entry();
    await kept(e);
    await change(e);
    await waitUntil('the change', async () => seen(e, await get(e.leader, e.id)), 2_000);
  });

  it('answers at the deadline as a miss would: before, at and after it (the injected clock)', async () => {
    const closes = new Date(inDays(1));
    const e = await entry({ submissionClosesAt: closes.toISOString() });
    const instants = [closes.getTime() - 1, closes.getTime(), closes.getTime() + 1];
    // At each instant a member's first read is a miss: one who has not read yet.
    const others: Person[] = [];
    for (const _ of instants) {
      const other = await person(h, 'VN');
      await h.db.query(
        `INSERT INTO team_members (team_id, user_id, competition_id) VALUES ($1, $2, $3)`,
        [e.teamId, other.id, e.competitionId],
      );
      others.push(other);
    }
    const clock = h.api.get<Clock>(CLOCK);
    for (const [i, ms] of instants.entries()) {
      jest.spyOn(clock, 'now').mockImplementation(() => new Date(ms));
      await waitUntil(
        'a kept answer',
        async () => (await hitsDuring(() => read(e.leader, e.id))) === 1,
        2_000,
      );
      const miss = await get(others[i], e.id);
      let hit!: Response;
      expect(await hitsDuring(async () => void (hit = await get(e.leader, e.id)))).toBe(1);
      sameAnswer(hit, miss);
      const edit = await h
        .http()
        .patch(`/api/v1/submissions/${e.id}`)
        .set(auth(e.leader.token))
        .send({ logline: `At ${ms}` });
      expect(edit.status).toBe(ms < closes.getTime() ? 200 : 409);
    }
  });
});
