import { EntryReminderSweep } from '../src/competitions/entry-reminder-sweep';
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
import { sweepAt, unscheduleSweeps } from './support/reminders';

const H = 3600_000;

describe('deadline reminders (e2e: the sweep at a moved clock → outbox → worker → SMTP)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    await unscheduleSweeps(h);
  });
  afterAll(() => h.stop());

  const sweep = (at: number) => sweepAt(h, at, () => h.worker!.get(EntryReminderSweep).sweep());
  const ledger = async (): Promise<{ hours: number; closesAt: string; lateMs: number }[]> =>
    h.db.query(
      `SELECT hours_before AS hours, to_char(closes_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS "closesAt",
              (extract(epoch FROM sent_at - (closes_at - hours_before * interval '1 hour')) * 1000)::int AS "lateMs"
         FROM deadline_reminders ORDER BY sent_at, hours_before DESC`,
    );

  it('reminds each draft team once per reminder, before the deadline in force, and again for a moved one', async () => {
    const coordinator = await h.userWithRoles(['coordinator']);
    const programmeId = await programme(h, coordinator.token, 'reminders', 'Asia/Bangkok');
    const close = Date.parse(inDays(10));
    const c = await competition(h, coordinator.token, programmeId, {
      title: 'Reminder Cup',
      submissionClosesAt: new Date(close).toISOString(),
    });

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
    const until = close + 5 * 24 * H;
    await h
      .http()
      .post(`/api/v1/submissions/${extended.body.id}/extension`)
      .set(auth(coordinator.token))
      .send({ until: new Date(until).toISOString() })
      .expect(200);

    const sent = (email: string, hours: number) =>
      h.smtp.to(email).filter((m) => m.subject.startsWith(`${hours} hours left`));

    // Before the 72 h moment nothing is due; two sweeps at once, two minutes after it, remind once.
    expect(await sweep(close - 73 * H)).toEqual({ deadlines: 0, teams: 0 });
    const twice = await Promise.all([
      sweep(close - 72 * H + 120_000),
      sweep(close - 72 * H + 120_000),
    ]);
    expect(twice.map((r) => r.teams).sort()).toEqual([0, 1]);
    expect(await sweep(close - 72 * H + 420_000)).toEqual({ deadlines: 1, teams: 0 });
    await waitUntil(
      'the 72 h reminders to the draft team',
      async () => sent(a1.email, 72).length === 1 && sent(a2.email, 72).length === 1,
    );
    expect(sent(a2.email, 72)[0].text).toContain('(Asia/Bangkok, UTC+07:00)');
    expect(sent(a2.email, 72)[0].text).toContain('Still a draft');

    // The coordinator moves the close a day later: the team hears 72 h before the new close too.
    const moved = close + 24 * H;
    await h
      .http()
      .patch(`/api/v1/competitions/${c.id}`)
      .set(auth(coordinator.token))
      .send({ submissionClosesAt: new Date(moved).toISOString() })
      .expect(200);
    // The old close's 24 h moment is nothing now (48 h before the new one).
    expect(await sweep(close - 24 * H + 60_000)).toEqual({ deadlines: 0, teams: 0 });
    expect(await sweep(moved - 72 * H + 60_000)).toEqual({ deadlines: 1, teams: 1 });
    expect(await sweep(moved - 24 * H + 300_000)).toEqual({ deadlines: 1, teams: 1 });
    // Past its hour of grace, and past the close, nothing more is sent.
    expect(await sweep(moved - 23 * H)).toEqual({ deadlines: 0, teams: 0 });
    expect(await sweep(moved + 60_000)).toEqual({ deadlines: 0, teams: 0 });
    await waitUntil(
      'the second 72 h and the 24 h reminders',
      async () => sent(a1.email, 72).length === 2 && sent(a2.email, 24).length === 1,
    );
    expect(sent(b.email, 72)).toHaveLength(0);
    expect(sent(e.email, 72)).toHaveLength(0);

    // The team with an extension is reminded before its own deadline, which moves with it.
    expect(await sweep(until - 24 * H)).toEqual({ deadlines: 1, teams: 1 });
    const later = until + 24 * H;
    await h
      .http()
      .post(`/api/v1/submissions/${extended.body.id}/extension`)
      .set(auth(coordinator.token))
      .send({ until: new Date(later).toISOString() })
      .expect(200);
    expect(await sweep(until - 24 * H + 60_000)).toEqual({ deadlines: 0, teams: 0 });
    expect(await sweep(later - 24 * H + 60_000)).toEqual({ deadlines: 1, teams: 1 });
    await waitUntil('the extended team’s reminders', async () => sent(e.email, 24).length === 2);
    expect(sent(e.email, 24)[0].text).toContain('Extended');

    // Once the close moves past the extension, the extension's reminders are void: the team is
    // reminded with the others before the close.
    const last = later + 24 * H;
    await h
      .http()
      .patch(`/api/v1/competitions/${c.id}`)
      .set(auth(coordinator.token))
      .send({ submissionClosesAt: new Date(last).toISOString() })
      .expect(200);
    expect(await sweep(later - 24 * H + 120_000)).toEqual({ deadlines: 0, teams: 0 });
    expect(await sweep(last - 24 * H)).toEqual({ deadlines: 1, teams: 2 });

    // Every reminder went at the sweep that found it due, within the sweep period of its moment.
    const rows = await ledger();
    expect(rows.map((r) => [r.hours, r.lateMs])).toEqual([
      [72, 120_000],
      [72, 60_000],
      [24, 300_000],
      [24, 0],
      [24, 60_000],
      [24, 0],
      [24, 0],
    ]);
  });
});
