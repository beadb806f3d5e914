import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  competition,
  completeMovie,
  filesUnder,
  inDays,
  type Person,
  person,
  programme,
  waitUntil,
} from './support/competitions';
import { ADMIN, auth, Harness } from './support/harness';
import { tokenFrom } from './support/smtp';
import {
  addJudge,
  assign,
  createRound,
  myAssignments,
  openRound,
  submittedEntry,
} from './support/judging';

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);

/** What is personal about the person who deletes their account: none of it may remain. */
const NAME = 'Yerin Erasable';
const DOB = '2011-03-14';
const GUARDIAN = { name: 'Guardian Erasable', email: 'mother.of.yerin@kenal.test' };

interface Hit {
  table: string;
  column: string;
  rows: number;
}

/** Every column of every table (any type, read as text) that contains one of `needles`. */
async function scan(h: Harness, needles: string[]): Promise<Hit[]> {
  const columns: { table: string; column: string }[] = await h.db.query(
    `SELECT c.table_name AS "table", c.column_name AS "column"
       FROM information_schema.columns c
       JOIN information_schema.tables t
         ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      ORDER BY 1, 2`,
  );
  expect(columns.length).toBeGreaterThan(100);
  const lowered = needles.map((n) => n.toLowerCase());
  const hits: Hit[] = [];
  for (const table of [...new Set(columns.map((c) => c.table))]) {
    // One pass over the whole row first; column by column only where something was found.
    const [{ n }]: { n: number }[] = await h.db.query(
      `SELECT count(*)::int AS n FROM "${table}" x
        WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) k WHERE strpos(lower(x::text), k) > 0)`,
      [lowered],
    );
    if (n === 0) continue;
    for (const { column } of columns.filter((c) => c.table === table)) {
      for (const needle of lowered) {
        const [{ rows }]: { rows: number }[] = await h.db.query(
          `SELECT count(*)::int AS rows FROM "${table}" WHERE strpos(lower("${column}"::text), $1) > 0`,
          [needle],
        );
        if (rows > 0) hits.push({ table, column: `${column} ∋ ${needle}`, rows });
      }
    }
  }
  return hits;
}

