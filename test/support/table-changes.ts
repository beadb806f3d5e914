import { Client } from 'pg';
import { NotifyListener } from '../../src/database/notify-listener';
import type { Harness } from './harness';
import { waitUntil } from './wait';

/**
 * A write PostgreSQL announces to nobody (triggers off for its transaction): only an answer read
 * afresh shows it, so a test shows an answer is kept when the write is not seen.
 */
export const quietly = (h: Harness, sql: string, params: unknown[]) =>
  h.db.transaction(async (m) => {
    await m.query(`SET LOCAL session_replication_role = replica`);
    await m.query(sql, params);
  });

/** Until the API's listener holds LISTEN: before that, no answer is kept. */
export const listening = (h: Harness) =>
  waitUntil('the listener', async () => h.api.get(NotifyListener).isListening, 10_000);

/** A connection of the test's own, as another API process or psql would write (end it after). */
export async function otherConnection(): Promise<Client> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return client;
}
