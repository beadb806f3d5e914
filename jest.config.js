// Unit specs live beside the code (src, *.spec.ts); e2e suites in test/ share one real Postgres and Redis.
module.exports = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testEnvironment: 'node',
  maxWorkers: 2,
  testTimeout: 30000,
};