/** Account deletion (PIPA / PDPA): the account closes at once and the person is erased everywhere. */
describe('DELETE /me (e2e)', () => {
  let h: Harness;
  let uploads: string;
  let coordinator: Person;
  let programmeId: string;

  beforeAll(async () => {
    uploads = await mkdtemp(join(tmpdir(), 'kenal-erasure-'));
    h = await Harness.start({ worker: true, env: { UPLOAD_DIR: uploads } });
    coordinator = await h.userWithRoles(['coordinator']);
    programmeId = await programme(h, coordinator.token, 'erasure');
  });
  afterAll(async () => {
    await h.stop();
    await rm(uploads, { recursive: true, force: true });
  });

  /** A minor whose guardian confirmed, as the pen-pal round and teams need. */
  async function confirmedMinor(
    country: string,
    displayName: string,
    guardian: { name: string; email: string },
    dateOfBirth: string,
  ): Promise<Person> {
    const p = await person(h, country, { displayName, dateOfBirth, guardian });
    const mail = await h.smtp.waitFor(guardian.email);
    const token = mail.text.match(/(?:guardian-consents|consent)\/([A-Za-z0-9_-]{43})/)![1];
    await h.http().post(`/api/v1/guardian-consents/${token}/confirm`).expect(200);
    return p;
  }

  async function publishedPenpals(a: Person, b: Person) {
    const round = await h
      .http()
      .post(`/api/v1/programmes/${programmeId}/penpal-rounds`)
      .set(auth(coordinator.token))
      .send({
        name: 'Erasure round',
        enrolmentOpensAt: inDays(-1),
        enrolmentClosesAt: inDays(1),
        rules: { maxAgeGapYears: 5 },
      })
      .expect(201);
    for (const p of [a, b]) {
      await h
        .http()
        .post(`/api/v1/penpal-rounds/${round.body.id}/enrolments`)
        .set(auth(p.token))
        .send({})
        .expect(201);
    }
    await h
      .http()
      .patch(`/api/v1/penpal-rounds/${round.body.id}`)
      .set(auth(coordinator.token))
      .send({ enrolmentClosesAt: new Date(Date.now() - 1000).toISOString() })
      .expect(200);
    const run = await h
      .http()
      .post(`/api/v1/penpal-rounds/${round.body.id}/matching-runs`)
      .set(auth(coordinator.token))
      .send({ seed: 1 })
      .expect(202);
    await waitUntil('the matching run', async () => {
      const r = await h
        .http()
        .get(`/api/v1/matching-runs/${run.body.id}`)
        .set(auth(coordinator.token));
      return r.body.status === 'succeeded';
    });
    await h
      .http()
      .post(`/api/v1/matching-runs/${run.body.id}/publish`)
      .set(auth(coordinator.token))
      .expect(200);
  }

  it('closes the account at once, erases the person from every table, and keeps what others rely on under "Former member"', async () => {
    // The person: a Korean minor with a guardian, a pen pal, a team with a submitted entry,
    // a draft of their own with a file, notifications, and scores as a judge.
    const me = await confirmedMinor('KR', NAME, GUARDIAN, DOB);
    const penpal = await confirmedMinor(
      'VN',
      'Pen Pal Nguyen',
      { name: 'Guardian Nguyen', email: 'guardian.nguyen@kenal.test' },
      '2011-06-01',
    );
    await publishedPenpals(me, penpal);
    const penpalInbox = await h.inbox(penpal.token, 3);
    expect(penpalInbox.map((n) => n.type)).toContain('penpal.matched');

    const teammate = await person(h, 'TH', { displayName: 'Teammate Somchai' });
    const c1 = await competition(h, coordinator.token, programmeId, { title: 'Movies One' });
    const entered = await submittedEntry(
      h,
      c1.id,
      me,
      [teammate],
      `${NAME} and friends`,
      'River Film',
    );

    const c2 = await competition(h, coordinator.token, programmeId, { title: 'Movies Two' });
    const draft = await h
      .http()
      .post(`/api/v1/competitions/${c2.id}/submissions`)
      .set(auth(me.token))
      .send({ title: 'My Own Draft', ...completeMovie, credits: NAME })
      .expect(201);
    await h
      .http()
      .post(`/api/v1/submissions/${draft.body.id}/assets`)
      .set(auth(me.token))
      .field('role', 'poster')
      .attach('file', png, { filename: `${NAME}.png`, contentType: 'image/png' })
      .expect(201);
    expect(await filesUnder(uploads)).toHaveLength(1);

    // As a judge in a third competition: one final score, one draft.
    await h.db.query(`UPDATE users SET roles = '{applicant,judge}' WHERE id = $1`, [me.id]);
    const c3 = await competition(h, coordinator.token, programmeId, { title: 'Movies Three' });
    const e1 = await person(h, 'ID', { displayName: 'Entrant One' });
    const e2 = await person(h, 'MY', { displayName: 'Entrant Two' });
    await submittedEntry(h, c3.id, e1, [], 'Team One', 'Entry One');
    await submittedEntry(h, c3.id, e2, [], 'Team Two', 'Entry Two');
    const judge2 = await h.userWithRoles(['judge']);
    const judge3 = await h.userWithRoles(['judge']);
    await addJudge(h, coordinator.token, c3.id, me.id);
    await addJudge(h, coordinator.token, c3.id, judge2.id);
    const round = await createRound(h, coordinator.token, c3.id, {
      judgesPerEntry: 2,
      blind: false,
    });
    await assign(h, coordinator.token, round.id);
    await openRound(h, coordinator.token, round.id);
    await addJudge(h, coordinator.token, c3.id, judge3.id);
    const mine = await myAssignments(h, me);
    expect(mine).toHaveLength(2);
    const [finalOne, draftOne] = mine;
    await h
      .http()
      .put(`/api/v1/assignments/${finalOne.id}/score`)
      .set(auth(me.token))
      .send({ scores: { story: 8, craft: 7 }, comment: 'Final words', final: true })
      .expect(200);
    await h
      .http()
      .put(`/api/v1/assignments/${draftOne.id}/score`)
      .set(auth(me.token))
      .send({ scores: { story: 3 }, comment: 'Half-way thoughts', final: false })
      .expect(200);
    expect((await h.inbox(me.token, 3)).length).toBeGreaterThanOrEqual(3);

    const needles = [me.email, NAME, DOB, GUARDIAN.email, GUARDIAN.name];
    const before = await scan(h, needles);
    expect(before.length).toBeGreaterThan(5);

    // A wrong password changes nothing.
    const wrong = await h
      .http()
      .delete('/api/v1/me')
      .set(auth(me.token))
      .send({ password: 'not-my-password' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('PASSWORD_INCORRECT');
    expect(await scan(h, needles)).toEqual(before);
    await h.http().get('/api/v1/me').set(auth(me.token)).expect(200);
    expect((await h.http().delete('/api/v1/me').set(auth(me.token)).send({})).body.code).toBe(
      'VALIDATION_FAILED',
    );

    const deleted = await h
      .http()
      .delete('/api/v1/me')
      .set(auth(me.token))
      .send({ password: me.password })
      .expect(202);
    expect(deleted.body).toEqual({ status: 'deleted' });

    // Closed at once: the token, the refresh token and the password are refused, and the
    // address is free for someone new.
    expect((await h.http().get('/api/v1/me').set(auth(me.token))).status).toBe(401);
    expect(
      (await h.http().post('/api/v1/auth/refresh').send({ refreshToken: me.refreshToken })).status,
    ).toBe(401);
    const login = await h
      .http()
      .post('/api/v1/auth/login')
      .send({ email: me.email, password: me.password });
    const unknown = await h
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'nobody-at-all@kenal.test', password: me.password });
    expect(login.status).toBe(401);
    expect(login.body).toEqual(unknown.body);

    // The pen pal is told the match ended, and nothing more.
    const ended = await h.smtp.waitForSubject(penpal.email, /has ended/);
    expect(ended.text).not.toContain(NAME);
    await h.inbox(penpal.token, penpalInbox.length + 1);
    // The draft's file is gone from the disk.
    expect(await filesUnder(uploads)).toEqual([]);

    // Nothing of the person in any column of any table.
    expect(await scan(h, needles)).toEqual([]);
    const re = await h.register({ email: me.email, displayName: 'Someone New' });
    expect(re.id).not.toBe(me.id);

    // What others rely on stays, under "Former member".
    const penpalExport = JSON.parse(
      (await h.http().get('/api/v1/me/export').set(auth(penpal.token)).expect(200)).text,
    );
    expect(penpalExport.penpalMatches).toEqual([
      expect.objectContaining({ penpal: 'Former member', status: 'cancelled' }),
    ]);
    expect(penpalExport.notifications.map((n: { type: string }) => n.type)).toEqual(
      expect.arrayContaining(['penpal.matched', 'penpal.partner_left']),
    );
    const matched = penpalExport.notifications.find(
      (n: { type: string }) => n.type === 'penpal.matched',
    );
    expect(matched.body).toContain('Former member');
    const teammateExport = JSON.parse(
      (await h.http().get('/api/v1/me/export').set(auth(teammate.token)).expect(200)).text,
    );
    expect(teammateExport.teams).toEqual([
      expect.objectContaining({
        team: 'Former member and friends',
        leader: true,
        members: ['Former member', 'Teammate Somchai'],
      }),
    ]);
    expect(teammateExport.submissions).toEqual([
      expect.objectContaining({ id: entered.submissionId, status: 'submitted' }),
    ]);
    for (const text of [JSON.stringify(penpalExport), JSON.stringify(teammateExport)]) {
      for (const needle of [me.id, ...needles]) expect(text).not.toContain(needle);
    }

    // The draft team of one is dissolved; the final score stays, the draft moved to judge 3.
    expect(await h.count(`submissions WHERE id = '${draft.body.id}'`)).toBe(0);
    const scores: { id: string; status: string; state: string; scores: object }[] =
      await h.db.query(
        `SELECT id, status, score_state AS state, scores FROM judge_assignments WHERE judge_id = $1 ORDER BY score_state`,
        [me.id],
      );
    expect(scores).toEqual([
      { id: finalOne.id, status: 'active', state: 'final', scores: { story: 8, craft: 7 } },
      { id: draftOne.id, status: 'removed', state: 'none', scores: {} },
    ]);
    // The worker hands it over in a top-up run queued once the erasure committed.
    await waitUntil(
      'the top-up after the erasure',
      async () => (await myAssignments(h, judge3)).length > 0,
    );
    expect((await myAssignments(h, judge3)).map((a) => a.submission.id)).toEqual([
      draftOne.submission.id,
    ]);

    // The team's later news goes to the members left, never to the tombstone's placeholder.
    await h
      .http()
      .post(`/api/v1/submissions/${entered.submissionId}/withdraw`)
      .set(auth(teammate.token))
      .expect(200);
    await h.smtp.waitForSubject(teammate.email, /Withdrawn/);
    expect(await h.count(`outbox_messages WHERE recipient_user_id = '${me.id}'`)).toBe(0);
  }, 120_000);

  it('erases a staff member an admin created from the audit trail, keeps the events under their opaque id, and keeps the last admin', async () => {
    const admin = await h.adminToken();
    const email = 'judge.erasable@kenal.test';
    const created = await h
      .http()
      .post('/api/v1/admin/users')
      .set(auth(admin))
      .send({ email, displayName: 'Staff Erasable', roles: ['coordinator'] })
      .expect(201);
    const mail = await h.smtp.waitFor(email);
    await h
      .http()
      .post(`/api/v1/auth/password-reset/${tokenFrom(mail.text)}`)
      .send({ password: 'staff-password-1' })
      .expect(200);
    const token = await h.login(email, 'staff-password-1');
    const programme = await h
      .http()
      .post('/api/v1/programmes')
      .set(auth(token))
      .send({ name: 'Staff programme', slug: 'staff-erasable', timezone: 'Asia/Seoul' })
      .expect(201);
    expect(await scan(h, [email, 'Staff Erasable'])).toEqual(
      expect.arrayContaining([expect.objectContaining({ table: 'audit_events' })]),
    );

    await h
      .http()
      .delete('/api/v1/me')
      .set(auth(token))
      .send({ password: 'staff-password-1' })
      .expect(202);
    expect(await scan(h, [email, 'Staff Erasable'])).toEqual([]);
    // The audit trail stays: what they did, and what was done to their account, under an id
    // that now names only the tombstone.
    const events = await h
      .http()
      .get(`/api/v1/admin/audit-events?actorId=${created.body.id}&pageSize=100`)
      .set(auth(admin))
      .expect(200);
    expect(events.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'account.deleted',
      'programme.created',
      'user.password_set_from_invite',
    ]);
    const tombstone: {
      email: string;
      displayName: string;
      passwordHash: string | null;
      roles: string[];
    }[] = await h.db.query(
      `SELECT email, display_name AS "displayName", password_hash AS "passwordHash", roles
           FROM users WHERE id = $1`,
      [created.body.id],
    );
    expect(tombstone).toEqual([
      {
        email: expect.stringMatching(/^deleted-[0-9a-f-]{36}@erased\.invalid$/),
        displayName: 'Former member',
        passwordHash: null,
        roles: [],
      },
    ]);
    expect(
      await h.count(`programme_coordinators WHERE programme_id = '${programme.body.id}'`),
    ).toBe(0);
    const users = await h
      .http()
      .get('/api/v1/admin/users?pageSize=100')
      .set(auth(admin))
      .expect(200);
    expect(users.body.items.map((u: { id: string }) => u.id)).not.toContain(created.body.id);

    // Kenal keeps at least one admin.
    const last = await h
      .http()
      .delete('/api/v1/me')
      .set(auth(admin))
      .send({ password: ADMIN.password });
    expect(last.status).toBe(409);
    expect(last.body.code).toBe('LAST_ADMIN');
    await h.http().get('/api/v1/me').set(auth(admin)).expect(200);
  });
});

describe('DELETE /me rate limit (e2e)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ env: { AUTH_RATE_LIMIT: '2' } });
  });
  afterAll(() => h.stop());

  it('does not let a stolen access token guess the password without limit', async () => {
    const me = await h.register();
    const guess = () =>
      h.http().delete('/api/v1/me').set(auth(me.token)).send({ password: 'a-wrong-guess' });
    expect((await guess()).status).toBe(403);
    expect((await guess()).status).toBe(403);
    const limited = await guess();
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(limited.headers['retry-after']).toBeDefined();
    await h.http().get('/api/v1/me').set(auth(me.token)).expect(200);
  });

  it('documents DELETE /me and its errors for the web app', async () => {
    const doc = (await h.http().get('/api/docs-json').expect(200)).body;
    const route = doc.paths['/api/v1/me'].delete;
    expect(Object.keys(route.responses)).toEqual(
      expect.arrayContaining(['202', '400', '401', '403', '409', '429']),
    );
    expect(route.responses['403'].description).toContain('PASSWORD_INCORRECT');
    expect(route.requestBody.content['application/json'].schema.$ref).toMatch(/DeleteAccountDto$/);
  });
});
