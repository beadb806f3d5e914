import { auth, Harness } from './support/harness';

interface Case {
  name: string;
  body: unknown;
}

const long = (n: number) => 'x'.repeat(n);

/** Missing, wrong-typed, oversized and unknown fields: 400 problem+json, and nothing changes. */
describe('bad input (e2e)', () => {
  let h: Harness;
  let applicant: string;
  let coordinator: string;
  let admin: string;
  let programmeId: string;

  const TABLES = [
    'users',
    'profiles',
    'guardian_consents',
    'programmes',
    'programme_coordinators',
    'outbox_messages',
    'audit_events',
    'auth_sessions',
  ];
  const snapshot = async () =>
    Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await h.count(t)])));

  beforeAll(async () => {
    h = await Harness.start();
    applicant = (await h.register()).token;
    coordinator = (await h.userWithRoles(['coordinator'])).token;
    admin = await h.adminToken();
    const p = await h
      .http()
      .post('/api/v1/programmes')
      .set(auth(coordinator))
      .send({ name: 'Programme', slug: 'programme', timezone: 'Asia/Bangkok' });
    programmeId = p.body.id;
  });
  afterAll(() => h.stop());

  const goodProfile = {
    country: 'TH',
    dateOfBirth: '2000-02-02',
    languages: [{ code: 'th', level: 'native' }],
    interests: ['film'],
  };
  const suites: {
    method: 'post' | 'put';
    path: () => string;
    token: () => string | undefined;
    cases: Case[];
  }[] = [
    {
      method: 'post',
      path: () => '/auth/register',
      token: () => undefined,
      cases: [
        { name: 'missing fields', body: {} },
        {
          name: 'email not an email',
          body: { email: 'nope', password: 'long-enough-pw', displayName: 'A' },
        },
        {
          name: 'password too short',
          body: { email: 'a@b.co', password: 'short', displayName: 'A' },
        },
        { name: 'wrong types', body: { email: 42, password: ['x'], displayName: { a: 1 } } },
        {
          name: 'oversized name',
          body: { email: 'a@b.co', password: 'long-enough-pw', displayName: long(81) },
        },
        {
          name: 'unknown field',
          body: { email: 'a@b.co', password: 'long-enough-pw', displayName: 'A', roles: ['admin'] },
        },
        {
          name: 'unknown locale',
          body: { email: 'a@b.co', password: 'long-enough-pw', displayName: 'A', locale: 'xx' },
        },
      ],
    },
    {
      method: 'post',
      path: () => '/auth/login',
      token: () => undefined,
      cases: [
        { name: 'missing password', body: { email: 'a@b.co' } },
        { name: 'unknown field', body: { email: 'a@b.co', password: 'x', remember: true } },
      ],
    },
    {
      method: 'post',
      path: () => '/auth/refresh',
      token: () => undefined,
      cases: [
        { name: 'missing token', body: {} },
        { name: 'wrong type', body: { refreshToken: 12345678901 } },
      ],
    },
    {
      method: 'put',
      path: () => '/me/profile',
      token: () => applicant,
      cases: [
        { name: 'missing fields', body: {} },
        { name: 'country outside the programme', body: { ...goodProfile, country: 'US' } },
        { name: 'date in the future', body: { ...goodProfile, dateOfBirth: '2999-01-01' } },
        { name: 'impossible date', body: { ...goodProfile, dateOfBirth: '2001-02-30' } },
        { name: 'implausible age', body: { ...goodProfile, dateOfBirth: '1900-01-01' } },
        {
          name: 'language not ISO 639-1',
          body: { ...goodProfile, languages: [{ code: 'english', level: 'native' }] },
        },
        { name: 'bad level', body: { ...goodProfile, languages: [{ code: 'en', level: 'guru' }] } },
        { name: 'no languages', body: { ...goodProfile, languages: [] } },
        { name: 'interest not on the list', body: { ...goodProfile, interests: ['skydiving'] } },
        { name: 'bio too long', body: { ...goodProfile, bio: long(1001) } },
        { name: 'unknown field', body: { ...goodProfile, passport: 'X123' } },
        {
          name: 'unknown nested field',
          body: { ...goodProfile, languages: [{ code: 'en', level: 'native', cert: 'TOEFL' }] },
        },
        { name: 'wrong types', body: { ...goodProfile, interests: 'film' } },
        {
          name: 'bad guardian email',
          body: {
            ...goodProfile,
            dateOfBirth: '2012-01-01',
            guardian: { name: 'G', email: 'nope' },
          },
        },
      ],
    },
    {
      method: 'post',
      path: () => '/programmes',
      token: () => coordinator,
      cases: [
        { name: 'missing fields', body: {} },
        {
          name: 'bad slug',
          body: { name: 'Good name', slug: 'Not A Slug', timezone: 'Asia/Seoul' },
        },
        {
          name: 'unknown time zone',
          body: { name: 'Good name', slug: 'good', timezone: 'Mars/Olympus' },
        },
        {
          name: 'oversized description',
          body: { name: 'Good name', slug: 'good', timezone: 'UTC', description: long(5001) },
        },
        {
          name: 'unknown field',
          body: { name: 'Good name', slug: 'good', timezone: 'UTC', budget: 1 },
        },
      ],
    },
    {
      method: 'post',
      path: () => `/programmes/${programmeId}/coordinators`,
      token: () => coordinator,
      cases: [
        { name: 'missing user', body: {} },
        { name: 'not a uuid', body: { userId: 'bob' } },
      ],
    },
    {
      method: 'post',
      path: () => '/admin/users',
      token: () => admin,
      cases: [
        { name: 'missing fields', body: {} },
        {
          name: 'unknown role',
          body: { email: 's@kenal.test', displayName: 'S', roles: ['superuser'] },
        },
        { name: 'no roles', body: { email: 's@kenal.test', displayName: 'S', roles: [] } },
        {
          name: 'unknown field',
          body: { email: 's@kenal.test', displayName: 'S', roles: ['judge'], password: 'x' },
        },
      ],
    },
  ];

  for (const suite of suites) {
    it(`${suite.method.toUpperCase()} ${suite.path.toString().replace(/^\(\) => /, '')}: each bad body is a 400 that changes nothing`, async () => {
      for (const c of suite.cases) {
        const before = await snapshot();
        const req = h.http()[suite.method](`/api/v1${suite.path()}`);
        const token = suite.token();
        if (token) req.set(auth(token));
        const res = await req.send(c.body as object);
        expect([c.name, res.status]).toEqual([c.name, 400]);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body).toMatchObject({
          status: 400,
          code: expect.stringMatching(/^[A-Z_]+$/),
          detail: expect.any(String),
        });
        if (res.body.code === 'VALIDATION_FAILED')
          expect(res.body.errors.length).toBeGreaterThan(0);
        expect([c.name, await snapshot()]).toEqual([c.name, before]);
      }
    });
  }

  it('malformed JSON is a 400 MALFORMED_JSON', async () => {
    const res = await h
      .http()
      .post('/api/v1/auth/register')
      .set('content-type', 'application/json')
      .send('{"email": ');
    expect([res.status, res.body.code]).toEqual([400, 'MALFORMED_JSON']);
  });

  it('a body over the size limit is a 413 problem', async () => {
    const res = await h
      .http()
      .put('/api/v1/me/profile')
      .set(auth(applicant))
      .send({ ...goodProfile, bio: long(2 * 1024 * 1024) });
    expect([res.status, res.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });

  it('a path id that is not a UUID is a 400, an unknown route a 404 problem', async () => {
    const res = await h.http().get('/api/v1/programmes/not-a-uuid').set(auth(applicant));
    expect([res.status, res.body.code]).toEqual([400, 'INVALID_ID']);
    const missing = await h.http().get('/api/v1/nothing-here').set(auth(applicant));
    expect([missing.status, missing.body.code]).toEqual([404, 'NOT_FOUND']);
  });
});
