import { ExportOrder, PersonalDataExport } from './personal-data-export';

describe('PersonalDataExport', () => {
  const m = { name: 'the transaction' } as never;
  const person = { id: 'u1', locale: 'ko' };

  it('puts the parts in their order, each reading in the one transaction for the person', async () => {
    const exporter = new PersonalDataExport();
    exporter.register('audit', async () => ({ actions: [] }), ExportOrder.Audit);
    exporter.register('identity', async () => ({ account: { id: 'u1' } }), ExportOrder.Identity);
    exporter.register('letters', async (tx, p) => ({
      letters: [{ inTransaction: tx === m, of: p.id, locale: p.locale }],
    }));
    const out = await exporter.run(m, person);
    expect(Object.keys(out)).toEqual(['account', 'letters', 'actions']);
    expect(out.letters).toEqual([{ inTransaction: true, of: 'u1', locale: 'ko' }]);
  });

  it('refuses a part registered twice and a key two parts would both write', async () => {
    const exporter = new PersonalDataExport();
    exporter.register('a', async () => ({ teams: [] }));
    expect(() => exporter.register('a', async () => ({}))).toThrow(/twice/);
    exporter.register('b', async () => ({ teams: [] }));
    await expect(exporter.run(m, person)).rejects.toThrow(/"teams" of part "b" is taken/);
  });
});
