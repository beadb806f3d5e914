import { randomUUID } from 'node:crypto';
import { systemClock } from '../src/common/clock';
import { LISTENER_APPLICATION_NAME, NotifyListener } from '../src/database/notify-listener';
import { competition, inDays, Person, programme, waitUntil } from './support/competitions';
import { withAdmin } from './support/databases';
import { auth, Harness } from './support/harness';
import { listening, quietly } from './support/table-changes';

/**
 * GET /competitions/{id} answers from memory (PublicCompetitionCache): each test first shows a
 * kept answer (a change made with the triggers off is not seen), then that the way it is
 * dropped works; without that way each fails.
 */
describe('public competition cache (e2e)', () => {
  let h: Harness;
  let coordinator: Person;
  let programmeId: string;

  const read = async (id: string) =>
    (await h.http().get(`/api/v1/competitions/${id}`).expect(200)).body as {
      title: string;
      window: { opensAtLocal: string; isOpen: boolean };
    };

  const listenerPid = async (): Promise<number | undefined> =>
    (
      (await h.db.query(
        `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
        [LISTENER_APPLICATION_NAME],
      )) as { pid: number }[]
    )[0]?.pid;

  /** A competition whose answer is kept: its title changed quietly still reads as before. */
  const kept = async (body: Record<string, unknown> = {}) => {
    const { id } = await competition(h, coordinator.token, programmeId, {
      title: 'Before',
      ...body,
    });
    expect((await read(id)).title).toBe('Before');
    await quietly(h, `UPDATE competitions SET title = 'Quiet' WHERE id = $1`, [id]);
    expect((await read(id.toUpperCase())).title).toBe('Before');
    return id;
  };

  beforeAll(async () => {
    h = await Harness.start();
    coordinator = await h.userWithRoles(['coordinator']);
    programmeId = await programme(h, coordinator.token, 'cache', 'Asia/Jakarta');
    await listening(h);
  });
  afterAll(() => h.stop());
  afterEach(() => jest.restoreAllMocks());

  it('sends the kept bytes as JSON', async () => {
    const id = await kept();
    const res = await h.http().get(`/api/v1/competitions/${id}`).expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toMatchObject({ id, title: 'Before', window: { timezone: 'Asia/Jakarta' } });
  });

  it('keeps no miss: a competition that appears quietly is read at once', async () => {
    const { id } = await competition(h, coordinator.token, programmeId);
    const unknown = randomUUID();
    await h.http().get(`/api/v1/competitions/${unknown}`).expect(404);
    await quietly(h, `UPDATE competitions SET id = $2 WHERE id = $1`, [id, unknown]);
    expect((await read(unknown)).title).toBe('Short Movies 2027');
  });

  it('shows a PATCH through the API on the next read', async () => {
    const id = await kept();
    await h
      .http()
      .patch(`/api/v1/competitions/${id}`)
      .set(auth(coordinator.token))
      .send({ title: 'Patched' })
      .expect(200);
    expect((await read(id)).title).toBe('Patched');
  });

  it('shows a change by plain SQL (another process) once its notification arrives', async () => {
    const id = await kept();
    await h.db.query(`UPDATE competitions SET title = 'Elsewhere' WHERE id = $1`, [id]);
    await waitUntil('the change', async () => (await read(id)).title === 'Elsewhere', 3_000);
  });

  it("shows a change of the programme's time zone", async () => {
    const id = await kept({ submissionOpensAt: '2026-01-01T00:00:00Z' });
    expect((await read(id)).window.opensAtLocal).toBe('2026-01-01T07:00:00+07:00');
    await h.db.query(`UPDATE programmes SET timezone = 'Asia/Seoul' WHERE id = $1`, [programmeId]);
    await waitUntil(
      'the time zone',
      async () => (await read(id)).window.opensAtLocal === '2026-01-01T09:00:00+09:00',
      3_000,
    );
    await h.db.query(`UPDATE programmes SET timezone = 'Asia/Jakarta' WHERE id = $1`, [
      programmeId,
    ]);
  });

  it('forgets every competition when the table is truncated', async () => {
    const id = await kept();
    await h.db.query(`TRUNCATE competitions CASCADE`);
    await waitUntil(
      'the truncation',
      async () => (await h.http().get(`/api/v1/competitions/${id}`)).status === 404,
      3_000,
    );
  });

  it('turns isOpen at the opening and at the close (the injected clock)', async () => {
    const opens = new Date(inDays(1));
    const closes = new Date(inDays(2));
    const id = await kept({
      submissionOpensAt: opens.toISOString(),
      submissionClosesAt: closes.toISOString(),
    });
    const at = (ms: number) => jest.spyOn(systemClock, 'now').mockReturnValue(new Date(ms));
    at(opens.getTime() - 1);
    expect((await read(id)).window.isOpen).toBe(false);
    at(opens.getTime());
    expect(await read(id)).toMatchObject({ title: 'Quiet', window: { isOpen: true } });
    await quietly(h, `UPDATE competitions SET title = 'Quieter' WHERE id = $1`, [id]);
    at(closes.getTime() - 1);
    expect(await read(id)).toMatchObject({ title: 'Quiet', window: { isOpen: true } });
    at(closes.getTime());
    expect(await read(id)).toMatchObject({ title: 'Quieter', window: { isOpen: false } });
    // Closed for good, unless the clock goes back: then the answer is made again.
    at(opens.getTime());
    expect((await read(id)).window.isOpen).toBe(true);
  });

  it('reads PostgreSQL while the listening connection is lost, and keeps answers again once it is back', async () => {
    const id = await kept();
    const dbName = ((await h.db.query('SELECT current_database() AS d')) as { d: string }[])[0].d;
    // New connections refused: the listener cannot come back until allowed again (the pool's
    // open connections keep serving reads).
    const allow = (on: boolean) =>
      withAdmin((c) => c.query(`ALTER DATABASE "${dbName}" WITH ALLOW_CONNECTIONS ${on}`));
    await allow(false);
    try {
      await h.db.query('SELECT pg_terminate_backend($1)', [await listenerPid()]);
      await waitUntil('the loss', async () => !h.api.get(NotifyListener).isListening, 3_000);
      expect((await read(id)).title).toBe('Quiet');
      await quietly(h, `UPDATE competitions SET title = 'Unheard' WHERE id = $1`, [id]);
      expect((await read(id)).title).toBe('Unheard');
    } finally {
      await allow(true);
    }
    await listening(h);
    await quietly(h, `UPDATE competitions SET title = 'Back' WHERE id = $1`, [id]);
    expect((await read(id)).title).toBe('Back');
    await quietly(h, `UPDATE competitions SET title = 'Quiet again' WHERE id = $1`, [id]);
    expect((await read(id)).title).toBe('Back');
    await h.db.query(`UPDATE competitions SET title = 'Heard' WHERE id = $1`, [id]);
    await waitUntil('the change', async () => (await read(id)).title === 'Heard', 3_000);
  });
});
