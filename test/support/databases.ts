import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const templateDb = (): string => process.env.KENAL_TEMPLATE_DB ?? 'kenal_tpl';

/** The server of TEST_DATABASE_URL (default: local trust auth), with another database name. */
export function adminUrl(database = 'postgres'): string {
  const url = new URL(
    process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  url.pathname = `/${database}`;
  return url.toString();
}

/** Work on the server's postgres database (what a database's own connections may not do). */
export async function withAdmin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** A fresh, migrated database for one test file. */
export async function cloneTestDatabase(): Promise<{ name: string; url: string }> {
  const name = `kenal_test_${randomBytes(5).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDb()}"`));
  return { name, url: adminUrl(name) };
}

export async function dropTestDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/**
 * Creates this run's (empty) template database and names it in KENAL_TEMPLATE_DB, which the test
 * processes inherit, so two runs side by side never share a template. The caller migrates it.
 */
export async function createTemplateDatabase(): Promise<string> {
  process.env.KENAL_TEMPLATE_DB = `kenal_tpl_${randomBytes(5).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${templateDb()}"`));
  return templateDb();
}
