import { randomUUID } from 'node:crypto';
import { CLOCK, type Clock } from '../src/common/clock';
import { MaintenanceTasks } from '../src/jobs/maintenance';
import { LetterDelivery } from '../src/letters/letter-delivery';
import { QueueService } from '../src/jobs/queue.service';
import * as store from '../src/letters/letters.store';
import { confirmGuardian, inDays, person, Person, programme } from './support/competitions';
import { auth, Harness } from './support/harness';
import { waitUntil } from './support/wait';

const MINOR_DOB = '2011-04-04';

describe('letters between pen pals (e2e: delivery, delay, safeguarding, reports, limits, access)', () => {
  let h: Harness;
  let coordinator: Person;
  let programmeId: string;

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    coordinator = await h.userWithRoles(['coordinator']);
    programmeId = await programme(h, coordinator.token, 'letters');
  });
  afterAll(() => h.stop());

  const api = () => h.http();
  const lettersQueue = () => h.api.get(QueueService).queue('letters');

  const newRound = async (extra: Record<string, unknown> = {}) => {
    const res = await api()
      .post(`/api/v1/programmes/${programmeId}/penpal-rounds`)
      .set(auth(coordinator.token))
      .send({
        name: `Round ${randomUUID().slice(0, 6)}`,
        enrolmentOpensAt: inDays(-10),
        enrolmentClosesAt: inDays(-1),
        ...extra,
      })
      .expect(201);
    return res.body as { id: string; letterDelay: string; lettersPerDay: number };
  };

  /** A published match in the round (as a run's publish leaves it); both accept unless told not to. */
  const matchOf = async (roundId: string, a: Person, b: Person, accept = true) => {
    const id = randomUUID();
    const country = async (p: Person) =>
      (
        (await h.db.query('SELECT country FROM profiles WHERE user_id = $1', [p.id])) as {
          country: string;
        }[]
      )[0].country;
    await h.db.query(
      `INSERT INTO penpal_matches (id, run_id, round_id, user_a, country_a, user_b, country_b, score, reasons, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 80, '{}', 'published')`,
      [id, randomUUID(), roundId, a.id, await country(a), b.id, await country(b)],
    );
    if (accept) {
      for (const p of [a, b])
        await api()
          .post(`/api/v1/penpal-matches/${id}/respond`)
          .set(auth(p.token))
          .send({ accept: true })
          .expect(200);
    }
    return id;
  };

  const write = (p: Person, matchId: string, body: object) =>
    api().post(`/api/v1/penpal-matches/${matchId}/letters`).set(auth(p.token)).send(body);
  const lettersOf = async (p: Person, matchId: string) =>
    (
      await api()
        .get(`/api/v1/penpal-matches/${matchId}/letters?pageSize=100`)
        .set(auth(p.token))
        .expect(200)
    ).body as {
      items: { id: string; from: string; status: string; body: string; heldReason?: string }[];
      total: number;
    };
  const statusOf = async (letterId: string) =>
    (
      (await h.db.query('SELECT status FROM letters WHERE id = $1', [letterId])) as {
        status: string;
      }[]
    )[0].status;
  const notices = async (userId: string, type: string) =>
    (
      (await h.db.query(
        'SELECT count(*)::int AS n FROM outbox_messages WHERE recipient_user_id = $1 AND type = $2',
        [userId, type],
      )) as { n: number }[]
    )[0].n;
  const cases = async (token: string, status = 'open') =>
    api()
      .get(`/api/v1/programmes/${programmeId}/moderation-cases?status=${status}&pageSize=100`)
      .set(auth(token));
  /** A travelling letter's delivery job, once added (the API adds it while it answers the write). */
  const jobOf = async (letterId: string) => {
    await waitUntil(
      'the delivery job',
      async () => (await lettersQueue().getJob(letterId)) !== undefined,
    );
    return (await lettersQueue().getJob(letterId))!;
  };
  /** Lets time pass for one letter: it is due now, and its delayed job runs at once. */
  const makeDue = async (letterId: string) => {
    const job = await jobOf(letterId);
    await h.db.query(`UPDATE letters SET deliver_at = now() - interval '1 second' WHERE id = $1`, [
      letterId,
    ]);
    await job.promote();
  };

  it('two adults: a letter is delivered at once, told in-app and by email, and read', async () => {
    const round = await newRound();
    expect(round).toMatchObject({ letterDelay: 'none', lettersPerDay: 5 });
    const kim = await person(h, 'KR', { displayName: 'Kim Minji', locale: 'ko' });
    const som = await person(h, 'TH', { displayName: 'Somchai' });
    const matchId = await matchOf(round.id, kim, som);

    const sent = await write(som, matchId, { body: 'Hello from Bangkok! Call me at 10:30?' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: 'delivered' });
    expect(sent.body.heldReason).toBeUndefined();

    const mail = await h.smtp.waitForSubject(kim.email, /편지가 도착/);
    expect(mail.subject).toBe('Somchai 님의 편지가 도착했어요');
    expect(mail.text).toContain('http://kenal.test/penpals');
    // The in-app entry is written with the delivery's mark, after the email went out.
    const inbox = await h.inbox(kim.token, 2);
    expect(inbox.map((n) => n.type)).toContain('letter.delivered');

    const theirs = await lettersOf(kim, matchId);
    expect(theirs.items).toEqual([
      expect.objectContaining({ id: sent.body.id, from: 'penpal', status: 'delivered' }),
    ]);
    expect((await lettersOf(som, matchId)).items[0]).toMatchObject({ from: 'me' });

    const read = await api().post(`/api/v1/letters/${sent.body.id}/read`).set(auth(kim.token));
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    // The writer cannot mark their own letter read.
    expect(
      (await api().post(`/api/v1/letters/${sent.body.id}/read`).set(auth(som.token))).status,
    ).toBe(403);
  });

  it('a letter travels by distance and the worker delivers it once it is due', async () => {
    const round = await newRound({ letterDelay: 'distance' });
    const kim = await person(h, 'KR');
    const ari = await person(h, 'ID');
    const matchId = await matchOf(round.id, kim, ari);

    const before = Date.now();
    const sent = await write(kim, matchId, { body: 'Annyeong from Seoul!', language: 'ko' });
    expect(sent.status).toBe(201);
    expect(sent.body.status).toBe('scheduled');
    const hours = (Date.parse(sent.body.deliverAt) - before) / 3600_000;
    expect(hours).toBeGreaterThan(6); // Seoul–Jakarta: about 5,300 km
    expect(hours).toBeLessThan(7);

    // Travelling: the recipient does not see it yet; its job waits in Redis.
    expect((await lettersOf(ari, matchId)).items).toEqual([]);
    expect((await lettersOf(kim, matchId)).items[0]).toMatchObject({ status: 'scheduled' });
    expect(await (await jobOf(sent.body.id)).isDelayed()).toBe(true);

    await makeDue(sent.body.id);
    await waitUntil(
      'the letter is delivered',
      async () => (await statusOf(sent.body.id)) === 'delivered',
    );
    expect((await lettersOf(ari, matchId)).items).toEqual([
      expect.objectContaining({ id: sent.body.id, from: 'penpal', body: 'Annyeong from Seoul!' }),
    ]);
    expect(await notices(ari.id, 'letter.delivered')).toBe(1);
  });

  it('worker down while letters fall due: when it is back each goes out once, also one whose job was lost', async () => {
    const round = await newRound({ letterDelay: 'distance' });
    const kim = await person(h, 'KR');
    const noy = await person(h, 'LA');
    const matchId = await matchOf(round.id, kim, noy);

    await h.stopWorker();
    const first = (await write(kim, matchId, { body: 'First letter' }).expect(201)).body;
    const second = (await write(noy, matchId, { body: 'Second letter' }).expect(201)).body;
    // Both fall due while no worker runs; Redis loses the second one's job.
    await makeDue(first.id);
    await makeDue(second.id);
    await lettersQueue().remove(second.id);
    expect(await lettersQueue().getJob(second.id)).toBeUndefined();
    expect(await statusOf(first.id)).toBe('scheduled');

    await h.startWorker();
    await waitUntil(
      'the first letter is delivered',
      async () => (await statusOf(first.id)) === 'delivered',
    );
    // The maintenance run at the worker's start (or this one) delivers the letter that lost its job.
    await h.worker!.get(MaintenanceTasks).runAll();
    expect(await statusOf(second.id)).toBe('delivered');
    const again = await h.worker!.get(MaintenanceTasks).runAll();
    expect(again.letters).toEqual({ delivered: 0, travelling: 0 });

    // A job run again (a stalled job, or the job and the sweep at once) delivers nothing more.
    const delivery = h.worker!.get(LetterDelivery);
    expect(
      await Promise.all([delivery.deliverIfDue(first.id), delivery.deliverIfDue(second.id)]),
    ).toEqual([false, false]);
    expect(await notices(noy.id, 'letter.delivered')).toBe(1);
    expect(await notices(kim.id, 'letter.delivered')).toBe(1);
  });

  it("a minor's letters with contact details are held; the coordinator releases one and removes another; the writer is told", async () => {
    const round = await newRound();
    const noy = await person(h, 'LA', { displayName: 'Noy', dateOfBirth: MINOR_DOB });
    // Minors are matched only with minors (checked again when they answer the match).
    const kim = await person(h, 'KR', { displayName: 'Kim', dateOfBirth: MINOR_DOB });
    for (const minor of [noy, kim]) await confirmGuardian(h, minor);
    const matchId = await matchOf(round.id, kim, noy);

    // A phone number in Lao digits, written by the minor.
    const held = await write(noy, matchId, { body: 'ເບີໂທຂອງຂ້ອຍ ໐໒໐ ໕໕໕໕ ໑໒໓໔ ໂທມາເດີ' });
    expect(held.status).toBe(201);
    expect(held.body).toMatchObject({
      status: 'held',
      heldReason: 'contact_details',
      heldKinds: ['phone'],
    });
    // A phone number spelled out, written by the other minor: held too.
    const spelled = await write(kim, matchId, {
      body: 'my number is zero one zero, one two three four, five six seven eight',
    });
    expect(spelled.body).toMatchObject({ status: 'held', heldKinds: ['phone'] });
    // Ordinary numbers go through.
    const ordinary = await write(kim, matchId, {
      body: 'I am 17, our score was 21-19 and it cost 50,000 won in 2026.',
    });
    expect(ordinary.body.status).toBe('delivered');

    // The recipient sees neither held letter; the writer sees theirs, with the reason.
    expect((await lettersOf(kim, matchId)).items.map((l) => l.id)).not.toContain(held.body.id);
    expect((await lettersOf(noy, matchId)).items).toEqual([
      expect.objectContaining({ id: ordinary.body.id, from: 'penpal' }),
      expect.objectContaining({
        id: held.body.id,
        from: 'me',
        status: 'held',
        heldReason: 'contact_details',
      }),
    ]);
    const told = await h.smtp.waitForSubject(noy.email, /waiting for a check/);
    expect(told.text).toContain('a phone number');

    // The queue shows each letter with its people; other programmes' coordinators get 403.
    const queue = await cases(coordinator.token);
    expect(queue.status).toBe(200);
    const heldCase = queue.body.items.find(
      (c: { letter: { id: string } }) => c.letter.id === held.body.id,
    );
    const spelledCase = queue.body.items.find(
      (c: { letter: { id: string } }) => c.letter.id === spelled.body.id,
    );
    expect(heldCase).toMatchObject({
      kind: 'held',
      reason: 'contact_details',
      status: 'open',
      letter: {
        matchId,
        body: 'ເບີໂທຂອງຂ້ອຍ ໐໒໐ ໕໕໕໕ ໑໒໓໔ ໂທມາເດີ',
        from: { userId: noy.id, displayName: 'Noy', country: 'LA', minor: true },
        to: { userId: kim.id, displayName: 'Kim', country: 'KR', minor: true },
        // What the detector found, for the moderator to see highlighted.
        findings: [{ kind: 'phone', text: expect.stringContaining('5555') }],
      },
    });
    expect(spelledCase.letter.findings).toEqual([
      { kind: 'phone', text: 'zero one zero, one two three four, five six seven eight' },
    ]);
    const stranger = await h.userWithRoles(['coordinator']);
    expect((await cases(stranger.token)).status).toBe(403);
    expect(
      (
        await api()
          .post(`/api/v1/moderation-cases/${heldCase.id}/decision`)
          .set(auth(stranger.token))
          .send({ action: 'release' })
      ).status,
    ).toBe(403);
    expect(await statusOf(held.body.id)).toBe('held');

    const decide = (caseId: string, action: string, note?: string) =>
      api()
        .post(`/api/v1/moderation-cases/${caseId}/decision`)
        .set(auth(coordinator.token))
        .send({ action, note });
    const released = await decide(heldCase.id, 'release', 'A school phone number, fine');
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ status: 'decided', decision: 'release' });
    expect((await lettersOf(kim, matchId)).items.map((l) => l.id)).toContain(held.body.id);
    await h.smtp.waitForSubject(noy.email, /is on its way/);

    expect((await decide(spelledCase.id, 'remove')).status).toBe(200);
    expect(await statusOf(spelled.body.id)).toBe('removed');
    expect((await lettersOf(noy, matchId)).items.map((l) => l.id)).not.toContain(spelled.body.id);
    await h.smtp.waitForSubject(kim.email, /was not delivered/);

    const twice = await decide(heldCase.id, 'remove');
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('CASE_DECIDED');
    expect(await statusOf(held.body.id)).toBe('delivered');

    const audit = await h.db.query(
      `SELECT actor_id, details->>'decision' AS decision FROM audit_events
        WHERE action = 'moderation_case.decided' AND target_id = ANY($1) ORDER BY created_at`,
      [[heldCase.id, spelledCase.id]],
    );
    expect(audit).toEqual([
      { actor_id: coordinator.id, decision: 'release' },
      { actor_id: coordinator.id, decision: 'remove' },
    ]);
    expect((await cases(coordinator.token, 'decided')).body.total).toBeGreaterThanOrEqual(2);
  });

  it("adults' letters with contact details go through, unless the round screens adults too", async () => {
    const open = await newRound();
    const screened = await newRound({ screenAdultLetters: true });
    const [a, b, c, d] = [
      await person(h, 'KR'),
      await person(h, 'VN'),
      await person(h, 'KR'),
      await person(h, 'PH'),
    ];
    const body = 'Email me: an.nguyen@gmail.com';
    expect((await write(b, await matchOf(open.id, a, b), { body })).body.status).toBe('delivered');
    expect((await write(d, await matchOf(screened.id, c, d), { body })).body).toMatchObject({
      status: 'held',
      heldKinds: ['email'],
    });
  });

  it('a letter is decided again under the lock when its context changed after it was read (a round starting to screen, a match ending, a travelling letter)', async () => {
    // The write reads its context unlocked and writes in one statement that checks it still
    // holds; a change in between (here made right after the read) must not slip through.
    const between = async (
      change: () => Promise<unknown>,
      run: () => Promise<{ status: number; body: Record<string, unknown> }>,
    ) => {
      const [unlocked, locked] = [store.writeContextWithCaller, store.lockedWriteContext];
      const reads: boolean[] = [];
      const spies = [
        jest.spyOn(store, 'writeContextWithCaller').mockImplementation(async (...args) => {
          reads.push(false);
          const read = await unlocked(...args);
          await change();
          return read;
        }),
        jest.spyOn(store, 'lockedWriteContext').mockImplementation((...args) => {
          reads.push(true);
          return locked(...args);
        }),
      ];
      try {
        return { res: await run(), reads };
      } finally {
        for (const spy of spies) spy.mockRestore();
      }
    };
    const round = await newRound();
    const [a, b] = [await person(h, 'KR'), await person(h, 'VN')];
    const matchId = await matchOf(round.id, a, b);
    const body = 'Email me: an.nguyen@gmail.com';
    // The round screens adults' letters from just after the read: the letter is held all the same.
    const screened = await between(
      () =>
        h.db.query('UPDATE penpal_rounds SET screen_adult_letters = true WHERE id = $1', [
          round.id,
        ]),
      () => write(b, matchId, { body }),
    );
    expect(screened.res.status).toBe(201);
    expect(screened.res.body).toMatchObject({ status: 'held', heldKinds: ['email'] });
    expect(screened.reads).toEqual([false, true]);
    expect(await notices(a.id, 'letter.delivered')).toBe(0);

    // The match ends just after the read: 409, and no letter.
    const count = await h.count('letters');
    const ended = await between(
      () => h.db.query(`UPDATE penpal_matches SET status = 'ended' WHERE id = $1`, [matchId]),
      () => write(a, matchId, { body: 'Still there?' }),
    );
    expect([ended.res.status, ended.res.body.code]).toEqual([409, 'MATCH_NOT_ACTIVE']);
    expect(await h.count('letters')).toBe(count);

    // A travelling letter (one statement, no transaction) whose writer turns out a minor after the
    // read: screened and held.
    const distance = await newRound({ letterDelay: 'distance' });
    const [c, d] = [await person(h, 'KR'), await person(h, 'LA')];
    const travelling = await matchOf(distance.id, c, d);
    const minor = await between(
      () =>
        h.db.query('UPDATE profiles SET date_of_birth = $2 WHERE user_id = $1', [c.id, MINOR_DOB]),
      () => write(c, travelling, { body: 'call me on 010-1234-5678' }),
    );
    expect(minor.res.body).toMatchObject({ status: 'held', heldKinds: ['phone'] });
    expect(minor.reads).toEqual([false, true]);
    // Unchanged, the same write is two statements: one read, no second one under the lock.
    const plain = await between(
      async () => undefined,
      () => write(d, travelling, { body: 'See you soon' }),
    );
    expect(plain.res.body).toMatchObject({ status: 'scheduled' });
    expect(plain.reads).toEqual([false]);
  });

  it('a report hides the letter from the reporter until decided; end_match ends the match and tells both', async () => {
    const round = await newRound();
    const kim = await person(h, 'KR');
    const lan = await person(h, 'VN');
    const matchId = await matchOf(round.id, kim, lan);
    const first = (await write(kim, matchId, { body: 'You are so annoying' }).expect(201)).body;
    const second = (await write(kim, matchId, { body: 'Really annoying' }).expect(201)).body;

    // Only the recipient reports.
    expect(
      (
        await api()
          .post(`/api/v1/letters/${first.id}/report`)
          .set(auth(kim.token))
          .send({ reason: 'spam' })
      ).status,
    ).toBe(403);
    const bad = await api()
      .post(`/api/v1/letters/${first.id}/report`)
      .set(auth(lan.token))
      .send({ reason: 'boring' });
    expect(bad.status).toBe(400);
    const report = await api()
      .post(`/api/v1/letters/${first.id}/report`)
      .set(auth(lan.token))
      .send({ reason: 'harassment', detail: 'Keeps insulting me' });
    expect(report.status).toBe(201);
    expect(report.body).toMatchObject({ kind: 'report', reason: 'harassment', status: 'open' });

    // Hidden from the reporter, not from the writer.
    expect((await lettersOf(lan, matchId)).items.map((l) => l.id)).toEqual([second.id]);
    expect((await lettersOf(kim, matchId)).items.map((l) => l.id)).toEqual([second.id, first.id]);
    expect((await api().post(`/api/v1/letters/${first.id}/read`).set(auth(lan.token))).status).toBe(
      404,
    );

    const queue = (await cases(coordinator.token)).body.items;
    const reportCase = queue.find((c: { id: string }) => c.id === report.body.id);
    expect(reportCase).toMatchObject({
      kind: 'report',
      reason: 'harassment',
      detail: 'Keeps insulting me',
    });
    await api()
      .post(`/api/v1/moderation-cases/${reportCase.id}/decision`)
      .set(auth(coordinator.token))
      .send({ action: 'release' })
      .expect(200);
    expect((await lettersOf(lan, matchId)).items.map((l) => l.id)).toEqual([second.id, first.id]);

    // The second letter: reported, and the coordinator ends the match.
    const again = await api()
      .post(`/api/v1/letters/${second.id}/report`)
      .set(auth(lan.token))
      .send({ reason: 'inappropriate' })
      .expect(201);
    await api()
      .post(`/api/v1/moderation-cases/${again.body.id}/decision`)
      .set(auth(coordinator.token))
      .send({ action: 'end_match', note: 'Repeated insults' })
      .expect(200);
    expect(await statusOf(second.id)).toBe('removed');
    const [match] = await h.db.query('SELECT status, ended_by FROM penpal_matches WHERE id = $1', [
      matchId,
    ]);
    expect(match).toEqual({ status: 'ended', ended_by: coordinator.id });
    expect(await notices(kim.id, 'penpal.cancelled')).toBe(1);
    expect(await notices(lan.id, 'penpal.cancelled')).toBe(1);
    const closed = await write(lan, matchId, { body: 'Bye' });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('MATCH_NOT_ACTIVE');
  });

  it('either pen pal ends the match: no more letters either way, letters on the way stop, the other is told', async () => {
    const round = await newRound({ letterDelay: 'distance' });
    const kim = await person(h, 'KR');
    const sokha = await person(h, 'KH', { displayName: 'Sokha' });
    const matchId = await matchOf(round.id, kim, sokha);
    const travelling = (await write(kim, matchId, { body: 'On its way' }).expect(201)).body;

    const ended = await api()
      .post(`/api/v1/penpal-matches/${matchId}/end`)
      .set(auth(sokha.token))
      .send({ reason: 'Not comfortable' });
    expect(ended.status).toBe(200);
    expect(ended.body).toEqual({ matchId, status: 'ended' });
    for (const p of [kim, sokha]) {
      const res = await write(p, matchId, { body: 'Hello?' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('MATCH_NOT_ACTIVE');
    }
    // The letter on its way is not delivered, even when its job runs.
    expect(await statusOf(travelling.id)).toBe('removed');
    await makeDue(travelling.id);
    expect(await notices(sokha.id, 'letter.delivered')).toBe(0);

    const told = await h.smtp.waitForSubject(kim.email, /has ended/);
    expect(told.text).toContain('Sokha');
    expect(told.text).not.toContain('Not comfortable');
    const twice = await api()
      .post(`/api/v1/penpal-matches/${matchId}/end`)
      .set(auth(kim.token))
      .send({});
    expect(twice.status).toBe(409);
    const [penpal] = (
      await api().get('/api/v1/me/penpals').set(auth(kim.token)).expect(200)
    ).body.filter((x: { matchId: string }) => x.matchId === matchId);
    expect(penpal.status).toBe('ended');
  });

  it('a match ended before the other answered stays ended: a late accept is 409 MATCH_ENDED', async () => {
    const round = await newRound();
    const kim = await person(h, 'KR');
    const sokha = await person(h, 'KH');
    const matchId = await matchOf(round.id, kim, sokha, false);
    const respond = (p: Person) =>
      api()
        .post(`/api/v1/penpal-matches/${matchId}/respond`)
        .set(auth(p.token))
        .send({ accept: true });
    await respond(kim).expect(200);
    await api()
      .post(`/api/v1/penpal-matches/${matchId}/end`)
      .set(auth(kim.token))
      .send({})
      .expect(200);

    const late = await respond(sokha);
    expect([late.status, late.body.code]).toEqual([409, 'MATCH_ENDED']);
    const [row] = await h.db.query(
      'SELECT status, response_a, response_b FROM penpal_matches WHERE id = $1',
      [matchId],
    );
    expect(row).toEqual({ status: 'ended', response_a: 'accepted', response_b: 'pending' });
    const res = await write(sokha, matchId, { body: 'Hello?' });
    expect([res.status, res.body.code]).toEqual([409, 'MATCH_NOT_ACTIVE']);
  });

  it('a pair whose match was ended is never matched again in the programme', async () => {
    const earlier = await newRound();
    const kim = await person(h, 'KR');
    const dara = await person(h, 'KH');
    const matchId = await matchOf(earlier.id, kim, dara);
    await api()
      .post(`/api/v1/penpal-matches/${matchId}/end`)
      .set(auth(kim.token))
      .send({})
      .expect(200);

    const next = await api()
      .post(`/api/v1/programmes/${programmeId}/penpal-rounds`)
      .set(auth(coordinator.token))
      .send({
        name: 'Next round',
        enrolmentOpensAt: inDays(-1),
        enrolmentClosesAt: inDays(1),
        rules: { requireSharedLanguage: true },
      })
      .expect(201);
    for (const p of [kim, dara])
      await api()
        .post(`/api/v1/penpal-rounds/${next.body.id}/enrolments`)
        .set(auth(p.token))
        .send({})
        .expect(201);
    await api()
      .patch(`/api/v1/penpal-rounds/${next.body.id}`)
      .set(auth(coordinator.token))
      .send({ enrolmentClosesAt: new Date(Date.now() - 1000).toISOString() })
      .expect(200);
    const started = await api()
      .post(`/api/v1/penpal-rounds/${next.body.id}/matching-runs`)
      .set(auth(coordinator.token))
      .send({ seed: 1 })
      .expect(202);
    let run: { status: string; stats?: { matched: number } } = { status: 'queued' };
    await waitUntil('the run ends', async () => {
      run = (
        await api()
          .get(`/api/v1/matching-runs/${started.body.id}`)
          .set(auth(coordinator.token))
          .expect(200)
      ).body;
      return run.status === 'succeeded' || run.status === 'failed';
    });
    expect(run).toMatchObject({ status: 'succeeded', stats: { matched: 0 } });
  });

  it('409 MATCH_NOT_ACTIVE before both accepted; 429 after lettersPerDay; 400 for bad bodies, changing nothing', async () => {
    const created = await newRound();
    // A coordinator changes the limit after creation.
    const patched = await api()
      .patch(`/api/v1/penpal-rounds/${created.id}`)
      .set(auth(coordinator.token))
      .send({ lettersPerDay: 2 })
      .expect(200);
    expect(patched.body).toMatchObject({ lettersPerDay: 2, letterDelay: 'none' });
    const round = patched.body as { id: string };
    const kim = await person(h, 'KR');
    const mya = await person(h, 'MM');
    const pending = await matchOf(round.id, kim, mya, false);
    const early = await write(kim, pending, { body: 'Too early' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('MATCH_NOT_ACTIVE');

    const penpal = await person(h, 'KR');
    const matchId = await matchOf(round.id, penpal, mya);
    await write(mya, matchId, { body: 'One' }).expect(201);
    await write(mya, matchId, { body: 'Two' }).expect(201);
    const third = await write(mya, matchId, { body: 'Three' });
    expect(third.status).toBe(429);
    expect(third.body.code).toBe('TOO_MANY_LETTERS');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(86000);
    // Per writer: the other pen pal may still write.
    await write(penpal, matchId, { body: 'My turn' }).expect(201);

    const count = await h.count('letters');
    for (const body of [
      {},
      { body: '' },
      { body: '   \n ' },
      { body: 'x'.repeat(20_001) },
      { body: 42 },
      { body: 'Hi', colour: 'blue' },
      { body: 'Hi', language: 'not a language' },
    ]) {
      const res = await write(kim, pending, body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    expect(await h.count('letters')).toBe(count);
    // 20,000 characters is fine.
    const other2 = await person(h, 'KR');
    const longMatch = await matchOf(round.id, other2, await person(h, 'SG'));
    expect((await write(other2, longMatch, { body: 'y'.repeat(20_000) })).status).toBe(201);
  });

  it('the daily limit holds for letters written at once, and frees up 24 hours later by the clock', async () => {
    const round = (
      await api()
        .patch(`/api/v1/penpal-rounds/${(await newRound()).id}`)
        .set(auth(coordinator.token))
        .send({ lettersPerDay: 2 })
        .expect(200)
    ).body as { id: string };
    const lek = await person(h, 'TH');
    const matchId = await matchOf(round.id, lek, await person(h, 'KR'));
    // Five at once: the match row's lock lets exactly two through, whatever the interleaving.
    const statuses = (
      await Promise.all(['1', '2', '3', '4', '5'].map((n) => write(lek, matchId, { body: n })))
    ).map((r) => r.status);
    expect(statuses.sort()).toEqual([201, 201, 429, 429, 429]);
    expect(
      (
        (await h.db.query('SELECT count(*)::int AS n FROM letters WHERE match_id = $1', [
          matchId,
        ])) as { n: number }[]
      )[0].n,
    ).toBe(2);

    // A day and a minute later (the API's clock moved, nothing waits), the writer may write again.
    const clock = h.api.get<Clock>(CLOCK);
    const later = new Date(Date.now() + 86_460_000);
    const moved = jest.spyOn(clock, 'now').mockImplementation(() => later);
    try {
      const again = await write(lek, matchId, { body: 'A new day' });
      expect(again.status).toBe(201);
      expect(Date.parse(again.body.deliverAt)).toBe(later.getTime());
      expect((await write(lek, matchId, { body: 'And one more' })).status).toBe(201);
      expect((await write(lek, matchId, { body: 'Too many' })).status).toBe(429);
    } finally {
      moved.mockRestore();
    }
  });

  it('unread letters per match and in all; opening a thread marks them read; a reported one is not counted', async () => {
    const round = await newRound();
    const kim = await person(h, 'KR');
    const noy = await person(h, 'LA');
    const dao = await person(h, 'VN');
    const withNoy = await matchOf(round.id, kim, noy);
    const withDao = await matchOf(round.id, kim, dao);
    const unread = async (p: Person) =>
      (await api().get('/api/v1/me/letters/unread').set(auth(p.token)).expect(200)).body as {
        total: number;
        matches: { matchId: string; unread: number }[];
      };
    expect(await unread(kim)).toEqual({ total: 0, matches: [] });

    const first = (await write(noy, withNoy, { body: 'Sabaidee!' }).expect(201)).body;
    await write(noy, withNoy, { body: 'How is Seoul?' }).expect(201);
    await write(dao, withDao, { body: 'Xin chào!' }).expect(201);
    await write(kim, withNoy, { body: 'Annyeong!' }).expect(201); // my own: never unread for me
    const before = await unread(kim);
    expect(before.total).toBe(3);
    expect(before.matches).toEqual(
      expect.arrayContaining([
        { matchId: withNoy, unread: 2 },
        { matchId: withDao, unread: 1 },
      ]),
    );
    expect((await unread(noy)).matches).toEqual([{ matchId: withNoy, unread: 1 }]);

    // A reported letter is hidden from the reporter, so not counted either.
    await api()
      .post(`/api/v1/letters/${first.id}/report`)
      .set(auth(kim.token))
      .send({ reason: 'spam' })
      .expect(201);
    expect((await unread(kim)).total).toBe(2);

    const read = await api()
      .post(`/api/v1/penpal-matches/${withNoy}/letters/read`)
      .set(auth(kim.token));
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ matchId: withNoy, marked: 1 });
    expect(await unread(kim)).toEqual({ total: 1, matches: [{ matchId: withDao, unread: 1 }] });
    // Again: nothing left to mark.
    expect(
      (await api().post(`/api/v1/penpal-matches/${withNoy}/letters/read`).set(auth(kim.token))).body
        .marked,
    ).toBe(0);
    // A page past the end still says how many letters there are (the total rides on the rows).
    const past = await api()
      .get(`/api/v1/penpal-matches/${withNoy}/letters?page=9&pageSize=2`)
      .set(auth(noy.token))
      .expect(200);
    expect(past.body).toMatchObject({ items: [], total: 3, page: 9 });
    expect(
      (
        await api()
          .get(`/api/v1/penpal-matches/${withNoy}/letters?page=2&pageSize=2`)
          .set(auth(noy.token))
          .expect(200)
      ).body,
    ).toMatchObject({ total: 3, items: [expect.objectContaining({ id: first.id })] });
    // Noy's own count is untouched by Kim reading.
    expect((await unread(noy)).total).toBe(1);

    // Outsiders, coordinators and admins: 403; no token: 401; unknown match: 404.
    const stranger = await person(h, 'TH');
    for (const who of [stranger, coordinator, { token: await h.adminToken() }])
      expect(
        (await api().post(`/api/v1/penpal-matches/${withNoy}/letters/read`).set(auth(who.token)))
          .status,
      ).toBe(403);
    expect((await api().get('/api/v1/me/letters/unread')).status).toBe(401);
    expect(
      (await api().post(`/api/v1/penpal-matches/${randomUUID()}/letters/read`).set(auth(kim.token)))
        .status,
    ).toBe(404);
  });

  it('403 for people outside the match, staff included; 404 for a match that does not exist', async () => {
    const round = await newRound();
    const kim = await person(h, 'KR');
    const bn = await person(h, 'BN');
    const matchId = await matchOf(round.id, kim, bn);
    const letter = (await write(bn, matchId, { body: 'Salam from Brunei' }).expect(201)).body;
    const stranger = await person(h, 'TH');
    const admin = { token: await h.adminToken() };
    for (const who of [stranger, coordinator, admin]) {
      expect(
        (await api().get(`/api/v1/penpal-matches/${matchId}/letters`).set(auth(who.token))).status,
      ).toBe(403);
      expect((await write(who as Person, matchId, { body: 'Hi' })).status).toBe(403);
      expect(
        (await api().post(`/api/v1/letters/${letter.id}/read`).set(auth(who.token))).status,
      ).toBe(403);
      expect(
        (await api().post(`/api/v1/penpal-matches/${matchId}/end`).set(auth(who.token)).send({}))
          .status,
      ).toBe(403);
    }
    expect((await api().get(`/api/v1/penpal-matches/${matchId}/letters`)).status).toBe(401);
    expect(
      (await api().get(`/api/v1/penpal-matches/${randomUUID()}/letters`).set(auth(kim.token)))
        .status,
    ).toBe(404);
  });

  it('emails the recipient about new letters at most once per match every 6 hours', async () => {
    const round = await newRound();
    const kim = await person(h, 'KR');
    const rin = await person(h, 'MY', { displayName: 'Rin' });
    const matchId = await matchOf(round.id, kim, rin);
    for (const body of ['One', 'Two', 'Three']) await write(rin, matchId, { body }).expect(201);
    await waitUntil(
      'three in-app notices',
      async () =>
        (await h.inbox(kim.token, 0, 0)).filter((n) => n.type === 'letter.delivered').length === 3,
    );
    const letterMails = () => h.smtp.to(kim.email).filter((m) => /letter from Rin/.test(m.subject));
    expect(letterMails()).toHaveLength(1);

    // Six hours later, the next letter is emailed again.
    await h.db.query(
      `UPDATE letter_email_marks SET emailed_at = emailed_at - interval '6 hours' WHERE match_id = $1`,
      [matchId],
    );
    await write(rin, matchId, { body: 'Four' }).expect(201);
    await waitUntil('a second email', async () => letterMails().length === 2);
    await waitUntil(
      'four in-app notices',
      async () =>
        (await h.inbox(kim.token, 0, 0)).filter((n) => n.type === 'letter.delivered').length === 4,
    );
    expect(letterMails()).toHaveLength(2);
  });

  it('letters written and received are in the data export', async () => {
    const round = await newRound();
    const kim = await person(h, 'KR');
    const tan = await person(h, 'SG', { displayName: 'Tan' });
    const matchId = await matchOf(round.id, kim, tan);
    await write(kim, matchId, { body: 'Sent by Kim' }).expect(201);
    await write(tan, matchId, { body: 'Sent by Tan' }).expect(201);
    const exported = await api().get('/api/v1/me/export').set(auth(kim.token)).expect(200);
    const data = JSON.parse(exported.text);
    expect(data.letters).toEqual([
      expect.objectContaining({
        direction: 'sent',
        body: 'Sent by Kim',
        penpal: 'Tan',
        status: 'delivered',
      }),
      expect.objectContaining({ direction: 'received', body: 'Sent by Tan', penpal: 'Tan' }),
    ]);
  });

  it('a deleted account takes the words it wrote: bodies erased, letters on the way stopped; the pen pal keeps theirs', async () => {
    const round = await newRound();
    const kim = await person(h, 'KR');
    const tan = await person(h, 'SG', { displayName: 'Tan' });
    const matchId = await matchOf(round.id, kim, tan);
    const sent = await write(kim, matchId, { body: 'A secret only Kim wrote' }).expect(201);
    await write(tan, matchId, { body: 'Tan writes back' }).expect(201);
    await api()
      .delete('/api/v1/me')
      .set(auth(kim.token))
      .send({ password: kim.password })
      .expect(202);
    const rows: { body: string }[] = await h.db.query('SELECT body FROM letters WHERE id = $1', [
      sent.body.id,
    ]);
    expect(rows).toEqual([{ body: '' }]);
    const left: { n: number }[] = await h.db.query(
      `SELECT count(*)::int AS n FROM letters WHERE body LIKE '%secret only Kim%'`,
    );
    expect(left[0].n).toBe(0);
    const tans: { body: string }[] = await h.db.query(
      'SELECT body FROM letters WHERE sender_id = $1',
      [tan.id],
    );
    expect(tans).toEqual([{ body: 'Tan writes back' }]);
  });

  it('serves conversation starters per interest in 11 languages, without a token', async () => {
    const th = await api().get('/api/v1/letter-prompts?interest=football&locale=th').expect(200);
    expect(th.body).toMatchObject({ locale: 'th', interest: 'football' });
    expect(th.body.prompts[0]).toContain('ฟุตบอล');
    const generic = await api().get('/api/v1/letter-prompts?locale=lo').expect(200);
    expect(generic.body.interest).toBeNull();
    expect(generic.body.prompts.length).toBeGreaterThanOrEqual(2);
    expect((await api().get('/api/v1/letter-prompts?colour=red')).status).toBe(400);
  });
});
