import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './naming-strategy';

/** Server-side limits of each connection, in milliseconds (0: none, PostgreSQL's default). */
export interface SessionTimeouts {
  statementMs: number;
  idleInTransactionMs: number;
}

/**
 * How long the API's and the worker's pools keep a connection nobody uses (pg-pool closes it
 * after 10 s otherwise). A connection opened again for a burst cost the requests waiting on it a
 * new backend (up to 53 ms in bench:letters at load 13) and that backend's first statements
 * (the session check up to 114 ms: catalog caches empty, statements prepared again), which at
 * 25 letters/s was one of the slowest 1 %; a pool of 10 per process keeps them instead.
 */
export const POOL_IDLE_MS = 10 * 60_000;

/**
 * The one DataSource definition; the app, the migration CLI and the tests differ only in the URL
 * and, for the two processes, in the pool size, how long idle connections stay (POOL_IDLE_MS)
 * and the timeouts every connection sets when it opens.
 */
export function dataSourceOptions(
  url: string,
  timeouts?: SessionTimeouts,
  poolSize = 10,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: {
      max: poolSize,
      ...(timeouts
        ? {
            idleTimeoutMillis: POOL_IDLE_MS,
            statement_timeout: timeouts.statementMs,
            idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
          }
        : {}),
    },
  };
}
