import { Harness } from './support/harness';

describe('rate limits on sign-in and sign-up (e2e, counted in Redis)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ env: { AUTH_RATE_LIMIT: '3' } });
  });
  afterAll(() => h.stop());

  it('answers 429 with Retry-After after the limit, per route', async () => {
    const login = () =>
      h
        .http()
        .post('/api/v1/auth/login')
        .send({ email: 'who@kenal.test', password: 'whatever-pass' });
    for (let i = 0; i < 3; i += 1) await login().expect(401);
    const limited = await login().expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);

    // Registering is counted separately.
    await h
      .http()
      .post('/api/v1/auth/register')
      .send({ email: 'new@kenal.test', password: 'long-enough-password', displayName: 'New' })
      .expect(201);
  });

  it('a client cannot pick its address with X-Forwarded-For when no proxy is trusted', async () => {
    const reset = (i: number) =>
      h
        .http()
        .post('/api/v1/auth/password-reset')
        .set('X-Forwarded-For', `203.0.113.${i}`)
        .send({ email: `someone-${i}@kenal.test` });
    for (let i = 1; i <= 3; i += 1) await reset(i).expect(202);
    const limited = await reset(4).expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    await reset(5).expect(429);
  });
});

describe('limits per account and per email address, from any client address (e2e)', () => {
  let h: Harness;
  beforeAll(async () => {
    // Behind a trusted proxy (the test client's own address), so each request has its own address.
    h = await Harness.start({
      env: {
        TRUST_PROXY: '127.0.0.1',
        AUTH_RATE_LIMIT: '5',
        LOGIN_FAILURE_LIMIT: '6',
        PASSWORD_RESET_LIMIT: '3',
      },
    });
  });
  afterAll(() => h.stop());

  let address = 0;
  const from = () => `198.51.100.${(address += 1)}`;
  const login = (email: string, password: string) =>
    h.http().post('/api/v1/auth/login').set('X-Forwarded-For', from()).send({ email, password });

  it('failed logins for one account bite across addresses; the right password waits too', async () => {
    const victim = await h.register();
    const other = await h.register();
    // Six addresses, one attempt each: the per-address limit (5) never bites, the account's does.
    for (let i = 0; i < 6; i += 1) await login(victim.email, 'wrong-password-guess').expect(401);
    const limited = await login(victim.email, 'wrong-password-guess').expect(429);
    expect(limited.body.code).toBe('ACCOUNT_RATE_LIMITED');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const right = await login(victim.email, victim.password).expect(429);
    expect(right.body.code).toBe('ACCOUNT_RATE_LIMITED');
    // Another account is not affected.
    await login(other.email, other.password).expect(200);
  });

  it('a successful login clears the count of failures', async () => {
    const user = await h.register();
    for (let i = 0; i < 5; i += 1) await login(user.email, 'wrong-password-guess').expect(401);
    await login(user.email, user.password).expect(200);
    for (let i = 0; i < 5; i += 1) await login(user.email, 'wrong-password-guess').expect(401);
    await login(user.email, user.password).expect(200);
  });

  it('reset emails to one address are limited from any address, known or not', async () => {
    const user = await h.register();
    const reset = (email: string) =>
      h.http().post('/api/v1/auth/password-reset').set('X-Forwarded-For', from()).send({ email });
    for (let i = 0; i < 3; i += 1) await reset(user.email).expect(202);
    const limited = await reset(user.email.toUpperCase()).expect(429);
    expect(limited.body.code).toBe('ACCOUNT_RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(3600);
    const rows: { n: number }[] = await h.db.query(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE type = 'auth.password_reset'`,
    );
    expect(rows[0].n).toBe(3);

    // An address without an account answers the same, so the 429 tells nothing.
    for (let i = 0; i < 3; i += 1) await reset('nobody-here@kenal.test').expect(202);
    const unknown = await reset('nobody-here@kenal.test').expect(429);
    expect(unknown.body.code).toBe('ACCOUNT_RATE_LIMITED');
  });
});
