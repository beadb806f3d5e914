import { ConfigError, DEV_ADMIN_PASSWORD, loadConfig, trustProxySetting } from './app-config';

describe('loadConfig', () => {
  it('gives working defaults on a developer machine', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toMatch(/^postgres:/);
    expect(config.AUTH_RATE_LIMIT).toBe(10);
  });

  it('reads numbers and urls from the environment', () => {
    const config = loadConfig({
      PORT: '8080',
      REDIS_URL: 'redis://cache:6380',
      AUTH_RATE_LIMIT: '0',
    });
    expect(config.PORT).toBe(8080);
    expect(config.REDIS_URL).toBe('redis://cache:6380');
    expect(config.AUTH_RATE_LIMIT).toBe(0);
  });

  it('names every bad value in one line', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(
      /Invalid configuration: .*PORT.*DATABASE_URL|Invalid configuration: .*DATABASE_URL.*PORT/,
    );
  });

  it('refuses production without a JWT secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET must be set/);
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-real-secret-of-some-length-0123456' })
        .NODE_ENV,
    ).toBe('production');
  });

  const SECRET = 'a-real-secret-of-some-length-0123456';

  it('refuses production with the development JWT secret or a short one', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'kenal-development-secret-change-me' }),
    ).toThrow(/JWT_SECRET must be set in production/);
    expect(() =>
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'sixteen-chars-ok-not-32' }),
    ).toThrow(/JWT_SECRET must be at least 32 characters in production/);
    // Development keeps working with the documented defaults.
    expect(loadConfig({ JWT_SECRET: 'sixteen-chars-ok-not-32' }).NODE_ENV).toBe('development');
  });

  it('refuses production with the documented default admin password, not development', () => {
    const env = { ADMIN_EMAIL: 'admin@kenal.local', ADMIN_PASSWORD: DEV_ADMIN_PASSWORD };
    expect(() => loadConfig({ ...env, NODE_ENV: 'production', JWT_SECRET: SECRET })).toThrow(
      /ADMIN_PASSWORD is the documented default/,
    );
    expect(
      loadConfig({
        ...env,
        NODE_ENV: 'production',
        JWT_SECRET: SECRET,
        ADMIN_PASSWORD: 'x'.repeat(20),
      }).ADMIN_PASSWORD,
    ).toBe('x'.repeat(20));
    expect(loadConfig(env).ADMIN_PASSWORD).toBe(DEV_ADMIN_PASSWORD);
  });

  it('trusts no proxy by default, else a hop count or a list of addresses and ranges', () => {
    expect(trustProxySetting(loadConfig({}))).toBe(false);
    expect(trustProxySetting(loadConfig({ TRUST_PROXY: '0' }))).toBe(false);
    expect(trustProxySetting(loadConfig({ TRUST_PROXY: '2' }))).toBe(2);
    expect(trustProxySetting(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1' }))).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/40' })).toThrow(/TRUST_PROXY has a bad/);
    expect(() => loadConfig({ TRUST_PROXY: '999.1.1.1' })).toThrow(/TRUST_PROXY has a bad/);
  });
});
