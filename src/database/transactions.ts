import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

/**
 * The one way a service reaches the database (issue 15). A service holds the transaction and
 * hands its manager to the stores of its own feature, which alone hold SQL; the service itself
 * never sees the DataSource, so it cannot write a query beside the stores.
 */
@Injectable()
export class Transactions {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Runs the work in one transaction (READ COMMITTED unless told), committed when it resolves. */
  run<T>(work: (m: EntityManager) => Promise<T>): Promise<T>;
  run<T>(isolation: IsolationLevel, work: (m: EntityManager) => Promise<T>): Promise<T>;
  run<T>(
    a: IsolationLevel | ((m: EntityManager) => Promise<T>),
    b?: (m: EntityManager) => Promise<T>,
  ): Promise<T> {
    return typeof a === 'function' ? this.db.transaction(a) : this.db.transaction(a, b!);
  }

  /** Outside any transaction: each statement takes a free connection of the pool. */
  get manager(): EntityManager {
    return this.db.manager;
  }
}
