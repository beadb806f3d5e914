import { auth, Harness } from './support/harness';
import { tokenFrom } from './support/smtp';

describe('identity (e2e, real Postgres, Redis and SMTP)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ worker: true });
  });
  afterAll(() => h.stop());

  it('reports health of the database and Redis', async () => {
    const res = await h.http().get('/api/v1/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
  });

  it('registers, refuses a duplicate email in any case, and logs in', async () => {
    const res = await h
      .http()
      .post('/api/v1/auth/register')
      .send({
        email: 'Minji.Kim@Example.KR',
        password: 'correct-horse-battery',
        displayName: 'Kim Minji',
      })
      .expect(201);
    expect(res.body.user).toMatchObject({ email: 'minji.kim@example.kr', roles: ['applicant'] });
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.refreshToken).toEqual(expect.any(String));
    expect(res.body.user.passwordHash).toBeUndefined();

    const dup = await h
      .http()
      .post('/api/v1/auth/register')
      .send({ email: 'MINJI.KIM@example.kr', password: 'another-password', displayName: 'Other' })
      .expect(409);
    expect(dup.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(dup.body.code).toBe('EMAIL_TAKEN');

    await h
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'minji.kim@EXAMPLE.kr', password: 'correct-horse-battery' })
      .expect(200);
  });

  it('answers the same 401 for an unknown email and a wrong password', async () => {
    const user = await h.register();
    const wrong = await h
      .http()
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: 'not-the-password' })
      .expect(401);
    const unknown = await h
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@kenal.test', password: 'not-the-password' })
      .expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('UNAUTHENTICATED');
  });

  it('rotates refresh tokens, and reuse of a rotated one ends the whole session', async () => {
    const user = await h.register();
    const first = await h
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: user.refreshToken })
      .expect(200);
    expect(first.body.refreshToken).not.toBe(user.refreshToken);
    await h.http().get('/api/v1/me').set(auth(first.body.accessToken)).expect(200);

    // The old token again, after the grace for a second tab: theft. The session ends, including
    // the token just issued.
    await h.db.query(
      `UPDATE refresh_tokens SET used_at = used_at - interval '11 seconds' WHERE id = $1`,
      [user.refreshToken.split('.')[0]],
    );
    const reuse = await h
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: user.refreshToken })
      .expect(401);
    expect(reuse.body.detail).toMatch(/already used/);
    await h
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: first.body.refreshToken })
      .expect(401);
    await h.http().get('/api/v1/me').set(auth(first.body.accessToken)).expect(401);
  });

  it('two tabs refreshing with the same token at once both get the same new pair', async () => {
    const user = await h.register();
    const refresh = () =>
      h.http().post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken }).expect(200);
    const [a, b] = await Promise.all([refresh(), refresh()]);
    expect(b.body.refreshToken).toBe(a.body.refreshToken);
    expect(b.body.accessToken).toBe(a.body.accessToken);
    expect(a.body.refreshToken).not.toBe(user.refreshToken);
    // And once more, one after the other, still within the grace.
    const c = await refresh();
    expect(c.body).toEqual(a.body);
    await h.http().get('/api/v1/me').set(auth(a.body.accessToken)).expect(200);

    // Nothing readable is stored: the pair is sealed, the raw tokens appear nowhere.
    const rows: { successor_sealed: string | null }[] = await h.db.query(
      'SELECT successor_sealed FROM refresh_tokens WHERE id = $1',
      [user.refreshToken.split('.')[0]],
    );
    expect(rows[0].successor_sealed).toBeTruthy();
    expect(rows[0].successor_sealed).not.toContain(a.body.refreshToken.split('.')[1]);
    expect(rows[0].successor_sealed).not.toContain(a.body.accessToken.split('.')[1]);

    // The new token rotates as usual; the session goes on.
    const next = await h
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: a.body.refreshToken })
      .expect(200);
    await h.http().get('/api/v1/me').set(auth(next.body.accessToken)).expect(200);
  });

  it('sign out everywhere: every session of the caller ends, other people keep theirs', async () => {
    const user = await h.register();
    const other = await h.register();
    const second = await h
      .http()
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: user.password })
      .expect(200);
    await h.http().post('/api/v1/auth/logout-all').set(auth(second.body.accessToken)).expect(204);
    for (const token of [user.token, second.body.accessToken]) {
      await h.http().get('/api/v1/me').set(auth(token)).expect(401);
    }
    for (const refreshToken of [user.refreshToken, second.body.refreshToken]) {
      await h.http().post('/api/v1/auth/refresh').send({ refreshToken }).expect(401);
    }
    await h.http().get('/api/v1/me').set(auth(other.token)).expect(200);
    await h.http().post('/api/v1/auth/logout-all').expect(401);
    await h.login(user.email, user.password);
  });

  it('logs out: the access and refresh tokens of that session stop working, others do not', async () => {
    const user = await h.register();
    const other = await h
      .http()
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: user.password })
      .expect(200);
    await h.http().post('/api/v1/auth/logout').set(auth(user.token)).send({}).expect(204);
    await h.http().get('/api/v1/me').set(auth(user.token)).expect(401);
    await h
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: user.refreshToken })
      .expect(401);
    await h.http().get('/api/v1/me').set(auth(other.body.accessToken)).expect(200);
  });

  it('a minor names a guardian, who is emailed a single-use link; consent shows on /me', async () => {
    const teen = await h.register({ displayName: 'Siti Rahmah', locale: 'en' });
    const profile = {
      country: 'ID',
      dateOfBirth: '2011-03-14',
      gender: 'female',
      languages: [
        { code: 'id', level: 'native' },
        { code: 'en', level: 'conversational' },
      ],
      interests: ['film', 'k-pop', 'cooking'],
      city: 'Bandung',
    };
    const refused = await h
      .http()
      .put('/api/v1/me/profile')
      .set(auth(teen.token))
      .send(profile)
      .expect(400);
    expect(refused.body.code).toBe('GUARDIAN_CONSENT_REQUIRED');
    expect(await h.db.query('SELECT 1 FROM profiles WHERE user_id = $1', [teen.id])).toHaveLength(
      0,
    );

    const saved = await h
      .http()
      .put('/api/v1/me/profile')
      .set(auth(teen.token))
      .send({ ...profile, guardian: { name: 'Ibu Rahmah', email: 'ibu.rahmah@kenal.test' } })
      .expect(200);
    expect(saved.body.profile).toMatchObject({
      country: 'ID',
      interests: ['film', 'k-pop', 'cooking'],
    });
    expect(saved.body.guardianConsent.status).toBe('pending');

    const mail = await h.smtp.waitFor('ibu.rahmah@kenal.test');
    expect(mail.subject).toContain('Siti Rahmah');
    // The link opens the web app's consent page in the participant's language.
    expect(mail.text).toMatch(/http:\/\/kenal\.test\/consent\/[A-Za-z0-9_-]{43}\?lang=en\b/);
    const token = tokenFrom(mail.text);
    // The page asks who wants consent before the guardian agrees.
    const details = await h.http().get(`/api/v1/guardian-consents/${token}/details`).expect(200);
    expect(details.body).toEqual({ participantName: 'Siti Rahmah', guardianName: 'Ibu Rahmah' });

    const confirmed = await h.http().post(`/api/v1/guardian-consents/${token}/confirm`).expect(200);
    expect(confirmed.body.status).toBe('confirmed');
    const again = await h.http().post(`/api/v1/guardian-consents/${token}/confirm`).expect(400);
    expect(again.body.code).toBe('TOKEN_INVALID');
    const used = await h.http().get(`/api/v1/guardian-consents/${token}/details`).expect(400);
    expect(used.body.code).toBe('TOKEN_INVALID');

    const me = await h.http().get('/api/v1/me').set(auth(teen.token)).expect(200);
    expect(me.body.guardianConsent).toMatchObject({
      status: 'confirmed',
      guardianName: 'Ibu Rahmah',
    });
    expect(me.body.guardianConsent.confirmedAt).toEqual(expect.any(String));

    // The participant hears of it in the inbox and by email.
    await h.smtp.waitFor(teen.email);
    const inbox = await h.inbox(teen.token, 2);
    expect(inbox.map((i) => i.type)).toEqual(
      expect.arrayContaining(['guardian.consent_requested', 'guardian.consent_confirmed']),
    );
  });

  it('an adult needs no guardian', async () => {
    const adult = await h.register();
    const res = await h
      .http()
      .put('/api/v1/me/profile')
      .set(auth(adult.token))
      .send({
        country: 'KR',
        dateOfBirth: '2001-07-01',
        languages: [{ code: 'ko', level: 'native' }],
        interests: ['film'],
      })
      .expect(200);
    expect(res.body.guardianConsent.status).toBe('not_required');
    expect(res.body.profile.age).toBeGreaterThanOrEqual(25);
  });

  it('admin creates a coordinator, who sets a password from the emailed link, once', async () => {
    const admin = await h.adminToken();
    const created = await h
      .http()
      .post('/api/v1/admin/users')
      .set(auth(admin))
      .send({
        email: 'Coord.Lee@kenal.test',
        displayName: 'Lee Coordinator',
        roles: ['coordinator'],
      })
      .expect(201);
    expect(created.body).toMatchObject({ email: 'coord.lee@kenal.test', roles: ['coordinator'] });

    const mail = await h.smtp.waitFor('coord.lee@kenal.test');
    expect(mail.subject).toMatch(/set your password/i);
    const token = tokenFrom(mail.text);
    await h
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'coord.lee@kenal.test', password: 'chosen-password-1' })
      .expect(401);
    await h
      .http()
      .post(`/api/v1/auth/password-reset/${token}`)
      .send({ password: 'chosen-password-1' })
      .expect(200);
    const reused = await h
      .http()
      .post(`/api/v1/auth/password-reset/${token}`)
      .send({ password: 'another-password' })
      .expect(400);
    expect(reused.body.code).toBe('TOKEN_INVALID');
    const login = await h
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'coord.lee@kenal.test', password: 'chosen-password-1' })
      .expect(200);
    expect(login.body.user.roles).toEqual(['coordinator']);

    const audit = await h
      .http()
      .get('/api/v1/admin/audit-events?action=user.created')
      .set(auth(admin))
      .expect(200);
    expect(audit.body.items[0]).toMatchObject({
      action: 'user.created',
      targetId: created.body.id,
    });
  });

  it('password reset: 202 for any email, a link only to real accounts, old sessions end', async () => {
    const user = await h.register();
    const before = h.smtp.messages.length;
    await h
      .http()
      .post('/api/v1/auth/password-reset')
      .send({ email: 'ghost@kenal.test' })
      .expect(202);
    await h
      .http()
      .post('/api/v1/auth/password-reset')
      .send({ email: user.email.toUpperCase() })
      .expect(202);
    const mail = await h.smtp.waitFor(user.email);
    expect(h.smtp.to('ghost@kenal.test')).toHaveLength(0);
    expect(h.smtp.messages.length).toBe(before + 1);
    await h
      .http()
      .post(`/api/v1/auth/password-reset/${tokenFrom(mail.text)}`)
      .send({ password: 'brand-new-password' })
      .expect(200);
    await h.http().get('/api/v1/me').set(auth(user.token)).expect(401);
    await h.login(user.email, 'brand-new-password');
  });

  it('anyone signed in chooses their language, profile or not; emails follow it', async () => {
    const judge = await h.userWithRoles(['judge']); // staff often have no profile
    const me = () => h.http().get('/api/v1/me').set(auth(judge.token));
    expect((await me().expect(200)).body.profile).toBeNull();

    const res = await h
      .http()
      .put('/api/v1/me/locale')
      .set(auth(judge.token))
      .send({ locale: 'ko' })
      .expect(200);
    expect(res.body.locale).toBe('ko');
    expect((await me().expect(200)).body.locale).toBe('ko');

    for (const body of [{ locale: 'xx' }, {}, { locale: 'ko', extra: 1 }]) {
      const bad = await h.http().put('/api/v1/me/locale').set(auth(judge.token)).send(body);
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    }
    expect((await me().expect(200)).body.locale).toBe('ko');
    await h.http().put('/api/v1/me/locale').send({ locale: 'lo' }).expect(401);

    await h.http().post('/api/v1/auth/password-reset').send({ email: judge.email }).expect(202);
    expect((await h.smtp.waitFor(judge.email)).subject).toBe('Kenal 비밀번호 재설정');
  });

  it('admin changes roles (effective at once, audited) and Kenal keeps one admin', async () => {
    const admin = await h.adminToken();
    const user = await h.register();
    await h
      .http()
      .post('/api/v1/programmes')
      .set(auth(user.token))
      .send({ name: 'Nope', slug: 'nope', timezone: 'Asia/Seoul' })
      .expect(403);
    await h
      .http()
      .put(`/api/v1/admin/users/${user.id}/roles`)
      .set(auth(admin))
      .send({ roles: ['coordinator'] })
      .expect(200);
    await h
      .http()
      .post('/api/v1/programmes')
      .set(auth(user.token))
      .send({ name: 'Yes we can', slug: 'yes-we-can', timezone: 'Asia/Seoul' })
      .expect(201);

    const me = await h.http().get('/api/v1/me').set(auth(admin)).expect(200);
    const last = await h
      .http()
      .put(`/api/v1/admin/users/${me.body.id}/roles`)
      .set(auth(admin))
      .send({ roles: ['coordinator'] })
      .expect(409);
    expect(last.body.code).toBe('LAST_ADMIN');
    const audit = await h
      .http()
      .get('/api/v1/admin/audit-events?action=user.roles_changed')
      .set(auth(admin))
      .expect(200);
    expect(audit.body.items[0].details).toEqual({ before: ['applicant'], after: ['coordinator'] });
  });

  it('serves the interest list and OpenAPI', async () => {
    const interests = await h.http().get('/api/v1/interests').expect(200);
    expect(interests.body.length).toBeGreaterThanOrEqual(20);
    expect(interests.body.map((i: { tag: string }) => i.tag)).toEqual(
      expect.arrayContaining(['film', 'k-pop', 'football', 'climate']),
    );
    const doc = await h.http().get('/api/docs-json').expect(200);
    for (const path of [
      '/api/v1/auth/register',
      '/api/v1/me/profile',
      '/api/v1/programmes/{id}/coordinators',
      '/api/v1/me/notifications',
    ]) {
      expect(doc.body.paths[path]).toBeDefined();
    }
    await h.http().get('/api/docs').expect(200);
    // Two DTO classes of one name would share one schema, and one module's docs would be wrong.
    expect(Object.keys(doc.body.components.schemas)).toEqual(
      expect.arrayContaining([
        'CreatePenpalRoundDto',
        'CreateJudgingRoundDto',
        'UpdatePenpalRoundDto',
        'UpdateJudgingRoundDto',
      ]),
    );
  });

  it('marks an in-app notification read, and only its owner can', async () => {
    const admin = await h.adminToken();
    const created = await h
      .http()
      .post('/api/v1/admin/users')
      .set(auth(admin))
      .send({ email: 'judge.tan@kenal.test', displayName: 'Tan Judge', roles: ['judge'] })
      .expect(201);
    const mail = await h.smtp.waitFor('judge.tan@kenal.test');
    await h
      .http()
      .post(`/api/v1/auth/password-reset/${tokenFrom(mail.text)}`)
      .send({ password: 'judge-password-1' })
      .expect(200);
    const judge = await h.login('judge.tan@kenal.test', 'judge-password-1');
    const inbox = await h.inbox(judge, 1);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ type: 'staff.invited', readAt: null });
    const id = inbox[0].id;
    expect(created.body.id).toBeDefined();

    const stranger = await h.register();
    await h
      .http()
      .post(`/api/v1/me/notifications/${id}/read`)
      .set(auth(stranger.token))
      .expect(404);
    const read = await h
      .http()
      .post(`/api/v1/me/notifications/${id}/read`)
      .set(auth(judge))
      .expect(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    const unread = await h
      .http()
      .get('/api/v1/me/notifications?unread=true')
      .set(auth(judge))
      .expect(200);
    expect(unread.body.items).toHaveLength(0);
  });
});

