import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * A hot read as a named prepared statement on the pooled connection: PostgreSQL parses it once
 * per connection and, after a few runs, plans it once too. For the queries every request makes,
 * planning took longer than running them (EXPLAIN ANALYZE: 0.35 ms planning, 0.09 ms execution
 * for the session check). Outside transactions only: it takes any free connection of the pool.
 */
export async function preparedQuery<T>(
  db: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const pool = (db.driver as unknown as { master: Pool }).master;
  const result = await pool.query({ name, text, values });
  return result.rows as T[];
}
