import { Client } from 'pg';
import { adminUrl, templateDb } from './databases';

export default async function globalTeardown(): Promise<void> {
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${templateDb()}" WITH (FORCE)`);
  await admin.end();
}
