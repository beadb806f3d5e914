import { ConfigError, loadConfig } from './app-config';

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
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-real-secret-of-some-length' }).NODE_ENV,
    ).toBe('production');
  });
});
