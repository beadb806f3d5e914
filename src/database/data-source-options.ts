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
 * The one DataSource definition; the app, the migration CLI and the tests differ only in the URL
 * and, for the two processes, in the pool size and the timeouts every connection sets when it opens.
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
            statement_timeout: timeouts.statementMs,
            idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
          }
        : {}),
    },
  };
}
