import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { adminUrl, createTemplateDatabase } from '../support/databases';

/**
 * The browser tests run what production runs: the built API (dist/) and web app (web/dist). One
 * migrated template database per run; each Playwright worker clones it.
 */
export default async function globalSetup(): Promise<void> {
  for (const file of ['dist/src/main.js', 'dist/src/worker.js', 'web/dist/index.html']) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  const template = await createTemplateDatabase();
  execFileSync(process.execPath, ['dist/src/database/migrate.js', 'run'], {
    env: { ...process.env, DATABASE_URL: adminUrl(template), LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
}
