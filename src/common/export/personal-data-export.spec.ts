import { ExportOrder, PersonalDataExport } from './personal-data-export';

describe('PersonalDataExport', () => {
  const m = { query: async (sql: string, params: unknown[]) => [{ sql, params }] } as never;
  const person = { id: 'u1', locale: 'ko' };

  it('puts the parts in their order, each query bounded and bound to the person', async () => {
    const exporter = new PersonalDataExport();
    exporter.register(
      'audit',
      async (rows) => ({ actions: await rows('SELECT 3') }),
      ExportOrder.Audit,
    );
    exporter.register('identity', async () => ({ account: { id: 'u1' } }), ExportOrder.Identity);
    exporter.register('letters', async (rows, p) => ({
      letters: await rows(`SELECT '${p.locale}'`),
    }));
    const out = await exporter.run(m, person);
    expect(Object.keys(out)).toEqual(['account', 'letters', 'actions']);
    expect(out.letters).toEqual([{ sql: "SELECT 'ko' LIMIT 5000", params: ['u1'] }]);
  });

  it('refuses a part registered twice and a key two parts would both write', async () => {
    const exporter = new PersonalDataExport();
    exporter.register('a', async () => ({ teams: [] }));
    expect(() => exporter.register('a', async () => ({}))).toThrow(/twice/);
    exporter.register('b', async () => ({ teams: [] }));
    await expect(exporter.run(m, person)).rejects.toThrow(/"teams" of part "b" is taken/);
  });
});