describe('the pages behind emailed links (as a browser sees them)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ worker: true });
  });
  afterAll(() => h.stop());

  it('a guardian opens the link, sees who asks, and agrees with a form post', async () => {
    const teen = await h.register({ displayName: 'Park <Jiwoo>' });
    await h
      .http()
      .put('/api/v1/me/profile')
      .set(auth(teen.token))
      .send({
        country: 'KR',
        dateOfBirth: '2012-09-09',
        languages: [{ code: 'ko', level: 'native' }],
        interests: ['esports'],
        guardian: { name: 'Park Mother', email: 'park.mother@kenal.test' },
      })
      .expect(200);
    const mail = await h.smtp.waitFor('park.mother@kenal.test');
    // The email opens the web app's page (test/browser covers it); its server-rendered twin stays.
    const link = `/api/v1/guardian-consents/${tokenFrom(mail.text)}`;

    const page = await h.http().get(link).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('Park &lt;Jiwoo&gt;');
    const action = page.text.match(/action="([^"]+)"/)![1];

    const done = await h
      .http()
      .post(action)
      .type('form')
      .set('accept', 'text/html')
      .send('')
      .expect(200);
    expect(done.text).toContain('You confirmed');
    const again = await h
      .http()
      .post(action)
      .type('form')
      .set('accept', 'text/html')
      .send('')
      .expect(400);
    expect(again.text).toContain('already been used');
    expect((await h.http().get(link).expect(200)).text).toContain('no longer works');

    const me = await h.http().get('/api/v1/me').set(auth(teen.token)).expect(200);
    expect(me.body.guardianConsent.status).toBe('confirmed');
  });

  it('a new staff member opens the link and sets a password with the form', async () => {
    const admin = await h.adminToken();
    await h
      .http()
      .post('/api/v1/admin/users')
      .set(auth(admin))
      .send({
        email: 'form.staff@kenal.test',
        displayName: 'Form Staff',
        roles: ['coordinator'],
        locale: 'ko',
      })
      .expect(201);
    const mail = await h.smtp.waitFor('form.staff@kenal.test');
    expect(mail.subject).toContain('비밀번호');
    // The email opens the web app's invitation page (test/browser covers it); the reset route's
    // server-rendered form takes the same token.
    const token = mail.text.match(
      /http:\/\/kenal\.test\/staff-invitations\/([A-Za-z0-9_-]{43})\b/,
    )![1];
    const link = `/api/v1/auth/password-reset/${token}`;
    const page = await h.http().get(link).expect(200);
    expect(page.text).toContain('type="password"');
    const short = await h
      .http()
      .post(link)
      .type('form')
      .set('accept', 'text/html')
      .send('password=short');
    expect(short.status).toBe(400);
    await h
      .http()
      .post(link)
      .type('form')
      .set('accept', 'text/html')
      .send('password=a-good-long-password')
      .expect(200);
    await h.login('form.staff@kenal.test', 'a-good-long-password');
  });
});
