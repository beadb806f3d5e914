import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { competition, person, programme } from './support/competitions';
import { cloneTestDatabase, dropTestDatabase } from './support/databases';
import { ADMIN, auth, Harness } from './support/harness';
import { tokenFrom } from './support/smtp';

const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const HOUR = 3600_000;

describe('email verification (e2e: emailed link, what an unverified account may not do, staff invitations)', () => {
  let h: Harness;
  let coordinator: string;
  let admin: string;
  let competitionId: string;
  let roundId: string;

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    coordinator = (await h.userWithRoles(['coordinator'])).token;
    admin = await h.adminToken();
    const programmeId = await programme(h, coordinator, 'verify');
    competitionId = (await competition(h, coordinator, programmeId)).id;
    const round = await h
      .http()
      .post(`/api/v1/programmes/${programmeId}/penpal-rounds`)
      .set(auth(coordinator))
      .send({ name: 'Round', enrolmentOpensAt: iso(-HOUR), enrolmentClosesAt: iso(HOUR) })
      .expect(201);
    roundId = round.body.id;
  });
  afterAll(() => h.stop());

  const profile = (token: string) =>
    h
      .http()
      .put('/api/v1/me/profile')
      .set(auth(token))
      .send({
        country: 'TH',
        dateOfBirth: '2001-05-05',
        languages: [{ code: 'en', level: 'fluent' }],
        interests: ['film'],
      })
      .expect(200);

  const verifyMail = (email: string, n = 1) => h.smtp.waitFor(email, n);

  it('signs up unverified, emails a link; until it is used, enrolling, teams and entries are 403 EMAIL_UNVERIFIED', async () => {
    const res = await h
      .http()
      .post('/api/v1/auth/register')
      .send({ email: 'new.one@kenal.test', password: 'long-enough-pass', displayName: 'New One' })
      .expect(201);
    expect(res.body.user.emailVerified).toBe(false);
    const token = res.body.accessToken as string;
    await profile(token);
    const me = await h.http().get('/api/v1/me').set(auth(token)).expect(200);
    expect(me.body.emailVerified).toBe(false);

    const mail = await verifyMail('new.one@kenal.test');
    expect(mail.subject).toBe('Confirm your email address for Kenal');
    expect(mail.text).toContain('http://kenal.test/verify-email/');
    // Only the hash of the token is stored.
    const [row] = await h.db.query(
      `SELECT token_hash FROM password_tokens WHERE purpose = 'verify_email' AND user_id = $1`,
      [res.body.user.id],
    );
    expect(row.token_hash).not.toBe(tokenFrom(mail.text));

    const refused = [
      await h.http().post(`/api/v1/penpal-rounds/${roundId}/enrolments`).set(auth(token)).send({}),
      await h
        .http()
        .post(`/api/v1/competitions/${competitionId}/teams`)
        .set(auth(token))
        .send({ name: 'Squatters' }),
      await h
        .http()
        .post(`/api/v1/competitions/${competitionId}/submissions`)
        .set(auth(token))
        .send({ title: 'Film' }),
    ];
    for (const r of refused) expect([r.status, r.body.code]).toEqual([403, 'EMAIL_UNVERIFIED']);
    expect(await h.count('penpal_enrolments')).toBe(0);
    expect(await h.count('teams')).toBe(0);
    expect(await h.count('submissions')).toBe(0);

    const link = tokenFrom(mail.text);
    const verified = await h.http().post(`/api/v1/auth/verify-email/${link}`).expect(200);
    expect(verified.body).toMatchObject({ email: 'new.one@kenal.test', emailVerified: true });
    const again = await h.http().post(`/api/v1/auth/verify-email/${link}`).expect(400);
    expect(again.body.code).toBe('TOKEN_INVALID');
    expect((await h.http().get('/api/v1/me').set(auth(token))).body.emailVerified).toBe(true);

    await h
      .http()
      .post(`/api/v1/penpal-rounds/${roundId}/enrolments`)
      .set(auth(token))
      .send({})
      .expect(201);
    await h
      .http()
      .post(`/api/v1/competitions/${competitionId}/submissions`)
      .set(auth(token))
      .send({ title: 'Film' })
      .expect(201);
  });

  it('refuses an unverified member editing, submitting or uploading, and accepting a team invitation', async () => {
    const leader = await person(h, 'KR');
    const entry = await h
      .http()
      .post(`/api/v1/competitions/${competitionId}/submissions`)
      .set(auth(leader.token))
      .send({ title: 'Draft' })
      .expect(201);
    const invitee = await h.register({ verified: false });
    await verifyMail(invitee.email);
    await h
      .http()
      .post(`/api/v1/teams/${entry.body.teamId}/invitations`)
      .set(auth(leader.token))
      .send({ email: invitee.email })
      .expect(201);
    const invitation = tokenFrom((await h.smtp.waitFor(invitee.email, 2)).text);
    const accept = await h
      .http()
      .post(`/api/v1/team-invitations/${invitation}/accept`)
      .set(auth(invitee.token));
    expect([accept.status, accept.body.code]).toEqual([403, 'EMAIL_UNVERIFIED']);

    // The leader's address stops counting as verified (as for an account from before a change).
    await h.db.query('UPDATE users SET email_verified_at = NULL WHERE id = $1', [leader.id]);
    const attempts = [
      await h
        .http()
        .patch(`/api/v1/submissions/${entry.body.id}`)
        .set(auth(leader.token))
        .send({ title: 'Changed', version: 1 }),
      await h.http().post(`/api/v1/submissions/${entry.body.id}/submit`).set(auth(leader.token)),
      await h
        .http()
        .post(`/api/v1/submissions/${entry.body.id}/assets`)
        .set(auth(leader.token))
        .field('role', 'poster')
        .attach('file', Buffer.from('%PDF-1.4\n'), 'poster.pdf'),
      await h
        .http()
        .post(`/api/v1/teams/${entry.body.teamId}/invitations`)
        .set(auth(leader.token))
        .send({ email: 'someone@kenal.test' }),
    ];
    for (const r of attempts) expect([r.status, r.body.code]).toEqual([403, 'EMAIL_UNVERIFIED']);
    const after = await h
      .http()
      .get(`/api/v1/submissions/${entry.body.id}`)
      .set(auth(leader.token))
      .expect(200);
    expect([after.body.version, after.body.title, after.body.status]).toEqual([
      1,
      'Draft',
      'draft',
    ]);
  });

  it('sends a new link on request (the old one stops working), and 409 once verified', async () => {
    const p = await h.register({ verified: false });
    const first = tokenFrom((await verifyMail(p.email)).text);
    const sent = await h.http().post('/api/v1/auth/verify-email').set(auth(p.token)).expect(202);
    expect(sent.body.status).toBe('sent');
    const second = tokenFrom((await verifyMail(p.email, 2)).text);
    expect((await h.http().post(`/api/v1/auth/verify-email/${first}`)).body.code).toBe(
      'TOKEN_INVALID',
    );
    // A verification link is not a password link.
    const asReset = await h
      .http()
      .post(`/api/v1/auth/password-reset/${second}`)
      .send({ password: 'attacker-password' })
      .expect(400);
    expect(asReset.body.code).toBe('TOKEN_INVALID');
    await h.http().post(`/api/v1/auth/verify-email/${second}`).expect(200);
    const done = await h.http().post('/api/v1/auth/verify-email').set(auth(p.token)).expect(409);
    expect(done.body.code).toBe('EMAIL_ALREADY_VERIFIED');
  });

  it('serves the emailed link as a page whose form confirms the address', async () => {
    const p = await h.register({ verified: false });
    const link = tokenFrom((await verifyMail(p.email)).text);
    const page = await h.http().get(`/api/v1/auth/verify-email/${link}`).expect(200);
    expect(page.text).toContain(`action="/api/v1/auth/verify-email/${link}"`);
    const done = await h
      .http()
      .post(`/api/v1/auth/verify-email/${link}`)
      .set('accept', 'text/html')
      .type('form')
      .send('')
      .expect(200);
    expect(done.text).toContain('confirmed');
    expect((await h.http().get('/api/v1/me').set(auth(p.token))).body.emailVerified).toBe(true);
  });

  it('refuses a staff role for an unverified account (403 EMAIL_UNVERIFIED, roles unchanged)', async () => {
    const p = await h.register({ verified: false });
    const res = await h
      .http()
      .put(`/api/v1/admin/users/${p.id}/roles`)
      .set(auth(admin))
      .send({ roles: ['applicant', 'judge'] });
    expect([res.status, res.body.code]).toEqual([403, 'EMAIL_UNVERIFIED']);
    const [row] = await h.db.query('SELECT roles FROM users WHERE id = $1', [p.id]);
    expect(row.roles).toEqual(['applicant']);
    const verified = await h.register();
    await h
      .http()
      .put(`/api/v1/admin/users/${verified.id}/roles`)
      .set(auth(admin))
      .send({ roles: ['applicant', 'judge'] })
      .expect(200);
  });

  it('verifies the address of a new staff account when its owner sets the first password', async () => {
    const created = await h
      .http()
      .post('/api/v1/admin/users')
      .set(auth(admin))
      .send({ email: 'new.judge@kenal.test', displayName: 'New Judge', roles: ['judge'] })
      .expect(201);
    expect(created.body.emailVerified).toBe(false);
    const link = tokenFrom((await h.smtp.waitFor('new.judge@kenal.test')).text);
    await h
      .http()
      .post(`/api/v1/auth/password-reset/${link}`)
      .send({ password: 'judge-password-1' })
      .expect(200);
    const login = await h
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'new.judge@kenal.test', password: 'judge-password-1' })
      .expect(200);
    expect(login.body.user.emailVerified).toBe(true);
  });

  it('POST /admin/users on an existing address changes no role: its owner accepts an emailed invitation', async () => {
    const owner = await h.register({ displayName: 'Existing Person' });
    const other = await h.register();
    const invited = await h
      .http()
      .post('/api/v1/admin/users')
      .set(auth(admin))
      .send({ email: owner.email.toUpperCase(), displayName: 'Ignored', roles: ['judge'] })
      .expect(202);
    expect(invited.body).toMatchObject({ status: 'invited', userId: owner.id, roles: ['judge'] });
    const [before] = await h.db.query('SELECT roles, display_name FROM users WHERE id = $1', [
      owner.id,
    ]);
    expect(before).toEqual({ roles: ['applicant'], display_name: 'Existing Person' });

    const mail = await h.smtp.waitFor(owner.email);
    expect(mail.subject).toBe('You are invited to a Kenal staff role');
    expect(mail.text).toContain('http://kenal.test/staff-invitations/');
    const token = tokenFrom(mail.text);
    const preview = await h.http().get(`/api/v1/staff-invitations/${token}`).expect(200);
    expect(preview.body).toMatchObject({ roles: ['judge'], status: 'pending' });

    const stranger = await h
      .http()
      .post(`/api/v1/staff-invitations/${token}/accept`)
      .set(auth(other.token))
      .expect(403);
    expect(stranger.body.code).toBe('FORBIDDEN');
    const accepted = await h
      .http()
      .post(`/api/v1/staff-invitations/${token}/accept`)
      .set(auth(owner.token))
      .expect(200);
    expect(accepted.body.roles).toEqual(['applicant', 'judge']);
    const reused = await h
      .http()
      .post(`/api/v1/staff-invitations/${token}/accept`)
      .set(auth(owner.token))
      .expect(400);
    expect(reused.body.code).toBe('TOKEN_INVALID');

    const held = await h
      .http()
      .post('/api/v1/admin/users')
      .set(auth(admin))
      .send({ email: owner.email, displayName: 'Again', roles: ['judge'] })
      .expect(409);
    expect(held.body.code).toBe('ROLES_ALREADY_HELD');
  });

  it('the first admin from ADMIN_EMAIL is verified', async () => {
    const res = await h
      .http()
      .post('/api/v1/auth/login')
      .send({ email: ADMIN.email, password: ADMIN.password })
      .expect(200);
    expect(res.body.user.emailVerified).toBe(true);
  });
});

describe('migration EmailVerification (e2e on a migrated database)', () => {
  let db: { name: string; url: string };
  let ds: DataSource;
  beforeAll(async () => {
    db = await cloneTestDatabase();
    ds = await new DataSource(dataSourceOptions(db.url)).initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await dropTestDatabase(db.name);
  });

  it('marks every account that existed before it verified, so nobody already taking part is locked out', async () => {
    // Back to the schema before email verification (and any migration after it).
    for (;;) {
      const [last]: { name: string }[] = await ds.query(
        'SELECT name FROM migrations ORDER BY id DESC LIMIT 1',
      );
      await ds.undoLastMigration({ transaction: 'each' });
      if (last.name === 'EmailVerification1796505070881') break;
    }
    await ds.query(
      `INSERT INTO users (email, display_name, password_hash, roles)
       VALUES ('enrolled@kenal.test', 'Enrolled', 'x', '{applicant}'),
              ('judge@kenal.test', 'Judge', 'x', '{judge}')`,
    );
    await ds.runMigrations({ transaction: 'each' });
    const rows: { n: number }[] = await ds.query(
      'SELECT count(*)::int AS n FROM users WHERE email_verified_at IS NULL',
    );
    expect(rows[0].n).toBe(0);
  });
});
