import { randomUUID } from 'node:crypto';
import { auth, Harness } from './support/harness';

type Method = 'get' | 'post' | 'put' | 'delete';
interface Route {
  method: Method;
  path: string;
  body?: object;
}

/** Every role tries every route it must not use; nobody gets anywhere without a token. */
describe('authorization (e2e)', () => {
  let h: Harness;
  const tokens: Record<string, string> = {};
  let programmeId: string;
  let otherCoordinator: string;
  const someone = randomUUID();

  beforeAll(async () => {
    h = await Harness.start();
    tokens.admin = await h.adminToken();
    tokens.applicant = (await h.register()).token;
    tokens.judge = (await h.userWithRoles(['judge'])).token;
    tokens.mentor = (await h.userWithRoles(['mentor'])).token;
    const coordinator = await h.userWithRoles(['coordinator']);
    tokens.coordinator = coordinator.token;
    otherCoordinator = (await h.userWithRoles(['coordinator'])).token;
    const res = await h
      .http()
      .post('/api/v1/programmes')
      .set(auth(tokens.coordinator))
      .send({ name: 'Exchange Year 2027', slug: 'ey-2027', timezone: 'Asia/Jakarta' })
      .expect(201);
    programmeId = res.body.id;
  });
  afterAll(() => h.stop());

  const send = (r: Route, token?: string) => {
    const req = h.http()[r.method](`/api/v1${r.path}`);
    if (token) req.set(auth(token));
    return r.body ? req.send(r.body) : req;
  };

  const adminOnly = (): Route[] => [
    {
      method: 'post',
      path: '/admin/users',
      body: { email: 'x@kenal.test', displayName: 'X', roles: ['judge'] },
    },
    { method: 'get', path: '/admin/users' },
    { method: 'put', path: `/admin/users/${someone}/roles`, body: { roles: ['judge'] } },
    { method: 'get', path: '/admin/audit-events' },
  ];
  const programmeManagers = (): Route[] => [
    { method: 'get', path: `/programmes/${programmeId}/coordinators` },
    { method: 'post', path: `/programmes/${programmeId}/coordinators`, body: { userId: someone } },
    { method: 'delete', path: `/programmes/${programmeId}/coordinators/${someone}` },
  ];
  const mentoringCoordinators = (): Route[] => [
    {
      method: 'post',
      path: `/competitions/${someone}/mentoring-rounds`,
      body: {
        name: 'M',
        teams: { type: 'awarded' },
        mentorsPerTeam: 2,
        startsAt: '2027-01-01T00:00:00Z',
        endsAt: '2027-06-01T00:00:00Z',
      },
    },
    { method: 'get', path: `/competitions/${someone}/mentoring-rounds` },
    { method: 'get', path: `/mentoring-rounds/${someone}` },
    { method: 'get', path: `/mentoring-rounds/${someone}/mentor-candidates` },
    { method: 'post', path: `/mentoring-rounds/${someone}/mentors`, body: { userId: someone } },
    { method: 'delete', path: `/mentoring-rounds/${someone}/mentors/${someone}` },
    {
      method: 'post',
      path: `/mentoring-rounds/${someone}/rules`,
      body: { submissionId: someone, mentorId: someone, type: 'pin' },
    },
    { method: 'delete', path: `/mentoring-rounds/${someone}/rules/${someone}` },
    { method: 'post', path: `/mentoring-rounds/${someone}/matching-runs` },
    { method: 'get', path: `/mentoring-rounds/${someone}/matching-runs` },
    { method: 'get', path: `/mentoring-runs/${someone}` },
    { method: 'get', path: `/mentoring-runs/${someone}/matches` },
    { method: 'post', path: `/mentoring-runs/${someone}/publish` },
    { method: 'get', path: `/mentoring-rounds/${someone}/report` },
  ];
  const mentorsOnly = (): Route[] => [
    { method: 'get', path: '/me/mentor-profile' },
    {
      method: 'put',
      path: '/me/mentor-profile',
      body: {
        organisation: 'O',
        sector: 'academia',
        expertise: { sdgs: [1] },
        countries: ['TH'],
        languages: [{ code: 'en', level: 'fluent' }],
        capacity: 1,
      },
    },
  ];
  const signedIn = (): Route[] => [
    { method: 'get', path: '/me' },
    { method: 'put', path: '/me/profile', body: {} },
    { method: 'post', path: '/me/guardian-consent/resend' },
    { method: 'post', path: '/auth/logout', body: {} },
    { method: 'post', path: '/auth/logout-all' },
    { method: 'get', path: '/me/notifications' },
    { method: 'get', path: '/me/export' },
    { method: 'post', path: `/me/notifications/${someone}/read` },
    { method: 'get', path: '/programmes' },
    { method: 'get', path: `/programmes/${programmeId}` },
    { method: 'post', path: '/programmes', body: { name: 'n', slug: 'n', timezone: 'UTC' } },
    { method: 'get', path: '/me/mentorships' },
    {
      method: 'post',
      path: `/mentorships/${someone}/check-ins`,
      body: { happenedOn: '2026-01-01', summary: 's' },
    },
    ...adminOnly(),
    ...programmeManagers(),
    ...mentoringCoordinators(),
    ...mentorsOnly(),
  ];

  it('answers 401 problem+json on every signed-in route without a token or with a bad one', async () => {
    for (const route of signedIn()) {
      const res = await send(route);
      expect([route.path, res.status, res.body.code]).toEqual([route.path, 401, 'UNAUTHENTICATED']);
      const forged = await send(route, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl');
      expect([route.path, forged.status]).toEqual([route.path, 401]);
    }
  });

  it.each(['applicant', 'judge', 'coordinator', 'mentor'])(
    'refuses %s on every admin route',
    async (role) => {
      for (const route of adminOnly()) {
        const res = await send(route, tokens[role]);
        expect([route.method, route.path, res.status, res.body.code]).toEqual([
          route.method,
          route.path,
          403,
          'FORBIDDEN',
        ]);
      }
    },
  );

  it.each(['applicant', 'judge', 'mentor'])(
    'refuses %s on every mentoring coordinator route',
    async (role) => {
      for (const route of mentoringCoordinators()) {
        const res = await send(route, tokens[role]);
        expect([route.method, route.path, res.status]).toEqual([route.method, route.path, 403]);
      }
    },
  );

  it.each(['applicant', 'judge', 'coordinator'])(
    'refuses %s the mentor profile routes',
    async (role) => {
      for (const route of mentorsOnly()) {
        const res = await send(route, tokens[role]);
        expect([route.method, route.path, res.status]).toEqual([route.method, route.path, 403]);
      }
    },
  );

  it('answers 404 for a check-in on an unknown mentorship (the pair rule is in mentoring.e2e)', async () => {
    const res = await send(
      {
        method: 'post',
        path: `/mentorships/${someone}/check-ins`,
        body: { happenedOn: '2026-01-01', summary: 's' },
      },
      tokens.mentor,
    );
    expect(res.status).toBe(404);
  });

  it.each(['applicant', 'judge'])('refuses %s creating a programme', async (role) => {
    const res = await send(
      {
        method: 'post',
        path: '/programmes',
        body: { name: 'Mine', slug: `mine-${role}`, timezone: 'UTC' },
      },
      tokens[role],
    );
    expect(res.status).toBe(403);
  });

  it('refuses applicants, judges and coordinators of other programmes on programme management', async () => {
    for (const token of [tokens.applicant, tokens.judge, otherCoordinator]) {
      for (const route of programmeManagers()) {
        const res = await send(route, token);
        expect([route.method, route.path, res.status]).toEqual([route.method, route.path, 403]);
      }
    }
    expect(await h.count('programme_coordinators')).toBe(1);
  });

  it("lets the programme's coordinator and any admin manage it", async () => {
    await send(
      { method: 'get', path: `/programmes/${programmeId}/coordinators` },
      tokens.coordinator,
    ).expect(200);
    await send(
      { method: 'get', path: `/programmes/${programmeId}/coordinators` },
      tokens.admin,
    ).expect(200);
    const me = await h.http().get('/api/v1/me').set(auth(otherCoordinator)).expect(200);
    await send(
      {
        method: 'post',
        path: `/programmes/${programmeId}/coordinators`,
        body: { userId: me.body.id },
      },
      tokens.coordinator,
    ).expect(201);
    await send(
      { method: 'get', path: `/programmes/${programmeId}/coordinators` },
      otherCoordinator,
    ).expect(200);
  });

  it('does not let an applicant become a coordinator of a programme', async () => {
    const applicant = await h.http().get('/api/v1/me').set(auth(tokens.applicant)).expect(200);
    const res = await send(
      {
        method: 'post',
        path: `/programmes/${programmeId}/coordinators`,
        body: { userId: applicant.body.id },
      },
      tokens.admin,
    );
    expect([res.status, res.body.code]).toEqual([422, 'NOT_ELIGIBLE']);
  });
});
