import { randomUUID } from 'node:crypto';
import { person, programme } from './support/competitions';
import { auth, Harness } from './support/harness';
import { closedPenpalRound, enrolAll } from './support/penpal';
import { sleep } from './support/wait';

describe('coordination API for the staff web (e2e: my programmes, coordinators by email, round list, run comparison)', () => {
  let h: Harness;
  let coordinator: Awaited<ReturnType<Harness['userWithRoles']>>;
  let programmeId: string;

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    coordinator = await h.userWithRoles(['coordinator']);
    programmeId = await programme(h, coordinator.token, `coord-${randomUUID().slice(0, 6)}`);
  });
  afterAll(() => h.stop());

  const runToEnd = async (roundId: string) => {
    const started = await h
      .http()
      .post(`/api/v1/penpal-rounds/${roundId}/matching-runs`)
      .set(auth(coordinator.token))
      .send({ seed: 7 })
      .expect(202);
    for (let i = 0; i < 400; i += 1) {
      const run = await h
        .http()
        .get(`/api/v1/matching-runs/${started.body.id}`)
        .set(auth(coordinator.token))
        .expect(200);
      if (run.body.status === 'succeeded') return run.body.id as string;
      if (run.body.status === 'failed') throw new Error(JSON.stringify(run.body));
      await sleep(50);
    }
    throw new Error('the run did not finish');
  };

  const twoKoreansLaoBrunei = async () => [
    await person(h, 'KR'),
    await person(h, 'KR'),
    await person(h, 'LA'),
    await person(h, 'BN'),
  ];

  /** A round these people enrolled in, enrolment closed. */
  const enrolledRound = async (name: string, people: { token: string }[]) => {
    const round = await h
      .http()
      .post(`/api/v1/programmes/${programmeId}/penpal-rounds`)
      .set(auth(coordinator.token))
      .send({
        name,
        enrolmentOpensAt: new Date(Date.now() - 3600_000).toISOString(),
        enrolmentClosesAt: new Date(Date.now() + 3600_000).toISOString(),
      })
      .expect(201);
    const roundId = round.body.id as string;
    await enrolAll(h, roundId, people);
    await h
      .http()
      .patch(`/api/v1/penpal-rounds/${roundId}`)
      .set(auth(coordinator.token))
      .send({ enrolmentClosesAt: new Date(Date.now() - 1000).toISOString() })
      .expect(200);
    return roundId;
  };

  it("counts a round's enrolments per country with any page of them, and lists one country's", async () => {
    const roundId = await enrolledRound('Counted', await twoKoreansLaoBrunei());
    const page = await h
      .http()
      .get(`/api/v1/penpal-rounds/${roundId}/enrolments?pageSize=1`)
      .set(auth(coordinator.token))
      .expect(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBe(4);
    expect(page.body.byCountry).toEqual({ KR: 2, LA: 1, BN: 1 });

    const koreans = await h
      .http()
      .get(`/api/v1/penpal-rounds/${roundId}/enrolments?country=KR`)
      .set(auth(coordinator.token))
      .expect(200);
    expect(koreans.body.total).toBe(2);
    expect(koreans.body.items.map((e: { country: string }) => e.country)).toEqual(['KR', 'KR']);
    expect(koreans.body.byCountry).toEqual({ KR: 2, LA: 1, BN: 1 });
    const bad = await h
      .http()
      .get(`/api/v1/penpal-rounds/${roundId}/enrolments?country=XX`)
      .set(auth(coordinator.token))
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('lists only the programmes I coordinate with ?mine=true', async () => {
    const other = await h.userWithRoles(['coordinator']);
    const theirs = await programme(h, other.token, `other-${randomUUID().slice(0, 6)}`);
    const mine = await h
      .http()
      .get('/api/v1/programmes?mine=true&pageSize=100')
      .set(auth(coordinator.token))
      .expect(200);
    const ids = mine.body.items.map((p: { id: string }) => p.id);
    expect(ids).toContain(programmeId);
    expect(ids).not.toContain(theirs);
    expect(mine.body.total).toBe(ids.length);
    const all = await h
      .http()
      .get('/api/v1/programmes?pageSize=100')
      .set(auth(coordinator.token))
      .expect(200);
    expect(all.body.items.map((p: { id: string }) => p.id)).toContain(theirs);
  });

  it('adds a coordinator by email; an unknown address is 404, an applicant 422', async () => {
    const colleague = await h.userWithRoles(['coordinator']);
    const added = await h
      .http()
      .post(`/api/v1/programmes/${programmeId}/coordinators`)
      .set(auth(coordinator.token))
      .send({ email: colleague.email.toUpperCase() })
      .expect(201);
    expect(added.body).toMatchObject({ programmeId, userId: colleague.id });
    const mine = await h
      .http()
      .get('/api/v1/programmes?mine=true')
      .set(auth(colleague.token))
      .expect(200);
    expect(mine.body.items.map((p: { id: string }) => p.id)).toEqual([programmeId]);

    await h
      .http()
      .post(`/api/v1/programmes/${programmeId}/coordinators`)
      .set(auth(coordinator.token))
      .send({ email: 'nobody-here@kenal.test' })
      .expect(404);
    const applicant = await h.register();
    const refused = await h
      .http()
      .post(`/api/v1/programmes/${programmeId}/coordinators`)
      .set(auth(coordinator.token))
      .send({ email: applicant.email });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('NOT_ELIGIBLE');
    const neither = await h
      .http()
      .post(`/api/v1/programmes/${programmeId}/coordinators`)
      .set(auth(coordinator.token))
      .send({});
    expect(neither.status).toBe(400);
    expect(neither.body.code).toBe('VALIDATION_FAILED');
  });

  it("lists a programme's rounds with enrolments and runs, to its coordinators and admins only", async () => {
    const roundId = await closedPenpalRound(h, coordinator.token, programmeId);
    const rounds = await h
      .http()
      .get(`/api/v1/programmes/${programmeId}/penpal-rounds`)
      .set(auth(coordinator.token))
      .expect(200);
    expect(rounds.body.find((r: { id: string }) => r.id === roundId)).toMatchObject({
      id: roundId,
      programmeId,
      enrolled: 0,
      runs: 0,
      publishedAt: null,
      enrolment: 'closed',
    });
    await h
      .http()
      .get(`/api/v1/programmes/${programmeId}/penpal-rounds`)
      .set(auth(await h.adminToken()))
      .expect(200);
    for (const roles of [['coordinator'], ['judge'], ['applicant']]) {
      const outsider = await h.userWithRoles(roles);
      await h
        .http()
        .get(`/api/v1/programmes/${programmeId}/penpal-rounds`)
        .set(auth(outsider.token))
        .expect(403);
    }
    await h
      .http()
      .get(`/api/v1/programmes/${randomUUID()}/penpal-rounds`)
      .set(auth(coordinator.token))
      .expect(404);
  });

  it('compares two runs of a round: pairs kept, lost and gained, coverage per country', async () => {
    const people = await twoKoreansLaoBrunei();
    const roundId = await enrolledRound('Compared', people);
    const first = await runToEnd(roundId);
    const pairs = await h
      .http()
      .get(`/api/v1/matching-runs/${first}/matches?pageSize=100`)
      .set(auth(coordinator.token))
      .expect(200);
    expect(pairs.body.total).toBe(2);
    const [gone] = pairs.body.items as { a: { userId: string }; b: { userId: string } }[];
    await h
      .http()
      .post(`/api/v1/penpal-rounds/${roundId}/constraints`)
      .set(auth(coordinator.token))
      .send({ type: 'forbid', userIds: [gone.a.userId, gone.b.userId] })
      .expect(201);
    const second = await runToEnd(roundId);

    const compared = await h
      .http()
      .get(`/api/v1/matching-runs/${first}/compare/${second}`)
      .set(auth(coordinator.token))
      .expect(200);
    expect(compared.body).toMatchObject({ runId: first, otherRunId: second });
    expect(compared.body.lost).toBeGreaterThanOrEqual(1);
    expect(compared.body.kept + compared.body.lost).toBe(2);
    const kr = compared.body.byCountry.find((r: { country: string }) => r.country === 'KR');
    expect(kr).toMatchObject({ pairsBefore: 2, matchedBefore: 2, enrolled: 2 });
    const countries = compared.body.byCountry.map((r: { country: string }) => r.country);
    expect(countries).toEqual(expect.arrayContaining(['BN', 'KR', 'LA']));

    // Runs of different rounds, an unknown run, and someone else's programme.
    const otherRound = await closedPenpalRound(h, coordinator.token, programmeId);
    const lonely = await runToEnd(otherRound);
    const mixed = await h
      .http()
      .get(`/api/v1/matching-runs/${first}/compare/${lonely}`)
      .set(auth(coordinator.token));
    expect(mixed.status).toBe(422);
    expect(mixed.body.code).toBe('RUNS_NOT_COMPARABLE');
    await h
      .http()
      .get(`/api/v1/matching-runs/${first}/compare/${randomUUID()}`)
      .set(auth(coordinator.token))
      .expect(404);
    for (const roles of [['coordinator'], ['judge'], ['applicant']]) {
      const outsider = await h.userWithRoles(roles);
      await h
        .http()
        .get(`/api/v1/matching-runs/${first}/compare/${second}`)
        .set(auth(outsider.token))
        .expect(403);
    }
    // Three matching runs and a dozen accounts: longer than the default 30 s on a shared machine.
  }, 120_000);

  it('names both people of each pair, searches every pair by name or country, and counts who publishing would tell', async () => {
    const people = [
      await person(h, 'KR', { displayName: 'Kim Min-jun' }),
      await person(h, 'KR', { displayName: 'Park Seo-yeon' }),
      await person(h, 'LA', { displayName: 'Khamla 100%' }),
      await person(h, 'BN', { displayName: 'Nur Aisyah' }),
      await person(h, 'ID', { displayName: 'Budi Santoso' }),
    ];
    const roundId = await enrolledRound('Named pairs', people);
    const runId = await runToEnd(roundId);
    const page = (q = '') =>
      h
        .http()
        .get(`/api/v1/matching-runs/${runId}/matches?pageSize=100${q}`)
        .set(auth(coordinator.token))
        .expect(200)
        .then(
          (r) =>
            r.body as {
              total: number;
              items: { a: { displayName: string; country: string }; b: { displayName: string } }[];
            },
        );
    const all = await page();
    expect(all.total).toBe(2);
    const names = new Map(people.map((p) => [p.id, p]));
    for (const pair of all.items) {
      for (const side of [pair.a, pair.b] as { userId: string; displayName: string }[]) {
        expect(names.has(side.userId)).toBe(true);
        expect(side.displayName).toMatch(/Kim|Park|Khamla|Nur|Budi/);
      }
    }
    const kim = await page('&q=min-JUN');
    expect(kim.total).toBe(1);
    expect(kim.items[0].a.displayName).toBe('Kim Min-jun');
    // A country code (any case) keeps that country's pairs; a typed wildcard is only itself.
    expect((await page('&q=kr')).total).toBe(2);
    expect((await page('&q=%25')).total).toBe(
      all.items.some((p) => p.b.displayName === 'Khamla 100%') ? 1 : 0,
    );
    expect((await page('&q=nobody')).total).toBe(0);
    const tooLong = await h
      .http()
      .get(`/api/v1/matching-runs/${runId}/matches?q=${'x'.repeat(101)}`)
      .set(auth(coordinator.token));
    expect(tooLong.status).toBe(400);

    const preview = await h
      .http()
      .get(`/api/v1/matching-runs/${runId}/publish-preview`)
      .set(auth(coordinator.token))
      .expect(200);
    expect(preview.body).toEqual({ matched: 4, unmatched: 1, skipped: 0 });
    for (const roles of [['coordinator'], ['judge'], ['applicant']]) {
      const outsider = await h.userWithRoles(roles);
      for (const path of ['publish-preview', 'matches']) {
        await h
          .http()
          .get(`/api/v1/matching-runs/${runId}/${path}`)
          .set(auth(outsider.token))
          .expect(403);
      }
    }
    const published = await h
      .http()
      .post(`/api/v1/matching-runs/${runId}/publish`)
      .set(auth(coordinator.token))
      .expect(200);
    expect(published.body.notified).toEqual({ matched: 4, unmatched: 1 });
    const after = await h
      .http()
      .get(`/api/v1/matching-runs/${runId}/publish-preview`)
      .set(auth(coordinator.token));
    expect([after.status, after.body.code]).toEqual([409, 'ALREADY_PUBLISHED']);
  }, 120_000);
});
