import { CLOCK, type Clock } from '../src/common/clock';
import { DeadlineReminderHandler } from '../src/competitions/deadline-reminder.handler';
import { extensionReminderJobId, reminderJobId } from '../src/competitions/rules/reminders';
import { QueueService } from '../src/jobs/queue.service';
import {
  competition,
  completeMovie,
  inDays,
  person,
  programme,
  teamOf,
  waitUntil,
} from './support/competitions';
import { auth, Harness } from './support/harness';

describe('deadline reminders (e2e: delayed BullMQ jobs → worker → SMTP)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
  });
  afterAll(() => h.stop());

  const job = (id: string) => h.api.get(QueueService).queue('deadlines').getJob(id);

  it('schedules 72 h and 24 h reminders, moves them with the deadline, and reminds each draft team once', async () => {
    const coordinator = await h.userWithRoles(['coordinator']);
    const programmeId = await programme(h, coordinator.token, 'reminders', 'Asia/Bangkok');
    const firstClose = inDays(10);
    const c = await competition(h, coordinator.token, programmeId, {
      title: 'Reminder Cup',
      submissionClosesAt: firstClose,
    });
    const old72 = reminderJobId(c.id, 72, new Date(firstClose));
    const old24 = reminderJobId(c.id, 24, new Date(firstClose));
    const planned = await job(old72);
    expect(planned?.data).toEqual({ competitionId: c.id, hoursBefore: 72, closesAt: firstClose });
    expect(await (await job(old24))?.isDelayed()).toBe(true);
    expect(planned!.opts.delay).toBeGreaterThan(6.9 * 86400_000);

    // A draft team of two, a team that has submitted, and a draft team with an extension.
    const a1 = await person(h, 'KR');
    const a2 = await person(h, 'TH', { timezone: 'Asia/Bangkok' });
    await teamOf(h, c.id, a1, [a2], 'Drafting');
    await h
      .http()
      .post(`/api/v1/competitions/${c.id}/submissions`)
      .set(auth(a1.token))
      .send({ title: 'Still a draft' })
      .expect(201);
    const b = await person(h, 'VN');
    const done = await h
      .http()
      .post(`/api/v1/competitions/${c.id}/submissions`)
      .set(auth(b.token))
      .send({ title: 'Done', ...completeMovie })
      .expect(201);
    await h
      .http()
      .post(`/api/v1/submissions/${done.body.id}/submit`)
      .set(auth(b.token))
      .expect(200);
    const e = await person(h, 'MY');
    const extended = await h
      .http()
      .post(`/api/v1/competitions/${c.id}/submissions`)
      .set(auth(e.token))
      .send({ title: 'Extended' })
      .expect(201);

    const untilIso = inDays(3);
    // The coordinator moves the close to 24 h and 10 min from now: the 72 h moment has passed.
    const newClose = new Date(Date.now() + 24 * 3600_000 + 600_000).toISOString();
    await h
      .http()
      .patch(`/api/v1/competitions/${c.id}`)
      .set(auth(coordinator.token))
      .send({ submissionClosesAt: newClose })
      .expect(200);
    await h
      .http()
      .post(`/api/v1/submissions/${extended.body.id}/extension`)
      .set(auth(coordinator.token))
      .send({ until: untilIso })
      .expect(200);
    expect(await job(old72)).toBeUndefined();
    expect(await job(old24)).toBeUndefined();
    expect(await job(reminderJobId(c.id, 72, new Date(newClose)))).toBeUndefined();
    const moved = await job(reminderJobId(c.id, 24, new Date(newClose)));
    expect(moved?.data.closesAt).toBe(newClose);
    // Its moment comes now rather than in 10 minutes.
    await moved!.promote();

    const reminders = (email: string) =>
      h.smtp.to(email).filter((m) => m.subject.startsWith('24 hours left'));
    await waitUntil(
      'reminders to the draft team',
      async () => reminders(a1.email).length === 1 && reminders(a2.email).length === 1,
    );
    expect(reminders(a2.email)[0].text).toContain('(Asia/Bangkok, UTC+07:00)');
    expect(reminders(a2.email)[0].text).toContain('Still a draft');

    // The same job again, or a job planned for the old deadline, reminds no one.
    const handler = h.worker!.get(DeadlineReminderHandler);
    expect(
      await handler.remind({ competitionId: c.id, hoursBefore: 24, closesAt: newClose }),
    ).toEqual({ reminded: 0 });
    expect(
      await handler.remind({ competitionId: c.id, hoursBefore: 72, closesAt: firstClose }),
    ).toEqual({ reminded: 0 });
    await new Promise((r) => setTimeout(r, 700));
    expect(reminders(a1.email)).toHaveLength(1);
    expect(reminders(a2.email)).toHaveLength(1);
    expect(reminders(b.email)).toHaveLength(0);
    expect(reminders(e.email)).toHaveLength(0);
    expect(await h.count('deadline_reminders')).toBe(1);

    // The team with an extension is reminded before its own deadline, which moves with it.
    const firstUntil = new Date(untilIso);
    const ownJob = await job(extensionReminderJobId(extended.body.id, 24, firstUntil));
    expect(ownJob?.data).toEqual({
      competitionId: c.id,
      submissionId: extended.body.id,
      hoursBefore: 24,
      closesAt: untilIso,
    });
    const laterIso = inDays(4);
    await h
      .http()
      .post(`/api/v1/submissions/${extended.body.id}/extension`)
      .set(auth(coordinator.token))
      .send({ until: laterIso })
      .expect(200);
    expect(await job(extensionReminderJobId(extended.body.id, 24, firstUntil))).toBeUndefined();
    const own = {
      competitionId: c.id,
      submissionId: extended.body.id,
      hoursBefore: 24,
      closesAt: laterIso,
    };
    expect(
      (await job(extensionReminderJobId(extended.body.id, 24, new Date(laterIso))))?.data,
    ).toEqual(own);
    // Run as the worker would when it is due: once, and never for the extension it replaced.
    expect(await handler.remind({ ...own, closesAt: untilIso })).toEqual({ reminded: 0 });
    // Run late, once the team's deadline has passed (a worker that was down), it reminds no one.
    const late = jest
      .spyOn(h.worker!.get<Clock>(CLOCK), 'now')
      .mockReturnValue(new Date(Date.parse(laterIso) + 1000));
    expect(await handler.remind(own)).toEqual({ reminded: 0 });
    late.mockRestore();
    expect(await handler.remind(own)).toEqual({ reminded: 1 });
    expect(await handler.remind(own)).toEqual({ reminded: 0 });
    await waitUntil('the extended team’s reminder', async () => reminders(e.email).length === 1);
    expect(reminders(e.email)[0].text).toContain('Extended');
    expect(await h.count('deadline_reminders')).toBe(2);

    // Once the close moves past the extension, the extension's reminders are void.
    await h
      .http()
      .patch(`/api/v1/competitions/${c.id}`)
      .set(auth(coordinator.token))
      .send({ submissionClosesAt: inDays(5) })
      .expect(200);
    expect(await handler.remind({ ...own, hoursBefore: 72 })).toEqual({ reminded: 0 });
  });
});
