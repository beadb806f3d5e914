import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions, SessionTimeouts } from './data-source-options';
import { NotifyListener } from './notify-listener';
import { PROCESS_ROLE, type ProcessRole } from './process-role';
import { TableChanges } from './table-changes';
import { Transactions } from './transactions';

export type { ProcessRole } from './process-role';

const timeouts = (config: AppConfig, role: ProcessRole): SessionTimeouts =>
  role === 'api'
    ? {
        statementMs: config.DB_STATEMENT_TIMEOUT_MS,
        idleInTransactionMs: config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      }
    : {
        statementMs: config.WORKER_DB_STATEMENT_TIMEOUT_MS,
        idleInTransactionMs: config.WORKER_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      };

/**
 * The pool of one process. Each connection bounds its statements and its idle transactions, so
 * a request stuck on something else cannot keep a connection (and its locks) for long.
 * Every module gets the Transactions runner (and the process's LISTEN connection, opened only if
 * something subscribes, and the caches it keeps: TableChanges) from here, without importing this module.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forProcess(role: ProcessRole): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) =>
            dataSourceOptions(
              config.DATABASE_URL,
              timeouts(config, role),
              config.DATABASE_POOL_SIZE,
            ),
        }),
      ],
      providers: [
        Transactions,
        NotifyListener,
        TableChanges,
        { provide: PROCESS_ROLE, useValue: role },
      ],
      exports: [Transactions, NotifyListener, TableChanges],
    };
  }
}
