import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { cloneTestDatabase, dropTestDatabase } from './support/databases';

describe('schema', () => {
  let db: { name: string; url: string };
  let ds: DataSource;
  beforeAll(async () => {
    db = await cloneTestDatabase();
    ds = await new DataSource(dataSourceOptions(db.url)).initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await dropTestDatabase(db.name);
  });

  it('the migrations build exactly the schema the entities describe', async () => {
    // What `migration:generate` would write against a migrated database: nothing.
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('stores every instant as timestamptz', async () => {
    const rows: { table_name: string; column_name: string }[] = await ds.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type = 'timestamp without time zone'`,
    );
    expect(rows).toEqual([]);
  });

  it('every migration reverts cleanly and applies again', async () => {
    const count = ds.migrations.length;
    for (let i = 0; i < count; i += 1) await ds.undoLastMigration({ transaction: 'each' });
    const tables: unknown[] = await ds.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(tables).toEqual([]);
    expect(await ds.runMigrations({ transaction: 'each' })).toHaveLength(count);
  });
});
