import { randomUUID } from 'node:crypto';
import {
  competition,
  inDays,
  person,
  Person,
  programme,
  rubric,
  teamOf,
} from './support/competitions';
import { auth, Harness } from './support/harness';

type Method = 'get' | 'post' | 'patch' | 'delete';
interface Route {
  method: Method;
  path: string;
  body?: object;
}

const TABLES = [
  'competitions',
  'teams',
  'team_members',
  'team_invitations',
  'submissions',
  'submission_versions',
  'submission_assets',
  'idempotency_keys',
  'outbox_messages',
  'audit_events',
];

/** Outsiders, other teams, judges and other programmes' coordinators get nowhere; bad input changes nothing. */
describe('competitions: authorization and bad input (e2e)', () => {
  let h: Harness;
  let coordinator: Person;
  let otherCoordinator: Person;
  let judge: Person;
  let outsider: Person;
  let member: Person;
  let partner: Person;
  let otherTeamMember: Person;
  let programmeId: string;
  let competitionId: string;
  let teamId: string;
  let submissionId: string;
  let assetId: string;

  const snapshot = async () =>
    Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await h.count(t)])));

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    coordinator = await h.userWithRoles(['coordinator']);
    otherCoordinator = await h.userWithRoles(['coordinator']);
    await programme(h, otherCoordinator.token, 'elsewhere');
    judge = await h.userWithRoles(['judge']);
    outsider = await h.register();
    programmeId = await programme(h, coordinator.token, 'access');
    competitionId = (await competition(h, coordinator.token, programmeId)).id;
    member = await person(h, 'KR');
    partner = await person(h, 'TH');
    teamId = await teamOf(h, competitionId, member, [partner]);
    otherTeamMember = await person(h, 'VN');
    await h
      .http()
      .post(`/api/v1/competitions/${competitionId}/submissions`)
      .set(auth(otherTeamMember.token))
      .send({ title: 'Theirs' })
      .expect(201);
    const entry = await h
      .http()
      .post(`/api/v1/competitions/${competitionId}/submissions`)
      .set(auth(member.token))
      .send({ title: 'Ours' })
      .expect(201);
    submissionId = entry.body.id;
    const asset = await h
      .http()
      .post(`/api/v1/submissions/${submissionId}/assets`)
      .set(auth(member.token))
      .field('role', 'document')
      .attach('file', Buffer.from('%PDF-1.7\n%%EOF\n'), 'plan.pdf')
      .expect(201);
    assetId = asset.body.id;
  });
  afterAll(() => h.stop());

  const send = (r: Route, token?: string) => {
    const req = h.http()[r.method](`/api/v1${r.path}`);
    if (token) req.set(auth(token));
    return r.body ? req.send(r.body) : req;
  };

  const staffRoutes = (): Route[] => [
    { method: 'patch', path: `/competitions/${competitionId}`, body: { title: 'Hijacked title' } },
    { method: 'get', path: `/competitions/${competitionId}/submissions` },
    { method: 'get', path: `/competitions/${competitionId}/submissions?format=csv` },
    { method: 'get', path: `/competitions/${competitionId}/submissions?q=Ours` },
    {
      method: 'post',
      path: `/submissions/${submissionId}/extension`,
      body: { until: inDays(40), reason: 'Flood' },
    },
    { method: 'get', path: `/programmes/${programmeId}/competitions` },
  ];
  const teamRoutes = (): Route[] => [
    { method: 'get', path: `/submissions/${submissionId}` },
    { method: 'patch', path: `/submissions/${submissionId}`, body: { title: 'Hijacked' } },
    { method: 'post', path: `/submissions/${submissionId}/submit` },
    { method: 'post', path: `/submissions/${submissionId}/withdraw` },
    { method: 'get', path: `/submissions/${submissionId}/versions` },
    { method: 'get', path: `/submissions/${submissionId}/assets/${assetId}` },
    { method: 'get', path: `/teams/${teamId}` },
    { method: 'post', path: `/teams/${teamId}/invitations`, body: { email: 'x@kenal.test' } },
    { method: 'post', path: `/teams/${teamId}/leave` },
    { method: 'delete', path: `/teams/${teamId}/members/${partner?.id}` },
  ];
  const signedIn = (): Route[] => [
    ...staffRoutes(),
    ...teamRoutes(),
    { method: 'post', path: `/competitions/${competitionId}/teams`, body: { name: 'n' } },
    { method: 'post', path: `/competitions/${competitionId}/submissions`, body: { title: 't' } },
    { method: 'get', path: '/me/submissions' },
    { method: 'post', path: `/team-invitations/${'a'.repeat(43)}/accept` },
  ];

  it('answers 401 on every signed-in route without a token, and lets anyone read a competition', async () => {
    for (const route of signedIn()) {
      const res = await send(route);
      expect([route.method, route.path, res.status]).toEqual([route.method, route.path, 401]);
    }
    await h.http().get(`/api/v1/competitions/${competitionId}`).expect(200);
  });

  it('refuses outsiders, another team, judges and coordinators of other programmes on the team routes', async () => {
    const before = await snapshot();
    for (const [who, token] of [
      ['outsider', outsider.token],
      ['other team', otherTeamMember.token],
      ['judge', judge.token],
      ['other coordinator', otherCoordinator.token],
    ]) {
      for (const route of teamRoutes()) {
        const res = await send(route, token);
        expect([who, route.method, route.path, [403, 404].includes(res.status)]).toEqual([
          who,
          route.method,
          route.path,
          true,
        ]);
      }
    }
    // Their own routes still work, and nothing of ours changed.
    expect(await snapshot()).toEqual(before);
    const entry = await h
      .http()
      .get(`/api/v1/submissions/${submissionId}`)
      .set(auth(member.token))
      .expect(200);
    expect(entry.body.title).toBe('Ours');
  });

  it('refuses applicants, team members, judges and coordinators of other programmes on the staff routes', async () => {
    const before = await snapshot();
    for (const token of [outsider.token, member.token, judge.token, otherCoordinator.token]) {
      for (const route of staffRoutes()) {
        const res = await send(route, token);
        expect([route.method, route.path, [403, 404].includes(res.status)]).toEqual([
          route.method,
          route.path,
          true,
        ]);
      }
      const create = await send(
        {
          method: 'post',
          path: `/programmes/${(await h.db.query('SELECT programme_id FROM competitions'))[0].programme_id}/competitions`,
          body: {
            kind: 'project',
            title: 'Mine now',
            slug: 'mine',
            submissionOpensAt: inDays(0),
            submissionClosesAt: inDays(1),
            rubric,
          },
        },
        token,
      );
      expect(create.status).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("lets the programme's coordinator read but not edit a team's entry", async () => {
    await h
      .http()
      .get(`/api/v1/submissions/${submissionId}`)
      .set(auth(coordinator.token))
      .expect(200);
    await h
      .http()
      .get(`/api/v1/submissions/${submissionId}/versions`)
      .set(auth(coordinator.token))
      .expect(200);
    const edit = await h
      .http()
      .patch(`/api/v1/submissions/${submissionId}`)
      .set(auth(coordinator.token))
      .send({ title: 'Coordinator edit' });
    expect(edit.status).toBe(403);
    const admin = await h.adminToken();
    await h
      .http()
      .get(`/api/v1/competitions/${competitionId}/submissions`)
      .set(auth(admin))
      .expect(200);
  });

  it('only the leader invites and removes; only the invited email accepts', async () => {
    const invite = await h
      .http()
      .post(`/api/v1/teams/${teamId}/invitations`)
      .set(auth(partner.token))
      .send({ email: 'friend@kenal.test' });
    expect(invite.status).toBe(403);
    const remove = await h
      .http()
      .delete(`/api/v1/teams/${teamId}/members/${member.id}`)
      .set(auth(partner.token));
    expect(remove.status).toBe(403);
  });

  const long = (n: number) => 'x'.repeat(n);
  const goodCompetition = {
    kind: 'short_movie',
    title: 'Good title',
    slug: 'good',
    submissionOpensAt: '2027-01-01T00:00:00Z',
    submissionClosesAt: '2027-02-01T00:00:00Z',
    rubric,
  };
  const suites: {
    method: Method;
    path: () => string;
    token: () => string;
    cases: [string, unknown][];
  }[] = [
    {
      method: 'post',
      path: () => `/programmes/${randomUUID()}/competitions`,
      token: () => coordinator.token,
      cases: [
        ['missing fields', {}],
        ['unknown kind', { ...goodCompetition, kind: 'poetry' }],
        ['date without zone', { ...goodCompetition, submissionOpensAt: '2027-01-01' }],
        ['not a date', { ...goodCompetition, submissionClosesAt: 'soon' }],
        ['rubric not a list', { ...goodCompetition, rubric: { key: 'a' } }],
        [
          'rubric wrong types',
          { ...goodCompetition, rubric: [{ key: 'a', label: 'A', weight: '2', min: 0, max: 1 }] },
        ],
        [
          'rubric negative weight',
          { ...goodCompetition, rubric: [{ key: 'a', label: 'A', weight: -1, min: 0, max: 1 }] },
        ],
        ['rubric unknown field', { ...goodCompetition, rubric: [{ ...rubric[0], secret: 1 }] }],
        ['age out of range', { ...goodCompetition, eligibility: { minAge: 3 } }],
        ['unknown country', { ...goodCompetition, eligibility: { countries: ['US'] } }],
        ['unknown eligibility field', { ...goodCompetition, eligibility: { vip: true } }],
        ['negative limit', { ...goodCompetition, limits: { maxUploadBytes: -1 } }],
        ['bad slug', { ...goodCompetition, slug: 'Not A Slug' }],
        ['oversized description', { ...goodCompetition, description: long(10001) }],
        ['unknown field', { ...goodCompetition, prize: 1000 }],
      ],
    },
    {
      method: 'patch',
      path: () => `/competitions/${competitionId}`,
      token: () => coordinator.token,
      cases: [
        ['unknown field', { winner: 'us' }],
        ['bad date', { submissionClosesAt: '31/12/2027' }],
        ['closes before it opens', { submissionClosesAt: '2000-01-01T00:00:00Z' }],
        ['min team above max', { eligibility: { minTeamSize: 4, maxTeamSize: 2 } }],
      ],
    },
    {
      method: 'post',
      path: () => `/competitions/${competitionId}/teams`,
      token: () => outsider.token,
      cases: [
        ['missing name', {}],
        ['blank name', { name: '   ' }],
        ['unknown field', { name: 'T', members: [] }],
      ],
    },
    {
      method: 'post',
      path: () => `/teams/${teamId}/invitations`,
      token: () => member.token,
      cases: [
        ['not an email', { email: 'nope' }],
        ['unknown field', { email: 'a@kenal.test', role: 'leader' }],
      ],
    },
    {
      method: 'post',
      path: () => `/competitions/${competitionId}/submissions`,
      token: () => outsider.token,
      cases: [
        ['missing title', {}],
        ['http video link', { title: 'T', videoUrl: 'http://videos.example/1' }],
        ['javascript link', { title: 'T', videoUrl: 'javascript:alert(1)' }],
        ['negative runtime', { title: 'T', runtimeSeconds: -5 }],
        ['unknown language', { title: 'T', language: 'klingon' }],
        ['project field on a movie', { title: 'T', sdgs: [1] }],
        ['unknown field', { title: 'T', score: 100 }],
        ['team not a uuid', { title: 'T', teamId: 'mine' }],
      ],
    },
    {
      method: 'patch',
      path: () => `/submissions/${submissionId}`,
      token: () => member.token,
      cases: [
        ['version zero', { version: 0, title: 'x' }],
        ['title null', { title: null }],
        ['rights not a boolean', { rightsConfirmed: 'yes' }],
        ['too many subtitles', { subtitleLanguages: Array(31).fill('en') }],
        ['unknown field', { status: 'awarded' }],
      ],
    },
    {
      method: 'post',
      path: () => `/submissions/${submissionId}/extension`,
      token: () => coordinator.token,
      cases: [
        ['missing until', {}],
        ['not a date', { until: 'next week' }],
        ['in the past', { until: '2001-01-01T00:00:00Z' }],
      ],
    },
  ];

  for (const suite of suites) {
    it(`${suite.method.toUpperCase()} ${suite.path.toString().replace(/^\(\) => /, '')}: each bad body is a 400 that changes nothing`, async () => {
      for (const [name, body] of suite.cases) {
        const before = await snapshot();
        const res = await h
          .http()
          [suite.method](`/api/v1${suite.path()}`)
          .set(auth(suite.token()))
          .send(body as object);
        expect([name, res.status]).toEqual([name, 400]);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.errors?.length ?? 0).toBeGreaterThan(0);
        expect([name, await snapshot()]).toEqual([name, before]);
      }
    });
  }

  it('refuses a bad Idempotency-Key, If-Match, list filter or path id with 400', async () => {
    const before = await snapshot();
    const checks = [
      h
        .http()
        .post(`/api/v1/submissions/${submissionId}/submit`)
        .set(auth(member.token))
        .set('Idempotency-Key', 'bad key with spaces'),
      h
        .http()
        .patch(`/api/v1/submissions/${submissionId}`)
        .set(auth(member.token))
        .set('If-Match', 'yesterday')
        .send({ title: 'x' }),
      h
        .http()
        .get(`/api/v1/competitions/${competitionId}/submissions?status=bogus`)
        .set(auth(coordinator.token)),
      h
        .http()
        .get(`/api/v1/competitions/${competitionId}/submissions?pageSize=1000`)
        .set(auth(coordinator.token)),
      h
        .http()
        .get(`/api/v1/competitions/${competitionId}/submissions?format=xlsx`)
        .set(auth(coordinator.token)),
      h
        .http()
        .get(`/api/v1/competitions/${competitionId}/submissions?q=${'x'.repeat(201)}`)
        .set(auth(coordinator.token)),
      h
        .http()
        .post(`/api/v1/submissions/${submissionId}/extension`)
        .set(auth(coordinator.token))
        .send({ until: inDays(40), reason: 'r'.repeat(501) }),
      h
        .http()
        .get(`/api/v1/programmes/${programmeId}/competitions?pageSize=0`)
        .set(auth(coordinator.token)),
      h.http().get('/api/v1/submissions/not-a-uuid').set(auth(member.token)),
    ];
    const statuses = (await Promise.all(checks)).map((r) => r.status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 400, 400, 400, 400]);
    expect(await snapshot()).toEqual(before);
  });

  it('describes every competitions route in the OpenAPI document', async () => {
    const doc = await h.http().get('/api/docs-json').expect(200);
    const paths = Object.keys(doc.body.paths);
    for (const p of [
      '/api/v1/programmes/{id}/competitions',
      '/api/v1/competitions/{id}',
      '/api/v1/competitions/{id}/teams',
      '/api/v1/competitions/{id}/submissions',
      '/api/v1/teams/{id}/invitations',
      '/api/v1/team-invitations/{token}/accept',
      '/api/v1/submissions/{id}',
      '/api/v1/submissions/{id}/submit',
      '/api/v1/submissions/{id}/withdraw',
      '/api/v1/submissions/{id}/versions',
      '/api/v1/submissions/{id}/extension',
      '/api/v1/submissions/{id}/assets',
      '/api/v1/me/submissions',
    ]) {
      expect(paths).toContain(p);
    }
    expect(Object.keys(doc.body.components.schemas)).toEqual(
      expect.arrayContaining([
        'CreateCompetitionDto',
        'CreateSubmissionDto',
        'SubmissionResponseDto',
        'UploadAssetDto',
      ]),
    );
  });
});
