import { competition, inDays, person, programme, type Person } from './support/competitions';
import { auth, Harness } from './support/harness';
import { submittedEntry, publishResults } from './support/judging';
import { enrolAll } from './support/penpal';
import { waitUntil } from './support/wait';

/**
 * Emails and in-app notifications in the reader's language, through the real SMTP server and
 * worker: Indonesian, Lao and Korean readers, a locale changed after delivery, an award.
 */
describe('notifications in the reader’s language (e2e)', () => {
  let h: Harness;
  let coordinator: { id: string; token: string };
  let programmeId: string;

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    coordinator = await h.userWithRoles(['coordinator']);
    programmeId = await programme(h, coordinator.token, 'langs');
  });
  afterAll(() => h.stop());

  const profile = (locale: string, country: string, extra: object = {}) => ({
    country,
    dateOfBirth: '2003-05-05',
    languages: [{ code: 'en', level: 'fluent' }],
    interests: ['film', 'football'],
    locale,
    ...extra,
  });

  it('sends an Indonesian sign-up its verification email in Indonesian', async () => {
    await h
      .http()
      .post('/api/v1/auth/register')
      .send({
        email: 'ayu@kenal.test',
        password: 'long-enough-pass',
        displayName: 'Ayu',
        locale: 'id',
      })
      .expect(201);
    const mail = await h.smtp.waitFor('ayu@kenal.test');
    expect(mail.subject).toBe('Konfirmasi alamat emailmu untuk Kenal');
    expect(mail.text).toContain('Halo Ayu,');
    expect(mail.text).toContain('/verify-email/');
    expect(mail.text).toMatch(/berlaku sampai \d{1,2} \p{L}+ \d{4} pukul \d{2}\.\d{2} UTC/u);
    expect(mail.text).toContain('— Tim Kenal');
  });

  it("writes to a Lao minor's guardian in Lao, and the receipt too", async () => {
    const minor = await h.register({ displayName: 'Noy', locale: 'lo' });
    const guardianEmail = `guardian-${minor.id}@kenal.test`;
    await h
      .http()
      .put('/api/v1/me/profile')
      .set(auth(minor.token))
      .send(
        profile('lo', 'LA', {
          dateOfBirth: '2012-03-03',
          guardian: { name: 'Bounmy', email: guardianEmail },
        }),
      )
      .expect(200);
    const ask = await h.smtp.waitFor(guardianEmail);
    expect(ask.subject).toBe('ກະລຸນາຢືນຢັນວ່າ Noy ສາມາດເຂົ້າຮ່ວມ Kenal ໄດ້');
    expect(ask.text).toContain('ຮຽນ ທ່ານ Bounmy');
    expect(ask.text).toMatch(/\/consent\/[A-Za-z0-9_-]{43}\?lang=lo/);
    expect(ask.text.replace(/https?:\/\/\S+/g, '')).not.toMatch(
      /\b(please|consent|guardian|valid until)\b/i,
    );

    const token = ask.text.match(/\/consent\/([A-Za-z0-9_-]{43})/)![1];
    await h.http().post(`/api/v1/guardian-consents/${token}/confirm`).expect(200);
    const receipt = await h.smtp.waitFor(guardianEmail, 2);
    expect(receipt.subject).toBe('ທ່ານໄດ້ຍິນຍອມໃຫ້ Noy ເຂົ້າຮ່ວມ Kenal ແລ້ວ');
    const told = await h.smtp.waitFor(minor.email);
    expect(told.subject).toBe('ຜູ້ປົກຄອງຂອງເຈົ້າຍິນຍອມແລ້ວ: ເຈົ້າເຂົ້າຮ່ວມ Kenal ໄດ້ແລ້ວ');
  });

  describe('a pen-pal match', () => {
    let roundId: string;
    let runId: string;
    let indonesian: Person;
    let korean: Person;

    beforeAll(async () => {
      indonesian = await person(h, 'ID', { displayName: 'Putri', locale: 'id' });
      korean = await person(h, 'KR', { displayName: 'Jisoo', locale: 'ko' });
      const round = await h
        .http()
        .post(`/api/v1/programmes/${programmeId}/penpal-rounds`)
        .set(auth(coordinator.token))
        .send({
          name: 'Musim Semi',
          enrolmentOpensAt: inDays(-1),
          enrolmentClosesAt: inDays(1),
          rules: { maxAgeGapYears: 5, requireSharedLanguage: true },
        })
        .expect(201);
      roundId = round.body.id;
      await enrolAll(h, roundId, [indonesian, korean]);
      await h
        .http()
        .patch(`/api/v1/penpal-rounds/${roundId}`)
        .set(auth(coordinator.token))
        .send({ enrolmentClosesAt: new Date(Date.now() - 1000).toISOString() })
        .expect(200);
      const started = await h
        .http()
        .post(`/api/v1/penpal-rounds/${roundId}/matching-runs`)
        .set(auth(coordinator.token))
        .send({ seed: 3 })
        .expect(202);
      runId = started.body.id;
      await waitUntil(
        'the run finishes',
        async () => {
          const run = await h
            .http()
            .get(`/api/v1/matching-runs/${runId}`)
            .set(auth(coordinator.token))
            .expect(200);
          return run.body.status === 'succeeded';
        },
        60_000,
      );
      await h
        .http()
        .post(`/api/v1/matching-runs/${runId}/publish`)
        .set(auth(coordinator.token))
        .expect(200);
    });

    it('emails each in their language, naming the other’s country in it', async () => {
      const id = await h.smtp.waitFor(indonesian.email);
      expect(id.subject).toBe('Kamu dapat sahabat pena di Musim Semi');
      expect(id.text).toContain('Jisoo (Korea Selatan)');
      const ko = await h.smtp.waitFor(korean.email);
      expect(ko.subject).toBe('Musim Semi에서 펜팔이 정해졌어요');
      expect(ko.text).toContain('Putri (인도네시아)');
    });

    it('gives the reasons in the reader’s language, to the applicant and to the coordinator', async () => {
      const mine = await h.http().get('/api/v1/me/penpals').set(auth(indonesian.token)).expect(200);
      const reasons = (mine.body.items ?? mine.body)[0].reasons as string[];
      expect(reasons).toContain('sama-sama bisa bahasa Inggris');
      expect(reasons).toContain('selisih usia masih dalam batas putaran ini');

      await h.db.query(`UPDATE users SET locale = 'lo' WHERE id = $1`, [coordinator.id]);
      const report = await h
        .http()
        .get(`/api/v1/matching-runs/${runId}/matches`)
        .set(auth(coordinator.token))
        .expect(200);
      expect(report.body.items[0].reasons).toContain('ເວົ້າພາສາອັງກິດໄດ້ທັງສອງຄົນ');
      await h.db.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [coordinator.id]);
      const english = await h
        .http()
        .get(`/api/v1/matching-runs/${runId}/matches`)
        .set(auth(coordinator.token))
        .expect(200);
      expect(english.body.items[0].reasons).toContain('both speak English');
    });

    it('shows an in-app notification in the language chosen after it arrived', async () => {
      const inbox = async () =>
        (
          await h
            .http()
            .get('/api/v1/me/notifications?pageSize=10')
            .set(auth(indonesian.token))
            .expect(200)
        ).body.items as { id: string; type: string; title: string; body: string }[];
      await waitUntil('the in-app copy', async () =>
        (await inbox()).some((n) => n.type === 'penpal.matched'),
      );
      const before = (await inbox()).find((n) => n.type === 'penpal.matched')!;
      expect(before).toMatchObject({
        title: 'Kamu dapat sahabat pena',
        body: 'Kenalan dengan Jisoo (Korea Selatan) dan terima untuk mulai berkirim surat.',
      });
      expect(Object.keys(before).sort()).toEqual(
        ['body', 'createdAt', 'id', 'readAt', 'title', 'type'].sort(),
      );

      await h
        .http()
        .put('/api/v1/me/profile')
        .set(auth(indonesian.token))
        .send(profile('th', 'ID', { dateOfBirth: '2001-05-05' }))
        .expect(200);
      const after = (await inbox()).find((n) => n.id === before.id)!;
      expect(after.title).toBe('คุณได้เพื่อนทางจดหมายแล้ว');
      expect(after.body).toContain('Jisoo (เกาหลีใต้)');
      const read = await h
        .http()
        .post(`/api/v1/me/notifications/${before.id}/read`)
        .set(auth(indonesian.token))
        .expect(200);
      expect(read.body.title).toBe('คุณได้เพื่อนทางจดหมายแล้ว');
    });
  });

  it('keeps an entry delivered before payloads were kept as it was written', async () => {
    const p = await h.register({ displayName: 'Old Timer', locale: 'ko' });
    await h.db.query(
      `INSERT INTO inbox_entries (user_id, outbox_id, type, title, body)
       VALUES ($1, gen_random_uuid(), 'penpal.unmatched', 'You stay in the queue', 'Old words')`,
      [p.id],
    );
    const inbox = await h.http().get('/api/v1/me/notifications').set(auth(p.token)).expect(200);
    expect(inbox.body.items[0]).toMatchObject({
      title: 'You stay in the queue',
      body: 'Old words',
    });
  });

  it('names the award in Korean in a Korean email, and in Indonesian in an Indonesian one', async () => {
    const competitionId = (await competition(h, coordinator.token, programmeId)).id;
    const leader = await person(h, 'KR', { displayName: 'Minji', locale: 'ko' });
    const member = await person(h, 'ID', { displayName: 'Budi', locale: 'id' });
    const { submissionId } = await submittedEntry(
      h,
      competitionId,
      leader,
      [member],
      'Seoul–Jakarta',
      'Dua Sungai',
    );
    await publishResults(h, coordinator.token, competitionId, [
      { submissionId, award: 'runner_up' },
    ]);
    const ko = await h.smtp.waitForSubject(leader.email, /결과 발표/);
    expect(ko.subject).toBe('Short Movies 2027 결과 발표');
    expect(ko.text).toContain('팀의 작품 "Dua Sungai"이(가) 최우수상을 받았습니다. 축하합니다!');
    // No English award label, and no Latin letters but the titles, the link and the brand.
    const words = ko.text
      .replace(/Short Movies 2027|Dua Sungai|Minji|Kenal|https?:\/\/\S+/g, '')
      .match(/[A-Za-z]+/g);
    expect(words).toBeNull();
    const id = await h.smtp.waitForSubject(member.email, /^Hasil /);
    expect(id.text).toContain('Karyamu "Dua Sungai" meraih Juara kedua. Selamat!');
  });
});
