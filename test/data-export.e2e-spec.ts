import { OutboxService } from '../src/notifications/outbox.service';
import { auth, Harness } from './support/harness';

/** What Kenal holds about a person, handed to them: theirs, all of it, and nobody else's. */
describe('my data export (e2e)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ worker: true });
  });
  afterAll(() => h.stop());

  it('gives a participant everything held about them as a JSON download, and nothing of others', async () => {
    const minor = await h.register({ displayName: 'Nguyen An' });
    const other = await h.register({ displayName: 'Someone Else' });
    await h
      .http()
      .put('/api/v1/me/profile')
      .set(auth(minor.token))
      .send({
        country: 'VN',
        dateOfBirth: '2011-04-04',
        languages: [{ code: 'vi', level: 'native' }],
        interests: ['film'],
        institution: 'Hanoi School',
        guardian: { name: 'Tran Binh', email: 'binh@kenal.test' },
      })
      .expect(200);
    await h.smtp.waitFor('binh@kenal.test');

    const res = await h.http().get('/api/v1/me/export').set(auth(minor.token)).expect(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="kenal-data-.*\.json"/,
    );
    const data = JSON.parse(res.text);
    expect(data.account).toMatchObject({
      id: minor.id,
      email: minor.email,
      displayName: 'Nguyen An',
      roles: ['applicant'],
    });
    expect(data.profile).toMatchObject({
      country: 'VN',
      dateOfBirth: '2011-04-04',
      institution: 'Hanoi School',
    });
    expect(data.guardianConsents).toEqual([
      expect.objectContaining({
        guardianName: 'Tran Binh',
        guardianEmail: 'binh@kenal.test',
        confirmedAt: null,
      }),
    ]);
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    for (const key of [
      'penpalEnrolments',
      'penpalMatches',
      'teams',
      'submissions',
      'judgeAssignments',
      'notifications',
      'actions',
    ]) {
      expect(Array.isArray(data[key])).toBe(true);
    }

    // No secrets, and nothing about anyone else.
    const text = res.text;
    for (const secret of ['password', 'token', '$argon2', other.email, other.id]) {
      expect(text).not.toContain(secret);
    }
    expect((await h.http().get('/api/v1/me/export')).status).toBe(401);
  });

  it('lists notifications in the language the person reads Kenal in now, as the inbox does', async () => {
    const person = await h.register({ displayName: 'Kim Minji', locale: 'en' });
    await h.db.transaction((m) =>
      h.api.get(OutboxService).enqueue(m, {
        type: 'auth.password_reset',
        recipient: { userId: person.id, email: person.email, locale: 'en' },
        payload: {
          displayName: 'Kim Minji',
          link: 'http://kenal.test/r/x',
          expiresAt: '2030-01-01T00:00:00Z',
        },
      }),
    );
    expect(await h.inbox(person.token)).toHaveLength(1);
    await h.db.query(`UPDATE users SET locale = 'ko' WHERE id = $1`, [person.id]);

    const res = await h.http().get('/api/v1/me/export').set(auth(person.token)).expect(200);
    const [entry] = JSON.parse(res.text).notifications;
    expect(entry.title).toBe('비밀번호 재설정 요청');
    expect(entry).not.toHaveProperty('payload');
  });
});
