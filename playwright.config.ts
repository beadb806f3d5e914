import { defineConfig } from '@playwright/test';

/**
 * Browser tests: Debian's Chromium (no `playwright install`, which downloads) against the built
 * API and worker, each worker of Playwright on its own fresh database, queue prefix and SMTP
 * server (test/browser/kenal.ts). `npm test` runs them after the Jest suites.
 */
export default defineConfig({
  testDir: 'test/browser',
  testMatch: '*.spec.ts',
  globalSetup: './test/browser/global-setup.ts',
  globalTeardown: './test/browser/global-teardown.ts',
  // Two workers, each with its own API, worker process and database: most of a browser test is
  // waiting (outbox polls, emails, jobs), so two overlap well even on two cores (29 tests took
  // 11.0 min against 13.2 min with one worker, both at load ~25). KENAL_BROWSER_WORKERS=1 on a
  // machine shared with others.
  workers: Number(process.env.KENAL_BROWSER_WORKERS ?? 2),
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  forbidOnly: !!process.env.CI,
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--disable-dev-shm-usage', '--no-sandbox', '--disable-gpu'],
    },
    viewport: { width: 360, height: 740 },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  outputDir: 'test-results/browser',
});
