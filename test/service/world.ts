import type { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { systemClock } from '../../src/common/clock';
import { cloneTestDatabase, dropTestDatabase } from '../support/databases';
import { useTestEnv } from '../support/harness';

/**
 * The service tier's world (as immich's "medium" tests): the API's modules wired as production
 * wires them, on a fresh migrated database of its own and the real Redis, without HTTP. A spec
 * asks for a service, makes the rows it needs with the factories, and checks one behaviour.
 */
export class World {
  app: INestApplicationContext;
  db: DataSource;
  private dbName: string;

  /** `env` sets settings of AppConfig for this world only (each spec file runs in its own process env). */
  static async open(env: Record<string, string> = {}): Promise<World> {
    const w = new World();
    const { name, url } = await cloneTestDatabase();
    w.dbName = name;
    // No SMTP server: a service spec reads the outbox rows; nothing here delivers them.
    useTestEnv(url, 'smtp://127.0.0.1:1', env);
    w.app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    w.db = w.app.get(DataSource);
    return w;
  }

  get<T>(type: Type<T>): T {
    return this.app.get(type);
  }

  /** Moves the clock every service injects (CLOCK) to `at`; `restore()` gives real time back. */
  setNow(at: Date): void {
    jest.spyOn(systemClock, 'now').mockImplementation(() => new Date(at));
  }

  restore(): void {
    jest.restoreAllMocks();
  }

  async close(): Promise<void> {
    this.restore();
    await this.app?.close();
    await dropTestDatabase(this.dbName);
  }
}
