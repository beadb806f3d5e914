import { competition, person, programme } from './support/competitions';
import { auth, Harness } from './support/harness';

/** Low limits so a test reaches them; the windows are a day (consent, invitations) and an hour. */
describe('limits on the emails a person can make Kenal send (e2e, counted in Redis)', () => {
  let h: Harness;
  let competitionId: string;

  beforeAll(async () => {
    h = await Harness.start({
      env: {
        CONSENT_EMAILS_PER_DAY: '2',
        INVITATIONS_PER_SENDER_PER_DAY: '3',
        INVITATIONS_PER_RECIPIENT_PER_DAY: '2',
        VERIFY_EMAILS_PER_HOUR: '2',
      },
    });
    const coordinator = await h.userWithRoles(['coordinator']);
    const programmeId = await programme(h, coordinator.token, 'limits');
    competitionId = (await competition(h, coordinator.token, programmeId)).id;
  });
  afterAll(() => h.stop());

  const expectTooMany = (res: { status: number; body: { code: string }; headers: object }) => {
    expect([res.status, res.body.code]).toEqual([429, 'TOO_MANY_EMAILS']);
    const retryAfter = Number((res.headers as Record<string, string>)['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(86400);
  };
  const emailsTo = async (email: string): Promise<number> =>
    (
      await h.db.query(
        `SELECT count(*)::int AS n FROM outbox_messages WHERE recipient_email = $1 AND 'email' = ANY(channels)`,
        [email],
      )
    )[0].n;

  const minorProfile = (token: string, guardianEmail: string) =>
    h
      .http()
      .put('/api/v1/me/profile')
      .set(auth(token))
      .send({
        country: 'ID',
        dateOfBirth: '2012-03-03',
        languages: [{ code: 'id', level: 'native' }],
        interests: ['film'],
        guardian: { name: 'Ibu', email: guardianEmail },
      });

  it('sends a minor’s guardian at most CONSENT_EMAILS_PER_DAY consent emails, then 429 with Retry-After', async () => {
    const minor = await h.register();
    await minorProfile(minor.token, 'guardian.one@kenal.test').expect(200);
    await h.http().post('/api/v1/me/guardian-consent/resend').set(auth(minor.token)).expect(200);
    const consents = await h.count('guardian_consents');
    const res = await h.http().post('/api/v1/me/guardian-consent/resend').set(auth(minor.token));
    expectTooMany(res);
    expect(await emailsTo('guardian.one@kenal.test')).toBe(2);
    expect(await h.count('guardian_consents')).toBe(consents);
    // A new guardian address is also a consent email of this minor: refused, profile unchanged.
    expectTooMany(await minorProfile(minor.token, 'guardian.two@kenal.test'));
    expect(await emailsTo('guardian.two@kenal.test')).toBe(0);
    const me = await h.http().get('/api/v1/me').set(auth(minor.token)).expect(200);
    expect(me.body.guardianConsent.guardianEmail).toBe('guardian.one@kenal.test');
    // Saving the profile again without a new email is not counted.
    await minorProfile(minor.token, 'guardian.one@kenal.test').expect(200);
  });

  it('counts consent emails per guardian address too, whichever minor asks', async () => {
    const a = await h.register();
    const b = await h.register();
    const c = await h.register();
    await minorProfile(a.token, 'shared.guardian@kenal.test').expect(200);
    await minorProfile(b.token, 'shared.guardian@kenal.test').expect(200);
    expectTooMany(await minorProfile(c.token, 'shared.guardian@kenal.test'));
    expect(await emailsTo('shared.guardian@kenal.test')).toBe(2);
    expect((await h.http().get('/api/v1/me').set(auth(c.token))).body.profile).toBeNull();
  });

  it('lets one person send at most INVITATIONS_PER_SENDER_PER_DAY team invitations', async () => {
    const leader = await person(h, 'KR');
    const team = await h
      .http()
      .post(`/api/v1/competitions/${competitionId}/teams`)
      .set(auth(leader.token))
      .send({ name: 'Busy' })
      .expect(201);
    for (let i = 0; i < 3; i += 1) {
      await h
        .http()
        .post(`/api/v1/teams/${team.body.id}/invitations`)
        .set(auth(leader.token))
        .send({ email: `friend-${i}@kenal.test` })
        .expect(201);
    }
    const before = await h.count('team_invitations');
    expectTooMany(
      await h
        .http()
        .post(`/api/v1/teams/${team.body.id}/invitations`)
        .set(auth(leader.token))
        .send({ email: 'friend-3@kenal.test' }),
    );
    expect(await h.count('team_invitations')).toBe(before);
    expect(await emailsTo('friend-3@kenal.test')).toBe(0);
  });

  it('lets one address receive at most INVITATIONS_PER_RECIPIENT_PER_DAY invitations, from anyone', async () => {
    const leaders = [await person(h, 'KR'), await person(h, 'TH'), await person(h, 'VN')];
    const statuses: number[] = [];
    let last;
    for (const [i, leader] of leaders.entries()) {
      const team = await h
        .http()
        .post(`/api/v1/competitions/${competitionId}/teams`)
        .set(auth(leader.token))
        .send({ name: `Team ${i}` })
        .expect(201);
      last = await h
        .http()
        .post(`/api/v1/teams/${team.body.id}/invitations`)
        .set(auth(leader.token))
        .send({ email: 'popular@kenal.test' });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([201, 201, 429]);
    expectTooMany(last!);
    expect(await emailsTo('popular@kenal.test')).toBe(2);
  });

  it('sends at most VERIFY_EMAILS_PER_HOUR new verification links', async () => {
    const p = await h.register({ verified: false });
    await h.http().post('/api/v1/auth/verify-email').set(auth(p.token)).expect(202);
    await h.http().post('/api/v1/auth/verify-email').set(auth(p.token)).expect(202);
    const res = await h.http().post('/api/v1/auth/verify-email').set(auth(p.token));
    expectTooMany(res);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(3600);
    // The sign-up link and two more.
    expect(await emailsTo(p.email)).toBe(3);
  });
});
