import { competition, type Person, programme, waitUntil } from './support/competitions';
import { auth, Harness } from './support/harness';
import {
  addJudge,
  assign,
  createRound,
  myAssignments,
  openRound,
  profiled,
  submittedEntry,
} from './support/judging';
import { sleep } from './support/wait';

const reminders = (h: Harness, who: Person) =>
  h.smtp.to(who.email).filter((m) => m.subject.includes('scores still open'));

/**
 * What the coordinator's judging pages read: their competitions, judges to add, the rounds of a
 * competition, a round's assignments (team names included: coordinators are not blind), and a
 * "remind now" that names judges, reminds only judges who may score, and is rate-limited.
 */
describe('judging: coordination routes (e2e)', () => {
  let h: Harness;
  let coordinator: Person;
  let otherCoordinator: Person;
  let applicant: Person;
  let judges: Person[];
  let competitionId: string;
  let roundId: string;

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    coordinator = await h.userWithRoles(['coordinator']);
    otherCoordinator = await h.userWithRoles(['coordinator']);
    applicant = await h.register();
    const programmeId = await programme(h, coordinator.token, 'judging-coordination');
    competitionId = (await competition(h, coordinator.token, programmeId)).id;
    judges = [];
    for (const [i, country] of ['BN', 'MM', 'LA'].entries()) {
      judges.push(await profiled(h, { name: `Quokka Judge ${i}`, country, roles: ['judge'] }));
    }
    for (const [i, country] of ['KR', 'TH'].entries()) {
      const leader = await profiled(h, { name: `Entrant ${i}`, country });
      await submittedEntry(h, competitionId, leader, [], `Team Wombat ${i}`, `Film ${i}`);
    }
    for (const j of judges) await addJudge(h, coordinator.token, competitionId, j.id);
    roundId = (await createRound(h, coordinator.token, competitionId, { judgesPerEntry: 3 })).id;
    await assign(h, coordinator.token, roundId);
    await openRound(h, coordinator.token, roundId);
  }, 90000);
  afterAll(() => h.stop());

  const get = (path: string, token: string) => h.http().get(`/api/v1${path}`).set(auth(token));

  it('lists the competitions a coordinator runs, and no other programme’s', async () => {
    const mine = await get('/judging/competitions', coordinator.token).expect(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({ id: competitionId, rounds: 1, judges: 3 }),
    ]);
    const theirs = await get('/judging/competitions', otherCoordinator.token).expect(200);
    expect(theirs.body.items.map((c: { id: string }) => c.id)).not.toContain(competitionId);
  });

  it('finds users with the judge role by name or email, and nobody else', async () => {
    const byName = await get('/judging/judge-candidates?q=quokka', coordinator.token).expect(200);
    expect(byName.body.items.map((c: { userId: string }) => c.userId).sort()).toEqual(
      judges.map((j) => j.id).sort(),
    );
    const byEmail = await get(
      `/judging/judge-candidates?q=${encodeURIComponent(judges[1].email)}`,
      coordinator.token,
    ).expect(200);
    expect(byEmail.body.items).toEqual([
      { userId: judges[1].id, displayName: 'Quokka Judge 1', email: judges[1].email },
    ]);
    const entrant = await get('/judging/judge-candidates?q=entrant', coordinator.token).expect(200);
    expect(entrant.body.items).toEqual([]);
    // A wildcard typed is a character, not a pattern.
    const pct = await get('/judging/judge-candidates?q=%25%25', coordinator.token).expect(200);
    expect(pct.body.items).toEqual([]);
    const short = await get('/judging/judge-candidates?q=q', coordinator.token).expect(400);
    expect(short.body.code).toBe('VALIDATION_FAILED');
  });

  it('lists the rounds of a competition and a round’s assignments with team names', async () => {
    const rounds = await get(`/competitions/${competitionId}/judging-rounds`, coordinator.token);
    expect(rounds.status).toBe(200);
    expect(rounds.body.items).toEqual([
      expect.objectContaining({ id: roundId, blind: true, status: 'open' }),
    ]);
    expect(rounds.body.items[0].assignment.status).toBe('succeeded');
    const list = await get(`/judging-rounds/${roundId}/assignments`, coordinator.token).expect(200);
    expect(list.body.items).toHaveLength(6);
    expect(new Set(list.body.items.map((a: { teamName: string }) => a.teamName))).toEqual(
      new Set(['Team Wombat 0', 'Team Wombat 1']),
    );
    expect(list.body.items[0]).toEqual(
      expect.objectContaining({ judgeName: expect.stringMatching(/^Quokka Judge/) }),
    );
  });

  it('refuses these routes to applicants, judges and other programmes’ coordinators', async () => {
    const byProgramme = [
      `/competitions/${competitionId}/judging-rounds`,
      `/judging-rounds/${roundId}/assignments`,
    ];
    for (const path of byProgramme) {
      for (const token of [applicant.token, judges[0].token, otherCoordinator.token]) {
        expect({ path, status: (await get(path, token)).status }).toEqual({ path, status: 403 });
      }
    }
    for (const path of ['/judging/competitions', '/judging/judge-candidates?q=quokka']) {
      for (const token of [applicant.token, judges[0].token]) {
        expect({ path, status: (await get(path, token)).status }).toEqual({ path, status: 403 });
      }
    }
    const before = reminders(h, judges[0]).length;
    for (const token of [applicant.token, judges[0].token, otherCoordinator.token]) {
      await h
        .http()
        .post(`/api/v1/judging-rounds/${roundId}/remind`)
        .set(auth(token))
        .send({})
        .expect(403);
    }
    await sleep(300);
    expect(reminders(h, judges[0])).toHaveLength(before);
  });

  it('reminds only the judges named, never one on hold or without the judge role, and limits the calls', async () => {
    const [named, onHold, demoted] = judges;
    // Judge 1 declares a conflict: on hold until applied. Judge 2 loses the judge role.
    await h
      .http()
      .post(`/api/v1/competitions/${competitionId}/judges/me/conflicts`)
      .set(auth(onHold.token))
      .send({ institutions: ['Nowhere Academy'] })
      .expect(200);
    expect((await myAssignments(h, onHold)).map((a) => a.access)).toEqual([
      'conflict_review',
      'conflict_review',
    ]);
    await h.db.query(`UPDATE users SET roles = '{applicant}' WHERE id = $1`, [demoted.id]);
    const before = judges.map((j) => reminders(h, j).length);

    const all = await h
      .http()
      .post(`/api/v1/judging-rounds/${roundId}/remind`)
      .set(auth(coordinator.token))
      .expect(200);
    expect(all.body).toEqual({ reminded: 1 });
    await waitUntil('the reminder', async () => reminders(h, named).length > before[0]);

    const some = await h
      .http()
      .post(`/api/v1/judging-rounds/${roundId}/remind`)
      .set(auth(coordinator.token))
      .send({ judgeIds: [onHold.id, demoted.id] })
      .expect(200);
    expect(some.body).toEqual({ reminded: 0 });
    await sleep(500);
    expect(reminders(h, onHold)).toHaveLength(before[1]);
    expect(reminders(h, demoted)).toHaveLength(before[2]);

    const bad = await h
      .http()
      .post(`/api/v1/judging-rounds/${roundId}/remind`)
      .set(auth(coordinator.token))
      .send({ judgeIds: ['not-a-uuid'] })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');

    const audit = await h.db.query(
      `SELECT details FROM audit_events WHERE action = 'judging_round.reminded' AND target_id = $1
        ORDER BY created_at`,
      [roundId],
    );
    expect(audit.map((a: { details: { reminded: number } }) => a.details.reminded)).toEqual([1, 0]);

    // Five calls an hour: two counted so far (bad input is refused before the route counts),
    // three more pass, the next is refused.
    const remind = () =>
      h
        .http()
        .post(`/api/v1/judging-rounds/${roundId}/remind`)
        .set(auth(coordinator.token))
        .send({ judgeIds: [named.id] });
    for (let i = 0; i < 3; i += 1) expect((await remind()).status).toBe(200);
    const limited = await remind();
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(limited.headers['retry-after']).toBeDefined();
  });
});
