import { auth, Harness } from './support/harness';

describe('the first admin from ADMIN_EMAIL (e2e)', () => {
  let h: Harness;
  const operator = { email: 'operator@kenal.test', password: 'operator-chosen-pass' };
  beforeAll(async () => {
    // A fresh Kenal without ADMIN_EMAIL yet: no admin exists.
    h = await Harness.start({ env: { ADMIN_EMAIL: '', ADMIN_PASSWORD: '' } });
  });
  afterAll(() => h.stop());

  it('an account squatting ADMIN_EMAIL is taken over: the operator gets in, the squatter is out', async () => {
    const squatter = await h.register({
      email: operator.email,
      password: 'squatter-own-password',
      displayName: 'Not The Operator',
    });
    await h.http().post('/api/v1/auth/password-reset').send({ email: operator.email }).expect(202);
    expect(await h.count('users')).toBe(1);

    await h.restartApi({ ADMIN_EMAIL: operator.email, ADMIN_PASSWORD: operator.password });

    // The operator's password works and the account is the admin.
    const token = await h.login(operator.email, operator.password);
    const me = await h.http().get('/api/v1/me').set(auth(token)).expect(200);
    expect(me.body.roles).toContain('admin');
    expect(me.body.id).toBe(squatter.id);

    // The squatter's password, access token, refresh token and reset link no longer work.
    await h
      .http()
      .post('/api/v1/auth/login')
      .send({ email: operator.email, password: squatter.password })
      .expect(401);
    await h.http().get('/api/v1/me').set(auth(squatter.token)).expect(401);
    await h
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: squatter.refreshToken })
      .expect(401);
    const links: { n: number }[] = await h.db.query(
      'SELECT count(*)::int AS n FROM password_tokens WHERE user_id = $1 AND used_at IS NULL',
      [squatter.id],
    );
    expect(links[0].n).toBe(0);
    const audit: { action: string }[] = await h.db.query(
      `SELECT action FROM audit_events WHERE target_id = $1 AND action LIKE 'user.first_admin%'`,
      [squatter.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['user.first_admin_takeover']);

    // A later start with an admin in place changes nothing.
    await h.restartApi({ ADMIN_PASSWORD: 'yet-another-password' });
    await h.login(operator.email, operator.password);
  });
});
