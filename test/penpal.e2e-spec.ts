import { randomUUID } from 'node:crypto';
import { QueueService } from '../src/jobs/queue.service';
import { auth, Harness } from './support/harness';
import { tokenFrom } from './support/smtp';
import { sleep } from './support/wait';

const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const HOUR = 3600_000;

interface Person {
  id: string;
  email: string;
  token: string;
  country: string;
}

describe('pen-pal programme (e2e: rounds, enrolment, matching runs as jobs, publish, respond)', () => {
  let h: Harness;
  let coordinator: string;
  let programmeId: string;

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    coordinator = (await h.userWithRoles(['coordinator'])).token;
    const p = await h
      .http()
      .post('/api/v1/programmes')
      .set(auth(coordinator))
      .send({ name: 'ASEAN–Korea Exchange Year 2027', slug: 'akey-2027', timezone: 'Asia/Seoul' })
      .expect(201);
    programmeId = p.body.id;
  });
  afterAll(() => h.stop());

  const person = async (
    country: string,
    opts: {
      dob?: string;
      languages?: { code: string; level: string }[];
      interests?: string[];
      guardian?: boolean;
      locale?: string;
    } = {},
  ): Promise<Person> => {
    const user = await h.register({
      displayName: `${country} person`,
      locale: opts.locale ?? 'en',
    });
    await h
      .http()
      .put('/api/v1/me/profile')
      .set(auth(user.token))
      .send({
        country,
        dateOfBirth: opts.dob ?? '2003-05-05',
        languages: opts.languages ?? [
          { code: country === 'KR' ? 'ko' : 'id', level: 'native' },
          { code: 'en', level: 'fluent' },
        ],
        interests: opts.interests ?? ['film', 'football'],
        institution: 'Secret Institute',
        ...(opts.guardian
          ? { guardian: { name: 'Guardian', email: `g-${user.id}@kenal.test` } }
          : {}),
      })
      .expect(200);
    return { id: user.id, email: user.email, token: user.token, country };
  };

  const newRound = async (extra: object = {}) => {
    const res = await h
      .http()
      .post(`/api/v1/programmes/${programmeId}/penpal-rounds`)
      .set(auth(coordinator))
      .send({
        name: `Round ${Math.random().toString(36).slice(2, 7)}`,
        enrolmentOpensAt: iso(-HOUR),
        enrolmentClosesAt: iso(HOUR),
        rules: { maxAgeGapYears: 5, requireSharedLanguage: true },
        ...extra,
      })
      .expect(201);
    return res.body.id as string;
  };
  const enrol = (roundId: string, p: Person, body: object = {}) =>
    h.http().post(`/api/v1/penpal-rounds/${roundId}/enrolments`).set(auth(p.token)).send(body);
  const closeEnrolment = (roundId: string) =>
    h
      .http()
      .patch(`/api/v1/penpal-rounds/${roundId}`)
      .set(auth(coordinator))
      .send({ enrolmentClosesAt: iso(-1000) })
      .expect(200);
  const runToEnd = async (roundId: string, seed = 7) => {
    const started = await h
      .http()
      .post(`/api/v1/penpal-rounds/${roundId}/matching-runs`)
      .set(auth(coordinator))
      .send({ seed })
      .expect(202);
    expect(started.body.status).toBe('queued');
    for (let i = 0; i < 200; i += 1) {
      const run = await h
        .http()
        .get(`/api/v1/matching-runs/${started.body.id}`)
        .set(auth(coordinator))
        .expect(200);
      if (run.body.status === 'succeeded' || run.body.status === 'failed') return run.body;
      await sleep(50);
    }
    const rows = await h.db.query('SELECT status, error FROM matching_runs WHERE id = $1', [
      started.body.id,
    ]);
    const q = h.api.get(QueueService).queue('penpal-matching');
    const failed = (await q.getFailed()).map((j) => [j.id, j.failedReason, j.attemptsMade]);
    const counts = await q.getJobCounts();
    throw new Error(
      `run did not finish: ${JSON.stringify(rows)} ${JSON.stringify(failed)} ${JSON.stringify(counts)}`,
    );
  };
  const publish = (runId: string) =>
    h.http().post(`/api/v1/matching-runs/${runId}/publish`).set(auth(coordinator));
  const matchesOf = async (runId: string) =>
    (
      await h
        .http()
        .get(`/api/v1/matching-runs/${runId}/matches?pageSize=100`)
        .set(auth(coordinator))
        .expect(200)
    ).body.items;

  it('runs the whole coordinator workflow, from enrolment to accepted pen pals', async () => {
    const roundId = await newRound();
    const round = await h
      .http()
      .get(`/api/v1/penpal-rounds/${roundId}`)
      .set(auth(coordinator))
      .expect(200);
    expect(round.body).toMatchObject({ enrolment: 'open', local: { timezone: 'Asia/Seoul' } });

    const koreans = [await person('KR'), await person('KR', { locale: 'ko' }), await person('KR')];
    const asean = [
      await person('ID'),
      await person('TH', {
        languages: [
          { code: 'th', level: 'native' },
          { code: 'en', level: 'basic' },
        ],
      }),
      await person('LA'),
    ];
    const loner = await person('VN', { languages: [{ code: 'vi', level: 'native' }] }); // shares no language
    for (const p of [...koreans, ...asean, loner])
      await enrol(roundId, p, { capacity: 1 }).expect(201);
    const again = await enrol(roundId, koreans[0]);
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_ENROLLED']);
    const list = await h
      .http()
      .get(`/api/v1/penpal-rounds/${roundId}/enrolments`)
      .set(auth(coordinator))
      .expect(200);
    expect(list.body.total).toBe(7);
    // A calendar date, whatever the server's or the database's time zone.
    expect(list.body.items[0].dateOfBirth).toBe('2003-05-05');

    const notYet = await newRound({
      enrolmentOpensAt: iso(HOUR),
      enrolmentClosesAt: iso(2 * HOUR),
    });
    const early0 = await enrol(notYet, koreans[0]);
    expect([early0.status, early0.body.code]).toEqual([409, 'DEADLINE_PASSED']);

    const early = await h
      .http()
      .post(`/api/v1/penpal-rounds/${roundId}/matching-runs`)
      .set(auth(coordinator))
      .send({});
    expect([early.status, early.body.code]).toEqual([409, 'ENROLMENT_OPEN']);
    await closeEnrolment(roundId);
    const late = await enrol(roundId, await person('MY'));
    expect([late.status, late.body.code]).toEqual([409, 'DEADLINE_PASSED']);

    const run = await runToEnd(roundId);
    expect(run.status).toBe('succeeded');
    expect(run.progress).toBe(1);
    expect(run.stats).toMatchObject({ enrolled: 7, matched: 6, unmatched: 1, pairs: 3 });
    expect(run.stats.byCountry).toMatchObject({ KR: 3, ID: 1, TH: 1, LA: 1, VN: 0 });
    expect(run.stats.unmatchedByReason.no_shared_language).toBe(1);
    expect(run.stats.durationMs).toEqual(
      expect.objectContaining({
        load: expect.any(Number),
        solve: expect.any(Number),
        save: expect.any(Number),
      }),
    );

    // Who is left out, and why: the coordinator's list, filterable by reason.
    const left = await h
      .http()
      .get(`/api/v1/matching-runs/${run.id}/unmatched`)
      .set(auth(coordinator))
      .expect(200);
    expect(left.body).toMatchObject({ total: 1, page: 1 });
    expect(left.body.items).toEqual([
      {
        userId: loner.id,
        displayName: 'VN person',
        country: 'VN',
        reason: 'no_shared_language',
        detail: expect.stringMatching(/speaks vi|Vietnamese/),
      },
    ]);
    const none = await h
      .http()
      .get(`/api/v1/matching-runs/${run.id}/unmatched?reason=age_rules`)
      .set(auth(coordinator))
      .expect(200);
    expect(none.body).toMatchObject({ items: [], total: 0 });
    const bad = await h
      .http()
      .get(`/api/v1/matching-runs/${run.id}/unmatched?reason=bored`)
      .set(auth(coordinator));
    expect(bad.status).toBe(400);

    const matches = await matchesOf(run.id);
    expect(matches).toHaveLength(3);
    for (const m of matches) {
      expect(m.a.country).toBe('KR');
      expect(['ID', 'TH', 'LA']).toContain(m.b.country);
      expect(m.reasons.join(' ')).toMatch(/English/);
    }

    // Nothing is visible to participants before publication.
    expect(
      (await h.http().get('/api/v1/me/penpals').set(auth(koreans[0].token)).expect(200)).body,
    ).toEqual([]);

    const published = await publish(run.id).expect(200);
    expect(published.body.notified).toEqual({ matched: 6, unmatched: 1 });
    const twice = await publish(run.id);
    expect([twice.status, twice.body.code]).toEqual([409, 'ALREADY_PUBLISHED']);

    const mail = await h.smtp.waitFor(koreans[0].email);
    expect(mail.subject).toMatch(/You have a pen pal/);
    expect(mail.text).toMatch(
      /pen pal in Round \w+: (ID|TH|LA) person \((Indonesia|Thailand|Lao PDR)\)/,
    );
    expect((await h.smtp.waitFor(loner.email)).subject).toMatch(/stay in the queue/);

    const mine = await h.http().get('/api/v1/me/penpals').set(auth(koreans[0].token)).expect(200);
    expect(mine.body).toHaveLength(1);
    const match = mine.body[0];
    // The pen pal is from ID, LA (fluent English) or TH (basic English): speak or know some.
    expect(match.reasons).toEqual(
      expect.arrayContaining([expect.stringMatching(/^both (speak|know some) English$/)]),
    );
    // Each reads the reasons in their own language.
    const korean = await h.http().get('/api/v1/me/penpals').set(auth(koreans[1].token)).expect(200);
    expect(korean.body[0].reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^(함께 쓰는|둘 다 조금 아는) 언어: 영어$/),
        '공통 관심사: 영화, 축구',
      ]),
    );
    // GET /me/penpals checks the session in its own statement (issue 14): a second session of
    // the same person sees the pen pal, and once logged out, its next request is refused.
    const second = await h.login(koreans[0].email, 'correct-horse-battery');
    expect((await h.http().get('/api/v1/me/penpals').set(auth(second)).expect(200)).body).toEqual(
      mine.body,
    );
    await h.http().post('/api/v1/auth/logout').set(auth(second)).send({}).expect(204);
    const refused = await h.http().get('/api/v1/me/penpals').set(auth(second));
    expect([refused.status, refused.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    await h.http().get('/api/v1/me/penpals').set(auth(koreans[0].token)).expect(200);
    expect(match.penpal).toEqual({
      displayName: expect.any(String),
      country: expect.stringMatching(/ID|TH|LA/),
      languages: expect.any(Array),
      interests: ['film', 'football'],
    });
    // The participant's data export holds the enrolment and the match, as they see them.
    const exported = JSON.parse(
      (await h.http().get('/api/v1/me/export').set(auth(koreans[0].token)).expect(200)).text,
    );
    expect(exported.penpalEnrolments).toEqual([expect.objectContaining({ capacity: 1 })]);
    expect(exported.penpalMatches).toEqual([
      expect.objectContaining({ penpal: match.penpal.displayName, status: 'published' }),
    ]);
    for (const p of asean) expect(JSON.stringify(exported)).not.toContain(p.email);
    const exportedKo = JSON.parse(
      (await h.http().get('/api/v1/me/export').set(auth(koreans[1].token)).expect(200)).text,
    );
    expect(exportedKo.penpalMatches[0].reasons).toContain('공통 관심사: 영화, 축구');
    const text = JSON.stringify(mine.body);
    for (const secret of [
      ...asean.map((p) => p.email),
      '2003-05-05',
      'Secret Institute',
      'Guardian',
    ])
      expect(text).not.toContain(secret);

    const partner = asean.find((p) => p.country === match.penpal.country)!;
    const stranger = koreans[1];
    const hijack = await h
      .http()
      .post(`/api/v1/penpal-matches/${match.matchId}/respond`)
      .set(auth(stranger.token))
      .send({ accept: false });
    expect(hijack.status).toBe(403);

    await h
      .http()
      .post(`/api/v1/penpal-matches/${match.matchId}/respond`)
      .set(auth(koreans[0].token))
      .send({ accept: true })
      .expect(200);
    const both = await h
      .http()
      .post(`/api/v1/penpal-matches/${match.matchId}/respond`)
      .set(auth(partner.token))
      .send({ accept: true })
      .expect(200);
    expect(both.body.status).toBe('accepted');
    // Both hear that they can start writing, by email and in the app.
    for (const p of [koreans[0], partner])
      await h.smtp.waitForSubject(p.email, /can start writing/);
    let inbox: { type: string }[] = [];
    for (let i = 0; i < 100 && !inbox.some((n) => n.type === 'penpal.connected'); i++) {
      await sleep(50);
      inbox = (await h.http().get('/api/v1/me/notifications').set(auth(partner.token)).expect(200))
        .body.items;
    }
    expect(inbox.map((n) => n.type)).toEqual(
      expect.arrayContaining(['penpal.matched', 'penpal.connected']),
    );
    const dup = await h
      .http()
      .post(`/api/v1/penpal-matches/${match.matchId}/respond`)
      .set(auth(partner.token))
      .send({ accept: false });
    expect([dup.status, dup.body.code]).toEqual([409, 'ALREADY_RESPONDED']);
  });

  it('a later run keeps published pairs, never re-pairs a declined pair, and matches the declined with newcomers', async () => {
    const roundId = await newRound();
    const kr = [await person('KR'), await person('KR')];
    const ph = [await person('PH'), await person('PH')];
    for (const p of [...kr, ...ph]) await enrol(roundId, p).expect(201);
    await closeEnrolment(roundId);
    const first = await runToEnd(roundId, 1);
    expect(first.stats.pairs).toBe(2);
    await publish(first.id).expect(200);

    const [kept, dropped] = await matchesOf(first.id);
    const decliner = [...kr, ...ph].find((p) => p.id === dropped.a.userId)!;
    await h
      .http()
      .post(`/api/v1/penpal-matches/${dropped.id}/respond`)
      .set(auth(decliner.token))
      .send({ accept: false })
      .expect(200);
    // The other person hears it did not go ahead.
    const declined = [...kr, ...ph].find((p) => p.id === dropped.b.userId)!;
    await h.smtp.waitForSubject(declined.email, /did not go ahead/);

    // The coordinator reopens enrolment for a while; two newcomers join.
    await h
      .http()
      .patch(`/api/v1/penpal-rounds/${roundId}`)
      .set(auth(coordinator))
      .send({ enrolmentClosesAt: iso(HOUR) })
      .expect(200);
    const newcomers = [await person('KR'), await person('PH')];
    for (const p of newcomers) await enrol(roundId, p).expect(201);
    await closeEnrolment(roundId);

    const second = await runToEnd(roundId, 1);
    const pairs = await matchesOf(second.id);
    const key = (m: { a: { userId: string }; b: { userId: string } }) =>
      `${m.a.userId}:${m.b.userId}`;
    const carried = pairs.find((m: { status: string }) => m.status === 'carried');
    expect(carried && key(carried)).toBe(key(kept));
    expect(pairs.map(key)).not.toContain(key(dropped));
    expect(second.stats).toMatchObject({ pairs: 3, pinnedPairs: 1, matched: 6, unmatched: 0 });
    const fresh = pairs.filter((m: { status: string }) => m.status === 'proposed');
    const ids = fresh
      .flatMap((m: { a: { userId: string }; b: { userId: string } }) => [m.a.userId, m.b.userId])
      .sort();
    expect(ids).toEqual([dropped.a.userId, dropped.b.userId, ...newcomers.map((p) => p.id)].sort());

    // Publishing the second run tells the four people with a new pen pal, and no one twice about the kept pair.
    const pub = await publish(second.id).expect(200);
    expect(pub.body.notified).toEqual({ matched: 4, unmatched: 0 });
  });

  it('refuses to publish a run that read its input before another run was published (no one gets a pen pal twice)', async () => {
    const roundId = await newRound();
    const kr = [await person('KR'), await person('KR')];
    const id = [await person('ID'), await person('ID')];
    for (const p of [...kr, ...id]) await enrol(roundId, p).expect(201);
    await closeEnrolment(roundId);
    const older = await runToEnd(roundId, 1);
    const [pair] = await matchesOf(older.id);
    // Forbidding one of its pairs makes the next run pair everyone differently.
    await h
      .http()
      .post(`/api/v1/penpal-rounds/${roundId}/constraints`)
      .set(auth(coordinator))
      .send({ type: 'forbid', userIds: [pair.a.userId, pair.b.userId] })
      .expect(201);
    const newer = await runToEnd(roundId, 1);
    expect(newer.stats.pairs).toBe(2);

    await publish(older.id).expect(200);
    // The newer run was computed before that publication, so it does not keep its pairs.
    const stale = await publish(newer.id);
    expect([stale.status, stale.body.code]).toEqual([409, 'STALE_RUN']);
    const published = await h.db.query(
      `SELECT count(*)::int AS n FROM penpal_matches WHERE round_id = $1 AND status = 'published'`,
      [roundId],
    );
    expect(published[0].n).toBe(2);
    for (const p of [...kr, ...id]) {
      const mine = await h.http().get('/api/v1/me/penpals').set(auth(p.token)).expect(200);
      expect(mine.body).toHaveLength(1);
    }

    // A run started after the publication keeps its pairs and can be published.
    const fresh = await runToEnd(roundId, 1);
    expect(fresh.stats.pinnedPairs).toBe(2);
    // Pairs from the programme's other rounds between people not enrolled here are not news.
    expect(fresh.stats.warnings).toEqual([]);
    await publish(fresh.id).expect(200);
  });

  it('does not publish a pair with someone who withdrew after the run; their partner stays in the queue', async () => {
    const roundId = await newRound();
    const kr = await person('KR');
    const sg = await person('SG');
    for (const p of [kr, sg]) await enrol(roundId, p).expect(201);
    await closeEnrolment(roundId);
    const run = await runToEnd(roundId);
    expect(run.stats.pairs).toBe(1);
    await h
      .http()
      .delete(`/api/v1/penpal-rounds/${roundId}/enrolments/me`)
      .set(auth(sg.token))
      .expect(204);
    const pub = await publish(run.id).expect(200);
    expect(pub.body.notified).toEqual({ matched: 0, unmatched: 1 });
    expect((await h.http().get('/api/v1/me/penpals').set(auth(kr.token)).expect(200)).body).toEqual(
      [],
    );
    expect((await h.smtp.waitFor(kr.email)).subject).toMatch(/stay in the queue/);
  });

  it('lets a coordinator end a published match (safeguarding): both are told, it is gone from their pen pals and never made again', async () => {
    const roundId = await newRound();
    const kr = await person('KR', { locale: 'ko' });
    const th = await person('TH');
    for (const p of [kr, th]) await enrol(roundId, p).expect(201);
    await closeEnrolment(roundId);
    const run = await runToEnd(roundId);
    const [pair] = await matchesOf(run.id);
    const end = (token: string, body: object = { reason: 'Reported by a guardian' }) =>
      h.http().post(`/api/v1/penpal-matches/${pair.id}/cancel`).set(auth(token)).send(body);

    // Not before it is published: a proposed pair is forbidden instead.
    const early = await end(coordinator);
    expect([early.status, early.body.code]).toEqual([409, 'MATCH_NOT_PUBLISHED']);
    await publish(run.id).expect(200);
    const mine = await h.http().get('/api/v1/me/penpals').set(auth(th.token)).expect(200);
    const matchId = mine.body[0].matchId;
    const endPublished = (token: string, body: object = { reason: 'Reported by a guardian' }) =>
      h.http().post(`/api/v1/penpal-matches/${matchId}/cancel`).set(auth(token)).send(body);

    // Only the programme's coordinators; not the pair themselves, not other coordinators.
    const outsider = (await h.userWithRoles(['coordinator'])).token;
    for (const token of [kr.token, th.token, outsider]) {
      expect((await endPublished(token)).status).toBe(403);
    }
    const tooLong = await endPublished(coordinator, { reason: 'x'.repeat(2001) });
    expect(tooLong.status).toBe(400);

    const ended = await endPublished(coordinator).expect(200);
    expect(ended.body).toMatchObject({ matchId, status: 'cancelled' });
    const again = await endPublished(coordinator);
    expect([again.status, again.body.code]).toEqual([409, 'MATCH_CANCELLED']);
    for (const p of [kr, th]) {
      expect(
        (await h.http().get('/api/v1/me/penpals').set(auth(p.token)).expect(200)).body,
      ).toEqual([]);
      const answer = await h
        .http()
        .post(`/api/v1/penpal-matches/${matchId}/respond`)
        .set(auth(p.token))
        .send({ accept: true });
      expect([answer.status, answer.body.code]).toEqual([409, 'MATCH_CANCELLED']);
    }
    await h.smtp.waitForSubject(th.email, /has been ended/);
    await h.smtp.waitForSubject(kr.email, /종료/);
    const audit = await h.db.query(
      `SELECT details FROM audit_events WHERE action = 'penpal_match.cancelled' AND target_id = $1`,
      [matchId],
    );
    expect(audit[0].details).toMatchObject({ reason: 'Reported by a guardian' });

    // The next run does not keep the pair, and does not make it again.
    const next = await runToEnd(roundId);
    expect(next.stats).toMatchObject({ pairs: 0, pinnedPairs: 0 });
    expect(next.stats.unmatchedByReason.excluded_pairs).toBe(2);
  });

  it('refuses the ineligible: outside the age range, a minor without consent, staff without the applicant role', async () => {
    const roundId = await newRound({ rules: { minAge: 15, maxAge: 25 } });
    const old = await person('KR', { dob: '1990-01-01' });
    const res = await enrol(roundId, old);
    expect([res.status, res.body.code]).toEqual([422, 'NOT_ELIGIBLE']);

    const minor = await person('KH', { dob: '2010-06-06', guardian: true });
    const pending = await enrol(roundId, minor);
    expect([pending.status, pending.body.code]).toEqual([422, 'GUARDIAN_CONSENT_REQUIRED']);

    const noProfile = await h.register();
    const bare = await h
      .http()
      .post(`/api/v1/penpal-rounds/${roundId}/enrolments`)
      .set(auth(noProfile.token))
      .send({});
    expect([bare.status, bare.body.code]).toEqual([422, 'PROFILE_REQUIRED']);

    const tooMany = await enrol(roundId, await person('KR'), { capacity: 3 });
    expect([tooMany.status, tooMany.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    await h
      .http()
      .post(`/api/v1/penpal-rounds/${roundId}/enrolments`)
      .set(auth(coordinator))
      .send({})
      .expect(403);
    expect(await h.count('penpal_enrolments WHERE round_id = ' + `'${roundId}'`)).toBe(0);
  });

  it('pairs minors only with minors, once their guardians confirmed', async () => {
    const roundId = await newRound({ rules: { maxAgeGapYears: 10 } });
    const confirmMinor = async (country: string) => {
      const p = await person(country, { dob: '2011-02-02', guardian: true });
      const mail = await h.smtp.waitFor(`g-${p.id}@kenal.test`);
      const token = tokenFrom(mail.text);
      await h.http().post(`/api/v1/guardian-consents/${token}/confirm`).expect(200);
      return p;
    };
    const minorKr = await confirmMinor('KR');
    const minorMm = await confirmMinor('MM');
    const adultKr = await person('KR', { dob: '2007-01-01' });
    const adultMm = await person('MM', { dob: '2007-01-01' });
    for (const p of [minorKr, minorMm, adultKr, adultMm]) await enrol(roundId, p).expect(201);
    await closeEnrolment(roundId);
    const run = await runToEnd(roundId);
    const pairs = await matchesOf(run.id);
    const together = new Set(
      pairs.map(
        (m: { a: { userId: string }; b: { userId: string } }) => `${m.a.userId}:${m.b.userId}`,
      ),
    );
    expect(together).toEqual(
      new Set([`${minorKr.id}:${minorMm.id}`, `${adultKr.id}:${adultMm.id}`]),
    );
  });

  it('starts one run at a time, however many start together; the same seed gives the same pairs', async () => {
    const roundId = await newRound();
    for (const c of ['KR', 'KR', 'SG', 'BN']) await enrol(roundId, await person(c)).expect(201);
    await closeEnrolment(roundId);
    const starts = await Promise.all(
      Array.from({ length: 5 }, () =>
        h
          .http()
          .post(`/api/v1/penpal-rounds/${roundId}/matching-runs`)
          .set(auth(coordinator))
          .send({ seed: 3 }),
      ),
    );
    expect(starts.map((s) => s.status).sort()).toEqual([202, 409, 409, 409, 409]);
    expect(
      starts.filter((s) => s.status === 409).every((s) => s.body.code === 'RUN_IN_PROGRESS'),
    ).toBe(true);
    const first = starts.find((s) => s.status === 202)!.body.id;
    for (let i = 0; i < 100; i += 1) {
      const r = await h.http().get(`/api/v1/matching-runs/${first}`).set(auth(coordinator));
      if (r.body.status === 'succeeded') break;
      await sleep(50);
    }
    const second = await runToEnd(roundId, 3);
    const pairsOf = async (id: string) =>
      (await matchesOf(id))
        .map((m: { a: { userId: string }; b: { userId: string } }) => `${m.a.userId}:${m.b.userId}`)
        .sort();
    expect(await pairsOf(second.id)).toEqual(await pairsOf(first));
  });

  it('lists the rounds open for enrolment and the rounds I am in, with my enrolment (GET /me/penpal-rounds)', async () => {
    const open = await newRound();
    const later = await newRound({ enrolmentOpensAt: iso(HOUR), enrolmentClosesAt: iso(2 * HOUR) });
    const mineClosing = await newRound();
    const othersClosing = await newRound();
    const p = await person('TH', { locale: 'th' });
    await enrol(mineClosing, p, { preferredCountries: ['KR'], practiseLanguages: ['ko'] }).expect(
      201,
    );
    await closeEnrolment(mineClosing);
    await closeEnrolment(othersClosing);
    await h.http().get('/api/v1/me/penpal-rounds').expect(401);

    const listed = async () => {
      const res = await h.http().get('/api/v1/me/penpal-rounds').set(auth(p.token)).expect(200);
      const ours = [open, later, mineClosing, othersClosing];
      return (res.body as { id: string; enrolment: string; myEnrolment: unknown }[]).filter((r) =>
        ours.includes(r.id),
      );
    };
    const rounds = await listed();
    // The open round, and the closed round I am in; never a round not open yet nor one I missed.
    expect(rounds.map((r) => r.id).sort()).toEqual([open, mineClosing].sort());
    const byId = new Map(rounds.map((r) => [r.id, r]));
    expect(byId.get(open)).toMatchObject({ enrolment: 'open', myEnrolment: null });
    expect(byId.get(mineClosing)).toMatchObject({
      enrolment: 'closed',
      local: { timezone: 'Asia/Seoul' },
      myEnrolment: {
        roundId: mineClosing,
        userId: p.id,
        preferredCountries: ['KR'],
        practiseLanguages: ['ko'],
        capacity: 1,
      },
    });

    // Enrolling shows up at once; withdrawing takes a closed round I left off the list.
    await enrol(open, p).expect(201);
    expect((await listed()).find((r) => r.id === open)?.myEnrolment).toMatchObject({
      roundId: open,
    });
    await h
      .http()
      .delete(`/api/v1/penpal-rounds/${mineClosing}/enrolments/me`)
      .set(auth(p.token))
      .expect(204);
    expect((await listed()).map((r) => r.id)).toEqual([open]);
  });

  it('documents what every pen-pal route returns in the OpenAPI description', async () => {
    const docs = await h.http().get('/api/docs-json').expect(200);
    type Operation = {
      responses: Record<string, { content?: Record<string, { schema?: object }> }>;
    };
    const ops = Object.entries(docs.body.paths as Record<string, Record<string, Operation>>)
      .filter(([path]) => /penpal|matching-runs/.test(path))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([m, op]): [string, Operation] => [`${m} ${path}`, op]),
      );
    expect(ops.length).toBeGreaterThanOrEqual(17);
    for (const [name, op] of ops) {
      const [code, response] = Object.entries(op.responses)[0];
      const described = code === '204' || response.content?.['application/json']?.schema;
      expect([name, code, Boolean(described)]).toEqual([name, code, true]);
    }
    const page = docs.body.components.schemas.UnmatchedPersonPageDto;
    expect(Object.keys(page.properties).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
    // Every page schema of the API carries the page fields (from PageMetaDto).
    const schemas = docs.body.components.schemas as Record<string, { properties: object }>;
    const pages = Object.entries(schemas).filter(([name]) => name.endsWith('PageDto'));
    expect(pages.length).toBeGreaterThanOrEqual(8);
    for (const [name, schema] of pages) {
      expect([name, Object.keys(schema.properties)]).toEqual([
        name,
        expect.arrayContaining(['items', 'page', 'pageSize', 'total']),
      ]);
    }
  });

  it('keeps coordinator routes to the programme’s coordinators', async () => {
    const roundId = await newRound();
    const applicant = await person('KR');
    const outsider = (await h.userWithRoles(['coordinator'])).token;
    const judge = (await h.userWithRoles(['judge'])).token;
    const other = await person('ID');
    for (const p of [applicant, other]) await enrol(roundId, p).expect(201);
    const constraint = await h
      .http()
      .post(`/api/v1/penpal-rounds/${roundId}/constraints`)
      .set(auth(coordinator))
      .send({ type: 'forbid', userIds: [applicant.id, other.id] })
      .expect(201);
    const routes: [string, string, object?][] = [
      ['delete', `/penpal-rounds/${roundId}/constraints/${constraint.body.id}`],
      [
        'post',
        `/programmes/${programmeId}/penpal-rounds`,
        { name: 'Hijack', enrolmentOpensAt: iso(0), enrolmentClosesAt: iso(HOUR) },
      ],
      ['patch', `/penpal-rounds/${roundId}`, { name: 'hijacked' }],
      ['get', `/penpal-rounds/${roundId}/enrolments`],
      [
        'post',
        `/penpal-rounds/${roundId}/constraints`,
        { type: 'pin', userIds: [applicant.id, randomUUID()] },
      ],
      ['get', `/penpal-rounds/${roundId}/constraints`],
      ['post', `/penpal-rounds/${roundId}/matching-runs`, {}],
      ['get', `/penpal-rounds/${roundId}/matching-runs`],
    ];
    for (const token of [applicant.token, outsider, judge]) {
      for (const [method, path, body] of routes) {
        const req = (h.http() as unknown as Record<string, (p: string) => import('supertest').Test>)
          [method](`/api/v1${path}`)
          .set(auth(token));
        const res = await (body ? req.send(body) : req);
        expect([method, path, res.status]).toEqual([method, path, 403]);
      }
    }
    // Run routes: find a run in this programme first.
    const runs: { id: string }[] = await h.db.query('SELECT id FROM matching_runs LIMIT 1');
    for (const token of [applicant.token, outsider, judge]) {
      for (const path of [
        `/matching-runs/${runs[0].id}`,
        `/matching-runs/${runs[0].id}/matches`,
        `/matching-runs/${runs[0].id}/unmatched`,
      ]) {
        await h.http().get(`/api/v1${path}`).set(auth(token)).expect(403);
      }
      await h
        .http()
        .post(`/api/v1/matching-runs/${runs[0].id}/publish`)
        .set(auth(token))
        .expect(403);
    }
  });
});
