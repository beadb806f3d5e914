import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { adminUrl, createTemplateDatabase } from './databases';

/**
 * Builds one migrated template database per run; each e2e file clones it (CREATE DATABASE ...
 * TEMPLATE), so files run in parallel without seeing each other's rows or outbox.
 */
export default async function globalSetup(): Promise<void> {
  const ds = new DataSource(dataSourceOptions(adminUrl(await createTemplateDatabase())));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
}
