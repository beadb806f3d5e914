import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { adminUrl, templateDb } from './databases';

/**
 * Builds one migrated template database per run; each e2e file clones it (CREATE DATABASE ...
 * TEMPLATE), so files run in parallel without seeing each other's rows or outbox.
 */
export default async function globalSetup(): Promise<void> {
  // Workers inherit this, so two Jest runs side by side never share a template.
  process.env.KENAL_TEMPLATE_DB = `kenal_tpl_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${templateDb()}"`);
  } finally {
    await admin.end();
  }
  const ds = new DataSource(dataSourceOptions(adminUrl(templateDb())));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
}
