import fc from 'fast-check';
import { DatabaseError, type Pool } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { preparedQuery } from '../src/database/prepared';
import { cloneTestDatabase, dropTestDatabase } from './support/databases';

/**
 * preparedQuery describes a statement once per connection and keeps its row shape (StatementQuery).
 * These check it against pg's own path on the same rows, and through what could make a kept shape
 * wrong: a migration between two runs, errors, lost connections, statements without rows.
 */
describe('prepared statements', () => {
  let db: { name: string; url: string };
  let ds: DataSource;
  let pool: Pool;
  beforeAll(async () => {
    db = await cloneTestDatabase();
    // One connection: every run after the first takes the path without Describe.
    ds = await new DataSource(dataSourceOptions(db.url, undefined, 1)).initialize();
    pool = (ds.driver as unknown as { master: Pool }).master;
    await ds.query(
      `CREATE TABLE wire (n int PRIMARY KEY, id uuid, label text, count int, big bigint,
         flag boolean, at timestamptz, day date, doc jsonb, roles text[], price numeric)`,
    );
  });
  afterAll(async () => {
    await ds.destroy();
    await dropTestDatabase(db.name);
  });

  const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
  const text = fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/\0/g, ''));
  const json: fc.Arbitrary<unknown> = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)));
  const row = fc.record({
    id: nullable(fc.uuid()),
    label: nullable(text),
    count: nullable(fc.integer()),
    big: nullable(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String)),
    flag: nullable(fc.boolean()),
    at: nullable(
      fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
    ),
    day: nullable(
      fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
    ),
    doc: nullable(json),
    roles: nullable(fc.array(nullable(text), { maxLength: 4 })),
    price: nullable(fc.double({ noNaN: true, noDefaultInfinity: true }).map(String)),
  });
  const SELECT = `SELECT n, id, label, count, big, flag, at, day, day::text AS "dayText", doc,
                         doc->'x' AS "docX", roles, price, n::text AS n
                    FROM wire WHERE n = ANY($1::int[]) ORDER BY wire.n`;

  it('returns what pg returns, for any rows of the types the hot queries read', async () => {
    let next = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 5 }), async (rows) => {
        const ns: number[] = [];
        for (const r of rows) {
          ns.push(++next);
          await ds.query(`INSERT INTO wire VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, [
            next,
            r.id,
            r.label,
            r.count,
            r.big,
            r.flag,
            r.at,
            r.day,
            r.doc === null ? null : JSON.stringify(r.doc),
            r.roles,
            r.price,
          ]);
        }
        const ours = await preparedQuery(ds, 'wire_rows', SELECT, [ns]);
        const theirs = (await pool.query(SELECT, [ns])).rows;
        expect(ours).toEqual(theirs);
        expect(ours.map((o) => Object.keys(o as object))).toEqual(
          theirs.map((t) => Object.keys(t as object)),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('prepares the statement again when a migration changed its result type', async () => {
    await ds.query(`CREATE TABLE migrated (id int, label text)`);
    await ds.query(`INSERT INTO migrated VALUES (1, 'one')`);
    const read = () => preparedQuery(ds, 'migrated_all', 'SELECT * FROM migrated', []);
    expect(await read()).toEqual([{ id: 1, label: 'one' }]);
    expect(await read()).toEqual([{ id: 1, label: 'one' }]);
    await ds.query(`ALTER TABLE migrated ALTER COLUMN id TYPE text, ADD COLUMN extra boolean`);
    expect(await read()).toEqual([{ id: '1', label: 'one', extra: null }]);
    await ds.query(`ALTER TABLE migrated RENAME COLUMN label TO name`);
    expect(await read()).toEqual([{ id: '1', name: 'one', extra: null }]);
    expect(await read()).toEqual([{ id: '1', name: 'one', extra: null }]);
  });

  it('in a transaction, fails that run and prepares the statement again on the next', async () => {
    await ds.query(`CREATE TABLE migrated_tx (id int)`);
    const read = (m: DataSource | import('typeorm').EntityManager) =>
      preparedQuery(m, 'migrated_tx_all', 'SELECT * FROM migrated_tx', []);
    expect(await read(ds)).toEqual([]);
    await ds.query(`ALTER TABLE migrated_tx ADD COLUMN extra int`);
    await expect(ds.transaction((m) => read(m))).rejects.toThrow(
      'cached plan must not change result type',
    );
    await ds.query(`INSERT INTO migrated_tx VALUES (1, 2)`);
    expect(await ds.transaction((m) => read(m))).toEqual([{ id: 1, extra: 2 }]);
  });

  it('prepares the statement again after DEALLOCATE', async () => {
    const read = () => preparedQuery(ds, 'deallocated', 'SELECT $1::int + 1 AS n', [1]);
    expect(await read()).toEqual([{ n: 2 }]);
    await ds.query('DEALLOCATE deallocated');
    expect(await read()).toEqual([{ n: 2 }]);
  });

  it("reports PostgreSQL's errors and keeps the connection", async () => {
    const pid = async () =>
      (await preparedQuery<{ pid: number }>(ds, 'pid', 'SELECT pg_backend_pid() AS pid', []))[0]
        .pid;
    const before = await pid();
    const byId = (id: string) =>
      preparedQuery(ds, 'wire_by_id', 'SELECT n FROM wire WHERE id = $1', [id]);
    await expect(byId('not-a-uuid')).rejects.toBeInstanceOf(DatabaseError);
    expect(await byId('00000000-0000-0000-0000-000000000000')).toEqual([]);
    await expect(
      preparedQuery(ds, 'wire_dup', 'INSERT INTO wire (n) VALUES ($1)', [-1]).then(() =>
        preparedQuery(ds, 'wire_dup', 'INSERT INTO wire (n) VALUES ($1)', [-1]),
      ),
    ).rejects.toMatchObject({ code: '23505' });
    await expect(preparedQuery(ds, 'broken', 'SELECT FROM nowhere', [])).rejects.toMatchObject({
      code: '42P01',
    });
    expect(await pid()).toBe(before);
  });

  it('returns no rows from a statement without them, on every run', async () => {
    const touch = () =>
      preparedQuery(ds, 'wire_touch', 'UPDATE wire SET count = count WHERE n = $1', [1]);
    expect(await touch()).toEqual([]);
    expect(await touch()).toEqual([]);
  });

  it('fails the run on a lost connection and runs the next on a new one', async () => {
    const pid = () =>
      preparedQuery<{ pid: number }>(ds, 'pid', 'SELECT pg_backend_pid() AS pid', []);
    const [{ pid: lost }] = await pid();
    const sleeping = preparedQuery(ds, 'sleep', 'SELECT pg_sleep(5)', []);
    const other = await new DataSource(dataSourceOptions(db.url, undefined, 1)).initialize();
    try {
      await new Promise((r) => setTimeout(r, 200));
      await other.query('SELECT pg_terminate_backend($1)', [lost]);
    } finally {
      await other.destroy();
    }
    await expect(sleeping).rejects.toThrow();
    const [{ pid: next }] = await pid();
    expect(next).not.toBe(lost);
  });
});
