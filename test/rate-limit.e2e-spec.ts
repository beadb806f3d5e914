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
});
