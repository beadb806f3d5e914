import {
  competition,
  completeProject,
  type Person,
  programme,
  teamOf,
} from './support/competitions';
import { MentoringMaintenance } from '../src/mentoring/silence-reminders';
import { auth, Harness } from './support/harness';
import { profiled } from './support/judging';
import { waitUntil } from './support/wait';

const mentorProfile = (over: Record<string, unknown> = {}) => ({
  organisation: 'Chulalongkorn University',
  sector: 'academia',
  expertise: { sdgs: [6, 14], topics: ['water'] },
  countries: ['TH'],
  languages: [{ code: 'en', level: 'fluent' }],
  capacity: 2,
  ...over,
});

/**
 * Awarded teams → round → mentors → run (job on the exact solver) → publish → introductions
 * received by the SMTP server → check-ins → report; and who may do what.
 */
describe('mentoring (e2e)', () => {
  let h: Harness;
  let coordinator: Person;
  let competitionId: string;
  let roundId: string;
  let runId: string;
  const mentors: Person[] = [];
  const teams: { submissionId: string; members: Person[] }[] = [];

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    coordinator = await h.userWithRoles(['coordinator']);
    const programmeId = await programme(h, coordinator.token, 'mentoring');
    competitionId = (
      await competition(h, coordinator.token, programmeId, {
        kind: 'project',
        title: 'Projects 2027',
      })
    ).id;
    const specs: [string, string, [string, string, string?][]][] = [
      [
        'Mekong Cleaners',
        'Clean Mekong',
        [
          ['Kim Minji', 'KR', 'Chulalongkorn  University'],
          ['Somchai Dee', 'TH'],
        ],
      ],
      [
        'Reef Keepers',
        'Coral Watch',
        [
          ['Park Jisoo', 'KR'],
          ['Tran Binh', 'VN'],
        ],
      ],
    ];
    for (const [teamName, title, people] of specs) {
      const members: Person[] = [];
      for (const [name, country, institution] of people) {
        members.push(await profiled(h, { name, country, institution }));
      }
      await teamOf(h, competitionId, members[0], members.slice(1), teamName);
      const entry = await h
        .http()
        .post(`/api/v1/competitions/${competitionId}/submissions`)
        .set(auth(members[0].token))
        .send({ title, ...completeProject })
        .expect(201);
      await h
        .http()
        .post(`/api/v1/submissions/${entry.body.id}/submit`)
        .set(auth(members[0].token))
        .expect(200);
      teams.push({ submissionId: entry.body.id, members });
    }
    // Judging's publication makes winners `awarded` (covered by judging.e2e); here, directly.
    await h.db.query(`UPDATE submissions SET status = 'awarded' WHERE id = ANY($1::uuid[])`, [
      teams.map((t) => t.submissionId),
    ]);
    for (const [name, org, sector] of [
      ['Dr Achara', 'Chulalongkorn University', 'academia'],
      ['Ms Nguyen', 'Ministry of Environment', 'government'],
      ['Mr Lim', 'ASEAN Secretariat', 'international_org'],
    ]) {
      const mentor = await profiled(h, { name, country: 'TH', roles: ['mentor'] });
      await h
        .http()
        .put('/api/v1/me/mentor-profile')
        .set(auth(mentor.token))
        .send(mentorProfile({ organisation: org, sector }))
        .expect(200);
      mentors.push(mentor);
    }
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  it('lets an admin invite a mentor: a staff account whose email names the role', async () => {
    const email = 'new.mentor@kenal.test';
    await h
      .http()
      .post('/api/v1/admin/users')
      .set(auth(await h.adminToken()))
      .send({ email, displayName: 'Prof Wirat', roles: ['mentor'] })
      .expect(201);
    const mail = await h.smtp.waitFor(email);
    expect(mail.text).toMatch(/role\(s\) mentor/);
    expect(mail.text).toMatch(/\/staff-invitations\//);
  });

  it('keeps a mentor profile, refusing bad input with field errors', async () => {
    const mine = await h
      .http()
      .get('/api/v1/me/mentor-profile')
      .set(auth(mentors[0].token))
      .expect(200);
    expect(mine.body).toMatchObject({
      sector: 'academia',
      expertise: { sdgs: [6, 14] },
      capacity: 2,
    });
    const bad = await h
      .http()
      .put('/api/v1/me/mentor-profile')
      .set(auth(mentors[0].token))
      .send(mentorProfile({ sector: 'lobbying', capacity: 11 }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'capacity',
      'sector',
    ]);
    const applicant = await h.register();
    await h
      .http()
      .put('/api/v1/me/mentor-profile')
      .set(auth(applicant.token))
      .send(mentorProfile())
      .expect(403);
  });

  it('opens a round on the awarded teams and adds mentors (422 NOT_ELIGIBLE without the role or a profile)', async () => {
    const created = await h
      .http()
      .post(`/api/v1/competitions/${competitionId}/mentoring-rounds`)
      .set(auth(coordinator.token))
      .send({
        name: 'Mentoring 2027',
        teams: { type: 'awarded' },
        mentorsPerTeam: 2,
        startsAt: new Date().toISOString(),
        endsAt: new Date(Date.now() + 90 * 86400_000).toISOString(),
      })
      .expect(201);
    roundId = created.body.id;
    expect(created.body).toMatchObject({ teamCount: 2, mentorCount: 0, mentorsPerTeam: 2 });

    const noRole = await h.register();
    const refused = await h
      .http()
      .post(`/api/v1/mentoring-rounds/${roundId}/mentors`)
      .set(auth(coordinator.token))
      .send({ userId: noRole.id });
    expect([refused.status, refused.body.code]).toEqual([422, 'NOT_ELIGIBLE']);
    const noProfile = await h.userWithRoles(['mentor']);
    const refused2 = await h
      .http()
      .post(`/api/v1/mentoring-rounds/${roundId}/mentors`)
      .set(auth(coordinator.token))
      .send({ userId: noProfile.id });
    expect([refused2.status, refused2.body.code]).toEqual([422, 'NOT_ELIGIBLE']);

    for (const mentor of mentors) {
      await h
        .http()
        .post(`/api/v1/mentoring-rounds/${roundId}/mentors`)
        .set(auth(coordinator.token))
        .send({ userId: mentor.id })
        .expect(201);
    }
    const round = await h
      .http()
      .get(`/api/v1/mentoring-rounds/${roundId}`)
      .set(auth(coordinator.token))
      .expect(200);
    expect(round.body.mentors).toHaveLength(3);
    expect(round.body.teamEntries.map((e: { teamName: string }) => e.teamName).sort()).toEqual([
      'Mekong Cleaners',
      'Reef Keepers',
    ]);
  });

  it('refuses a pin across an institution conflict', async () => {
    const res = await h
      .http()
      .post(`/api/v1/mentoring-rounds/${roundId}/rules`)
      .set(auth(coordinator.token))
      .send({ submissionId: teams[0].submissionId, mentorId: mentors[0].id, type: 'pin' });
    expect([res.status, res.body.code]).toEqual([422, 'INSTITUTION_CONFLICT']);
  });

  it('runs the matching job: two mentors per team, never across an institution conflict, reasons in words', async () => {
    const started = await h
      .http()
      .post(`/api/v1/mentoring-rounds/${roundId}/matching-runs`)
      .set(auth(coordinator.token))
      .expect(202);
    runId = started.body.id;
    let run: { status: string; stats?: { pairs: number; teamsShort: number } } = {
      status: 'queued',
    };
    await waitUntil('the mentoring run', async () => {
      run = (await h.http().get(`/api/v1/mentoring-runs/${runId}`).set(auth(coordinator.token)))
        .body;
      return ['succeeded', 'failed'].includes(run.status);
    });
    expect(run).toMatchObject({ status: 'succeeded', stats: { pairs: 4, teamsShort: 0 } });
    const matches = await h
      .http()
      .get(`/api/v1/mentoring-runs/${runId}/matches`)
      .set(auth(coordinator.token))
      .expect(200);
    expect(matches.body.total).toBe(4);
    const pairs = matches.body.items as {
      submissionId: string;
      mentor: { userId: string; sector: string };
      reasons: string[];
    }[];
    // Dr Achara is from a member's university (written differently): never that team's mentor.
    expect(
      pairs.some(
        (p) => p.submissionId === teams[0].submissionId && p.mentor.userId === mentors[0].id,
      ),
    ).toBe(false);
    for (const team of teams) {
      const sectors = pairs
        .filter((p) => p.submissionId === team.submissionId)
        .map((p) => p.mentor.sector);
      expect(new Set(sectors).size).toBe(2);
    }
    expect(pairs[0].reasons.join(' ')).toMatch(/Sustainable Development Goals: SDG 6 and SDG 14/);
  });

  it('publishes: every mentor and member gets an introduction by email and in-app, in their language', async () => {
    await h.db.query(`UPDATE users SET locale = 'th' WHERE id = $1`, [teams[1].members[1].id]);
    const res = await h
      .http()
      .post(`/api/v1/mentoring-runs/${runId}/publish`)
      .set(auth(coordinator.token))
      .expect(200);
    expect(res.body).toMatchObject({ mentorships: 4, introductions: 12 });
    const again = await h
      .http()
      .post(`/api/v1/mentoring-runs/${runId}/publish`)
      .set(auth(coordinator.token));
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_PUBLISHED']);

    const toMentor = await h.smtp.waitForSubject(mentors[1].email, /Meet your mentoring team/);
    expect(toMentor.text).toMatch(/What to do first/);
    expect(toMentor.text).not.toMatch(/@/); // names and countries, never addresses
    const member = teams[0].members[1];
    const toMember = await h.smtp.waitForSubject(member.email, /Meet your mentor/);
    expect(toMember.text).toMatch(/Ministry of Environment|ASEAN Secretariat/);
    const thai = await h.smtp.waitForSubject(teams[1].members[1].email, /ทำความรู้จักพี่เลี้ยงของคุณ/);
    expect(thai.text).toMatch(/สิ่งที่ต้องทำก่อน/);
    // The in-app entry is written with the delivery's mark, after the email went out.
    await waitUntil('the in-app introduction', async () =>
      (await h.inbox(member.token, 0, 0)).some((n) => n.type === 'mentoring.introduced_team'),
    );
  });

  it('shows mentors and teams their mentorships; check-ins by the pair only (403 for others)', async () => {
    const member = teams[0].members[0];
    const mine = await h.http().get('/api/v1/me/mentorships').set(auth(member.token)).expect(200);
    expect(mine.body).toHaveLength(2);
    expect(mine.body[0]).toMatchObject({
      as: 'team',
      team: { name: 'Mekong Cleaners' },
      status: 'active',
    });
    const mentorship = mine.body[0] as { id: string; mentor: { userId: string } };
    const mentor = mentors.find((x) => x.id === mentorship.mentor.userId)!;
    const theirs = await h.http().get('/api/v1/me/mentorships').set(auth(mentor.token)).expect(200);
    expect(
      theirs.body.some(
        (x: { id: string; as: string }) => x.id === mentorship.id && x.as === 'mentor',
      ),
    ).toBe(true);

    await h
      .http()
      .post(`/api/v1/mentorships/${mentorship.id}/check-ins`)
      .set(auth(mentor.token))
      .send({
        happenedOn: new Date().toISOString().slice(0, 10),
        summary: 'First call: the pilot',
        nextSteps: 'Ask two schools',
      })
      .expect(201);
    await h
      .http()
      .post(`/api/v1/mentorships/${mentorship.id}/check-ins`)
      .set(auth(member.token))
      .send({ happenedOn: new Date().toISOString().slice(0, 10), summary: 'Budget review' })
      .expect(201);
    const today = new Date().toISOString().slice(0, 10);
    const other = mentors.find((x) => x.id !== mentorship.mentor.userId)!;
    await h
      .http()
      .post(`/api/v1/mentorships/${mentorship.id}/check-ins`)
      .set(auth(other.token))
      .send({ happenedOn: today, summary: 'Not mine' })
      .expect(403);
    const outsider = await h.register();
    await h
      .http()
      .post(`/api/v1/mentorships/${mentorship.id}/check-ins`)
      .set(auth(outsider.token))
      .send({ happenedOn: today, summary: 'Not mine' })
      .expect(403);
    const future = await h
      .http()
      .post(`/api/v1/mentorships/${mentorship.id}/check-ins`)
      .set(auth(member.token))
      .send({ happenedOn: '2099-01-01', summary: 'Later' });
    expect(future.status).toBe(400);
  });

  it('gives the coordinator the round report, and reminds pairs silent for 30 days once', async () => {
    const report = await h
      .http()
      .get(`/api/v1/mentoring-rounds/${roundId}/report`)
      .set(auth(coordinator.token))
      .expect(200);
    expect(report.body).toMatchObject({ mentorships: 4, active: 4, checkIns: 2, silent: 0 });
    const withCheckIns = report.body.items.find(
      (i: { checkInCount: number }) => i.checkInCount === 2,
    );
    expect(withCheckIns.checkIns.map((c: { summary: string }) => c.summary).sort()).toEqual([
      'Budget review',
      'First call: the pilot',
    ]);

    await h.db.query(
      `UPDATE mentorships SET last_activity_at = now() - interval '31 days' WHERE round_id = $1 AND id <> $2`,
      [roundId, withCheckIns.mentorshipId],
    );
    const sweep = h.worker!.get(MentoringMaintenance);
    expect(await sweep.remindSilent()).toMatchObject({ reminded: 3 });
    expect(await sweep.remindSilent()).toMatchObject({ reminded: 0 });
    // Which mentors the solver gave the silent pairs depends on the run: ask, rather than assume.
    const [silent]: { email: string }[] = await h.db.query(
      `SELECT u.email FROM mentorships m JOIN users u ON u.id = m.mentor_id
        WHERE m.round_id = $1 AND m.id <> $2 LIMIT 1`,
      [roundId, withCheckIns.mentorshipId],
    );
    const silentMail = await h.smtp.waitForSubject(
      silent.email,
      /days since your last mentoring check-in/,
    );
    expect(silentMail.text).toMatch(/31 days/);
    const after = await h
      .http()
      .get(`/api/v1/mentoring-rounds/${roundId}/report`)
      .set(auth(coordinator.token))
      .expect(200);
    expect(after.body.silent).toBe(3);
  });

  it('exports a person’s mentoring, and erases a mentor who deletes their account', async () => {
    const member = teams[0].members[0];
    const exported = await h.http().get('/api/v1/me/export').set(auth(member.token)).expect(200);
    const data = JSON.parse(exported.text) as Record<string, unknown[]>;
    expect(data.mentorships).toHaveLength(2);
    expect((data.mentoringCheckIns as { summary: string }[]).map((c) => c.summary)).toEqual([
      'Budget review',
    ]);

    const leaving = mentors[2];
    const mine = (await h.http().get('/api/v1/me/mentorships').set(auth(leaving.token))).body as {
      id: string;
      project: { submissionId: string };
    }[];
    const ownExport = await h.http().get('/api/v1/me/export').set(auth(leaving.token)).expect(200);
    expect(JSON.parse(ownExport.text).mentorProfile).toMatchObject({ sector: 'international_org' });
    await h
      .http()
      .delete('/api/v1/me')
      .set(auth(leaving.token))
      .send({ password: leaving.password })
      .expect(202);
    expect(await h.count(`mentor_profiles WHERE user_id = '${leaving.id}'`)).toBe(0);
    expect(await h.count(`mentoring_round_mentors WHERE user_id = '${leaving.id}'`)).toBe(0);
    const ended: { status: string }[] = await h.db.query(
      `SELECT status FROM mentorships WHERE id = ANY($1::uuid[])`,
      [mine.map((x) => x.id)],
    );
    expect(ended.map((x) => x.status)).toEqual(mine.map(() => 'ended'));
    // The team still sees the ended mentorship, with no sector (null, as documented, not '').
    const team = teams.find((t) => t.submissionId === mine[0].project.submissionId)!;
    const seen = (
      await h.http().get('/api/v1/me/mentorships').set(auth(team.members[0].token)).expect(200)
    ).body as { mentor: { userId: string; organisation: string; sector: string | null } }[];
    expect(seen.find((x) => x.mentor.userId === leaving.id)?.mentor).toMatchObject({
      organisation: '',
      sector: null,
    });
  });

  it('forbids the coordinator routes to applicants and to mentors (403)', async () => {
    const applicant = teams[0].members[0];
    for (const token of [applicant.token, mentors[0].token]) {
      await h
        .http()
        .get(`/api/v1/competitions/${competitionId}/mentoring-rounds`)
        .set(auth(token))
        .expect(403);
      await h.http().get(`/api/v1/mentoring-rounds/${roundId}/report`).set(auth(token)).expect(403);
      await h
        .http()
        .post(`/api/v1/mentoring-rounds/${roundId}/matching-runs`)
        .set(auth(token))
        .expect(403);
      await h.http().get(`/api/v1/mentoring-runs/${runId}/matches`).set(auth(token)).expect(403);
    }
  });
});
