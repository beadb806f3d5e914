import { auth, Harness } from './support/harness';
import {
  competition,
  completeMovie,
  person as competitor,
  programme,
  teamOf,
} from './support/competitions';
import { sleep } from './support/wait';

const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const HOUR = 3600_000;
const yearsAgo = (years: number) => `${new Date().getUTCFullYear() - years}-01-15`;
const AGE_REASON = "age difference within the round's limit";

interface Person {
  id: string;
  email: string;
  token: string;
  guardianEmail: string;
}

/**
 * Guardian consent and birth dates (issue 10): a birth date set once changes only through staff,
 * consent and age class are checked again at publish and when answering, a guardian can withdraw,
 * and nobody learns a pen pal's or teammate's exact age.
 */
describe('safeguarding (e2e: birth-date lock, consent re-checks, guardian withdrawal, ages kept private)', () => {
  let h: Harness;
  let coordinator: string;
  let admin: string;
  let programmeId: string;

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    coordinator = (await h.userWithRoles(['coordinator'])).token;
    admin = await h.adminToken();
    programmeId = await programme(h, coordinator, 'safe-2027', 'Asia/Seoul');
  });
  afterAll(() => h.stop());

  const person = async (
    country: string,
    opts: { dob?: string; locale?: string; displayName?: string } = {},
  ): Promise<Person> => {
    const user = await h.register({
      displayName: opts.displayName ?? `${country} person`,
      locale: opts.locale ?? 'en',
    });
    const dob = opts.dob ?? '2003-05-05';
    const minor = dob > yearsAgo(18);
    const guardianEmail = `g-${user.id}@kenal.test`;
    await h
      .http()
      .put('/api/v1/me/profile')
      .set(auth(user.token))
      .send({
        country,
        dateOfBirth: dob,
        languages: [
          { code: country === 'KR' ? 'ko' : 'th', level: 'native' },
          { code: 'en', level: 'fluent' },
        ],
        interests: ['film'],
        ...(minor ? { guardian: { name: 'Guardian', email: guardianEmail } } : {}),
      })
      .expect(200);
    return { id: user.id, email: user.email, token: user.token, guardianEmail };
  };

  const tokenIn = (text: string) =>
    text.match(/(?:guardian-consents|consent)\/([A-Za-z0-9_-]{43})/)![1];

  /** The guardian confirms with the emailed link; returns the token (it also withdraws). */
  const confirm = async (p: Person, nth = 1) => {
    const mail = await h.smtp.waitFor(p.guardianEmail, nth);
    const token = tokenIn(mail.text);
    await h.http().post(`/api/v1/guardian-consents/${token}/confirm`).expect(200);
    return token;
  };
  const minor = async (country: string, locale = 'en') => {
    const p = await person(country, { dob: yearsAgo(15), locale });
    return { ...p, consentToken: await confirm(p) };
  };

  const newRound = async () =>
    (
      await h
        .http()
        .post(`/api/v1/programmes/${programmeId}/penpal-rounds`)
        .set(auth(coordinator))
        .send({
          name: `Round ${Math.random().toString(36).slice(2, 7)}`,
          enrolmentOpensAt: iso(-HOUR),
          enrolmentClosesAt: iso(HOUR),
          rules: { maxAgeGapYears: 10 },
        })
        .expect(201)
    ).body.id as string;
  const enrol = (roundId: string, p: Person) =>
    h.http().post(`/api/v1/penpal-rounds/${roundId}/enrolments`).set(auth(p.token)).send({});
  const closeEnrolment = (roundId: string) =>
    h
      .http()
      .patch(`/api/v1/penpal-rounds/${roundId}`)
      .set(auth(coordinator))
      .send({ enrolmentClosesAt: iso(-1000) })
      .expect(200);
  const runToEnd = async (roundId: string) => {
    const started = await h
      .http()
      .post(`/api/v1/penpal-rounds/${roundId}/matching-runs`)
      .set(auth(coordinator))
      .send({ seed: 1 })
      .expect(202);
    for (let i = 0; i < 400; i += 1) {
      const run = await h
        .http()
        .get(`/api/v1/matching-runs/${started.body.id}`)
        .set(auth(coordinator))
        .expect(200);
      if (run.body.status === 'succeeded') return run.body as { id: string; stats: object };
      if (run.body.status === 'failed') throw new Error(JSON.stringify(run.body));
      await sleep(50);
    }
    throw new Error('matching run did not finish');
  };
  const publish = (runId: string) =>
    h.http().post(`/api/v1/matching-runs/${runId}/publish`).set(auth(coordinator));
  /** A round of exactly these two, matched; published unless told otherwise. */
  const pairUp = async (a: Person, b: Person, published = true) => {
    const roundId = await newRound();
    for (const p of [a, b]) await enrol(roundId, p).expect(201);
    await closeEnrolment(roundId);
    const run = await runToEnd(roundId);
    expect(run.stats).toMatchObject({ pairs: 1 });
    if (published) await publish(run.id).expect(200);
    return { roundId, runId: run.id };
  };
  const penpals = async (p: Person) =>
    (await h.http().get('/api/v1/me/penpals').set(auth(p.token)).expect(200)).body as {
      matchId: string;
      status: string;
      reasons: string[];
    }[];
  const respond = (p: Person, matchId: string, accept = true) =>
    h.http().post(`/api/v1/penpal-matches/${matchId}/respond`).set(auth(p.token)).send({ accept });
  const me = async (p: Person) =>
    (await h.http().get('/api/v1/me').set(auth(p.token)).expect(200)).body;

  it('a minor with pending consent cannot change their birth date to an adult one and enrol', async () => {
    const teen = await person('TH', { dob: yearsAgo(14) });
    const roundId = await newRound();
    const profile = {
      country: 'TH',
      dateOfBirth: '2000-01-01',
      languages: [{ code: 'th', level: 'native' }],
      interests: ['film'],
    };
    const changed = await h.http().put('/api/v1/me/profile').set(auth(teen.token)).send(profile);
    expect([changed.status, changed.body.code]).toEqual([409, 'DATE_OF_BIRTH_LOCKED']);
    const after = await me(teen);
    expect(after.profile.dateOfBirth).toBe(yearsAgo(14));
    expect(after.guardianConsent.status).toBe('pending');
    const refused = await enrol(roundId, teen);
    expect([refused.status, refused.body.code]).toEqual([422, 'GUARDIAN_CONSENT_REQUIRED']);

    // The rest of the profile still changes with the same birth date.
    await h
      .http()
      .put('/api/v1/me/profile')
      .set(auth(teen.token))
      .send({
        ...profile,
        dateOfBirth: yearsAgo(14),
        city: 'Chiang Mai',
        guardian: { name: 'Guardian', email: teen.guardianEmail },
      })
      .expect(200);
    expect((await me(teen)).profile.city).toBe('Chiang Mai');
  });

  it('staff correct a birth date with a reason (audited); a new minor needs consent again and their adult pen pal match ends', async () => {
    const kr = await person('KR', { dob: '2001-03-03' });
    const th = await person('TH', { dob: '2002-04-04', locale: 'ko' });
    await pairUp(kr, th);
    const [match] = await penpals(kr);
    expect(match.status).toBe('published');

    const change = (token: string, body: object) =>
      h.http().put(`/api/v1/admin/users/${th.id}/date-of-birth`).set(auth(token)).send(body);
    const correct = { dateOfBirth: yearsAgo(16), reason: 'Passport checked by the coordinator' };
    expect((await change(coordinator, correct)).status).toBe(403);
    expect((await change(th.token, correct)).status).toBe(403);
    const noReason = await change(admin, { dateOfBirth: yearsAgo(16) });
    expect([noReason.status, noReason.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const impossible = await change(admin, { ...correct, dateOfBirth: '2011-02-30' });
    expect([impossible.status, impossible.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const stranger = await h
      .http()
      .put('/api/v1/admin/users/00000000-0000-4000-8000-000000000000/date-of-birth')
      .set(auth(admin))
      .send(correct);
    expect(stranger.status).toBe(404);
    expect((await me(th)).profile.dateOfBirth).toBe('2002-04-04');

    const done = await change(admin, correct).expect(200);
    expect(done.body.profile.dateOfBirth).toBe(yearsAgo(16));
    // An adult had no guardian: consent is needed now, and enrolling waits for it.
    expect(done.body.guardianConsent.status).toBe('missing');
    const audit = await h.db.query(
      `SELECT details FROM audit_events WHERE action = 'user.date_of_birth_changed' AND target_id = $1`,
      [th.id],
    );
    expect(audit).toEqual([
      {
        details: {
          before: '2002-04-04',
          after: yearsAgo(16),
          reason: 'Passport checked by the coordinator',
        },
      },
    ]);

    // A minor and an adult are never pen pals: the published match ended, both were told.
    expect(await penpals(kr)).toEqual([]);
    expect(await penpals(th)).toEqual([]);
    await h.smtp.waitForSubject(kr.email, /has been ended/);
    await h.smtp.waitForSubject(th.email, /종료/);
    const answer = await respond(kr, match.matchId);
    expect([answer.status, answer.body.code]).toEqual([409, 'MATCH_CANCELLED']);
    const refused = await enrol(await newRound(), th);
    expect([refused.status, refused.body.code]).toEqual([422, 'GUARDIAN_CONSENT_REQUIRED']);
  });

  it('a minor who had a guardian and is made an adult, then a minor again, is asked for consent afresh', async () => {
    const teen = await minor('VN');
    await h
      .http()
      .put(`/api/v1/admin/users/${teen.id}/date-of-birth`)
      .set(auth(admin))
      .send({ dateOfBirth: '2000-02-02', reason: 'Typo at sign-up' })
      .expect(200);
    expect((await me(teen)).guardianConsent.status).toBe('not_required');
    const back = await h
      .http()
      .put(`/api/v1/admin/users/${teen.id}/date-of-birth`)
      .set(auth(admin))
      .send({ dateOfBirth: yearsAgo(15), reason: 'The typo was the other way round' })
      .expect(200);
    expect(back.body.guardianConsent).toMatchObject({
      status: 'pending',
      guardianName: 'Guardian',
    });
    await h.smtp.waitFor(teen.guardianEmail, 3);
  });

  it('a minor corrected to an adult no longer writes to a minor: the published match ends', async () => {
    const kr = await minor('KR');
    const th = await minor('TH');
    await pairUp(kr, th);
    const [match] = await penpals(th);
    await h
      .http()
      .put(`/api/v1/admin/users/${kr.id}/date-of-birth`)
      .set(auth(admin))
      .send({ dateOfBirth: '2000-06-06', reason: 'ID card shows an adult' })
      .expect(200);
    expect(await penpals(th)).toEqual([]);
    await h.smtp.waitForSubject(th.email, /has been ended/);
    const [audit] = await h.db.query(
      `SELECT actor_id, details FROM audit_events WHERE action = 'penpal_match.cancelled' AND target_id = $1`,
      [match.matchId],
    );
    expect(audit.details.reason).toBe('date_of_birth_changed: age_class');
    expect(audit.actor_id).not.toBeNull();
  });

  it('publish leaves out a pair whose member lost consent since the run, with the reason', async () => {
    const kr = await minor('KR');
    const th = await minor('TH');
    const { runId } = await pairUp(kr, th, false);
    // The Korean minor names a new guardian: the old consent no longer counts, the new one is pending.
    await h
      .http()
      .put('/api/v1/me/profile')
      .set(auth(kr.token))
      .send({
        country: 'KR',
        dateOfBirth: yearsAgo(15),
        languages: [
          { code: 'ko', level: 'native' },
          { code: 'en', level: 'fluent' },
        ],
        interests: ['film'],
        guardian: { name: 'Other Guardian', email: `other-${kr.id}@kenal.test` },
      })
      .expect(200);
    expect((await me(kr)).guardianConsent.status).toBe('pending');

    const published = await publish(runId).expect(200);
    expect(published.body.skipped).toEqual([{ matchId: expect.any(String), reason: 'consent' }]);
    expect(published.body.notified).toEqual({ matched: 0, unmatched: 2 });
    expect(await penpals(th)).toEqual([]);
    const [row] = await h.db.query(`SELECT status FROM penpal_matches WHERE run_id = $1`, [runId]);
    expect(row.status).toBe('proposed');
  });

  it('answering a match checks consent again: the responder and their pen pal', async () => {
    const kr = await minor('KR');
    const th = await minor('TH');
    await pairUp(kr, th);
    const [match] = await penpals(th);
    // Consent lapses without any route noticing (e.g. a row set aside by hand).
    await h.db.query(
      `UPDATE guardian_consents SET superseded_at = now() WHERE user_id = $1 AND superseded_at IS NULL`,
      [kr.id],
    );
    const mine = await respond(kr, match.matchId);
    expect([mine.status, mine.body.code]).toEqual([422, 'GUARDIAN_CONSENT_REQUIRED']);
    const theirs = await respond(th, match.matchId);
    expect([theirs.status, theirs.body.code]).toEqual([409, 'MATCH_NOT_ELIGIBLE']);
    const [row] = await h.db.query(
      `SELECT status, response_a, response_b FROM penpal_matches WHERE id = $1`,
      [match.matchId],
    );
    expect(row).toEqual({ status: 'published', response_a: 'pending', response_b: 'pending' });
  });

  it('a guardian withdraws consent with the link in their receipt: enrolments, pen pals and the team entry stop until a guardian agrees again', async () => {
    const kr = await minor('KR', 'ko');
    const th = await minor('TH');
    await pairUp(kr, th);
    const [match] = await penpals(th);
    const openRound = await newRound();
    await enrol(openRound, kr).expect(201);

    // The guardian's receipt carries the withdrawal link, in the participant's language.
    const receipt = await h.smtp.waitFor(kr.guardianEmail, 2);
    expect(receipt.subject).toMatch(/동의하셨습니다/);
    expect(receipt.text).toContain(
      `http://kenal.test/api/v1/guardian-consents/${kr.consentToken}/withdraw`,
    );
    const enReceipt = await h.smtp.waitFor(th.guardianEmail, 2);
    expect(enReceipt.text).toMatch(/withdraw your consent at any time/);
    const page = await h
      .http()
      .get(`/api/v1/guardian-consents/${kr.consentToken}/withdraw`)
      .expect(200);
    expect(page.text).toContain(`action="/api/v1/guardian-consents/${kr.consentToken}/withdraw"`);

    // A team with an adult: its draft freezes with the minor's consent.
    const compId = (await competition(h, coordinator, await programme(h, coordinator, 'safe-c')))
      .id;
    const adult = await competitor(h, 'TH');
    await teamOf(h, compId, adult, [kr as unknown as typeof adult]);
    const entry = await h
      .http()
      .post(`/api/v1/competitions/${compId}/submissions`)
      .set(auth(adult.token))
      .send({ title: 'Two Rivers' })
      .expect(201);
    const edit = (token: string) =>
      h
        .http()
        .patch(`/api/v1/submissions/${entry.body.id}`)
        .set(auth(token))
        .send({ logline: 'A new line' });
    await edit(adult.token).expect(200);

    const unknown = await h.http().post(`/api/v1/guardian-consents/${'x'.repeat(43)}/withdraw`);
    expect([unknown.status, unknown.body.code]).toEqual([400, 'TOKEN_INVALID']);

    const withdrawn = await h
      .http()
      .post(`/api/v1/guardian-consents/${kr.consentToken}/withdraw`)
      .expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawnAt: expect.any(String) });
    const again = await h
      .http()
      .post(`/api/v1/guardian-consents/${kr.consentToken}/withdraw`)
      .expect(200);
    expect(again.body.withdrawnAt).toBe(withdrawn.body.withdrawnAt);
    // The form on the page posts the same, and answers with a page.
    const form = await h
      .http()
      .post(`/api/v1/guardian-consents/${kr.consentToken}/withdraw`)
      .set('content-type', 'application/x-www-form-urlencoded')
      .set('accept', 'text/html')
      .send('')
      .expect(200);
    expect(form.text).toContain('Consent withdrawn');

    expect((await me(kr)).guardianConsent).toMatchObject({ status: 'withdrawn' });
    expect(await h.count(`penpal_enrolments WHERE user_id = '${kr.id}'`)).toBe(0);
    expect(await penpals(th)).toEqual([]);
    await h.smtp.waitForSubject(th.email, /has been ended/);
    await h.smtp.waitForSubject(kr.email, /철회/);
    const answer = await respond(th, match.matchId);
    expect([answer.status, answer.body.code]).toEqual([409, 'MATCH_CANCELLED']);

    const frozen = await edit(adult.token);
    expect([frozen.status, frozen.body.code]).toEqual([422, 'GUARDIAN_CONSENT_REQUIRED']);
    expect(frozen.body.errors).toEqual([
      expect.objectContaining({ path: 'team.members[1]', code: 'GUARDIAN_CONSENT_REQUIRED' }),
    ]);
    const submit = await h
      .http()
      .post(`/api/v1/submissions/${entry.body.id}/submit`)
      .set(auth(adult.token));
    expect([submit.status, submit.body.code]).toEqual([422, 'GUARDIAN_CONSENT_REQUIRED']);
    const reEnrol = await enrol(openRound, kr);
    expect([reEnrol.status, reEnrol.body.code]).toEqual([422, 'GUARDIAN_CONSENT_REQUIRED']);
    // The old link cannot confirm again.
    await h.http().post(`/api/v1/guardian-consents/${kr.consentToken}/confirm`).expect(400);

    // Asking again: a fresh link; once the guardian confirms, the minor takes part again.
    await h.http().post('/api/v1/me/guardian-consent/resend').set(auth(kr.token)).expect(200);
    expect((await me(kr)).guardianConsent.status).toBe('pending');
    expect((await enrol(openRound, kr)).status).toBe(422);
    await confirm(kr, 3);
    await enrol(openRound, kr).expect(201);
    await edit(adult.token).expect(200);
  });

  it('pen pals read a neutral sentence about their ages, never the gap', async () => {
    const kr = await person('KR', { dob: '2001-01-01', locale: 'ko' });
    const th = await person('TH', { dob: '2004-01-01' });
    await pairUp(kr, th);
    const [mine] = await penpals(th);
    expect(mine.reasons).toContain(AGE_REASON);
    expect(mine.reasons.join(' ')).not.toMatch(/apart|same age|\d+ year/);
    const [theirs] = await penpals(kr);
    expect(theirs.reasons).toContain('나이 차이가 이번 회차 기준 안이에요');
    expect(theirs.reasons.join(' ')).not.toMatch(/살 차이|동갑/);
  });

  it("a team's eligibility error names a member outside the age range, not their age", async () => {
    const compId = (
      await competition(h, coordinator, await programme(h, coordinator, 'safe-age'), {
        eligibility: { maxAge: 24 },
      })
    ).id;
    const leader = await competitor(h, 'KR', { dateOfBirth: yearsAgo(20) });
    const older = await competitor(h, 'TH', {
      displayName: 'Somchai',
      dateOfBirth: yearsAgo(31),
    });
    await teamOf(h, compId, leader, [older]);
    const entry = await h
      .http()
      .post(`/api/v1/competitions/${compId}/submissions`)
      .set(auth(leader.token))
      .send({ title: 'Seoul Stories', ...completeMovie })
      .expect(201);
    const res = await h
      .http()
      .post(`/api/v1/submissions/${entry.body.id}/submit`)
      .set(auth(leader.token));
    expect([res.status, res.body.code]).toEqual([422, 'NOT_ELIGIBLE']);
    const text = [res.body.detail, ...res.body.errors.map((e: { message: string }) => e.message)];
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        path: 'team.members[1]',
        message: expect.stringContaining('Somchai is outside'),
      }),
    ]);
    for (const t of text) expect(t).not.toMatch(/\b3[01]\b|\d{4}-\d{2}-\d{2}/);
  });
});
