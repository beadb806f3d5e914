import { competition, inDays, programme } from './support/competitions';
import { auth, Harness } from './support/harness';

describe('public list of competitions (e2e)', () => {
  let h: Harness;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await Harness.start({ env: { LOG_LEVEL: 'error' } });
    const coordinator = await h.userWithRoles(['coordinator']);
    const jakarta = await programme(h, coordinator.token, 'list-a', 'Asia/Jakarta');
    const seoul = await programme(h, coordinator.token, 'list-b', 'Asia/Seoul');
    const make = async (key: string, programmeId: string, body: Record<string, unknown>) => {
      ids[key] = (await competition(h, coordinator.token, programmeId, { title: key, ...body })).id;
    };
    await make('open-late', jakarta, { submissionClosesAt: inDays(40) });
    await make('open-soon', seoul, { kind: 'project', submissionClosesAt: inDays(3) });
    await make('upcoming', seoul, { submissionOpensAt: inDays(5), submissionClosesAt: inDays(50) });
    await make('closed', jakarta, {
      submissionOpensAt: inDays(-60),
      submissionClosesAt: inDays(-10),
    });
    await make('closed-old', jakarta, {
      kind: 'project',
      submissionOpensAt: inDays(-500),
      submissionClosesAt: inDays(-400),
    });
    // Results recorded and published for the recent closed one (as judging does).
    await h.db.query(
      `INSERT INTO competition_results (competition_id, awards, published_at, recorded_by_id)
       VALUES ($1, '[]', now(), $2)`,
      [ids.closed, coordinator.id],
    );
  });
  afterAll(() => h.stop());

  const titles = (body: { items: { title: string }[] }) => body.items.map((i) => i.title);

  it('lists open, then upcoming, then recently closed competitions of every programme to anyone', async () => {
    const res = await h.http().get('/api/v1/competitions').expect(200);
    expect(titles(res.body)).toEqual(['open-soon', 'open-late', 'upcoming', 'closed']);
    expect(res.body).toMatchObject({ page: 1, pageSize: 20, total: 4 });
    const closed = res.body.items[3];
    expect(closed).toEqual({
      id: ids.closed,
      title: 'closed',
      kind: 'short_movie',
      programmeId: expect.any(String),
      programmeName: 'Programme list-a',
      timezone: 'Asia/Jakarta',
      opensAt: expect.any(String),
      closesAt: expect.any(String),
      status: 'closed',
      resultsPublished: true,
    });
    expect(res.body.items.map((i: { status: string }) => i.status)).toEqual([
      'open',
      'open',
      'upcoming',
      'closed',
    ]);
    expect(res.body.items[0]).toMatchObject({ kind: 'project', programmeName: 'Programme list-b' });
    expect(res.body.items[0].resultsPublished).toBe(false);
  });

  it('answers a signed-in caller the same', async () => {
    const someone = await h.register();
    const res = await h.http().get('/api/v1/competitions').set(auth(someone.token)).expect(200);
    expect(res.body.total).toBe(4);
  });

  it('filters by kind and by status', async () => {
    const projects = await h.http().get('/api/v1/competitions?kind=project').expect(200);
    expect(titles(projects.body)).toEqual(['open-soon']);
    const upcoming = await h.http().get('/api/v1/competitions?status=upcoming').expect(200);
    expect(titles(upcoming.body)).toEqual(['upcoming']);
    const open = await h.http().get('/api/v1/competitions?status=open&kind=short_movie');
    expect(titles(open.body)).toEqual(['open-late']);
    const closed = await h.http().get('/api/v1/competitions?status=closed').expect(200);
    expect(titles(closed.body)).toEqual(['closed']);
  });

  it('pages, and counts the total on a page past the end', async () => {
    const first = await h.http().get('/api/v1/competitions?pageSize=3').expect(200);
    expect(titles(first.body)).toEqual(['open-soon', 'open-late', 'upcoming']);
    const second = await h.http().get('/api/v1/competitions?pageSize=3&page=2').expect(200);
    expect(second.body).toMatchObject({ page: 2, total: 4 });
    expect(titles(second.body)).toEqual(['closed']);
    const beyond = await h.http().get('/api/v1/competitions?pageSize=3&page=9').expect(200);
    expect(beyond.body).toMatchObject({ items: [], total: 4 });
  });

  it.each([
    ['kind=poetry', 'kind'],
    ['status=draft', 'status'],
    ['pageSize=500', 'pageSize'],
    ['page=0', 'page'],
  ])('refuses %s with 400 naming the field', async (query, field) => {
    const res = await h.http().get(`/api/v1/competitions?${query}`).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
  });
});
