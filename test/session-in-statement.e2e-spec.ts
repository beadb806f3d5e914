import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { competition, person, Person, programme } from './support/competitions';
import { auth, Harness } from './support/harness';
import { addJudge, createRound, myAssignments, profiled, submittedEntry } from './support/judging';
import { closedPenpalRound } from './support/penpal';

/**
 * GET /me, GET /me/penpals, GET /submissions/{id}, GET /me/assignments (judges only) and the letter
 * write (POST /penpal-matches/{id}/letters, issue 13) check the caller's session inside their own
 * statement (@SessionInStatement, issue 14), not through the guard's separate read: a logout, a
 * deleted account, a role taken away and an email address proved show on the very next request,
 * answered as a route the guard checks (GET /me/submissions) answers them; a refused write writes
 * nothing.
 */
describe('routes that check their session in their own statement (e2e)', () => {
  let h: Harness;
  let coordinator: Person;
  let submissionId: string;
  let member: Person;
  let judge: Person;
  let assignmentId: string;
  let roundId: string;

  const folded = () => ['/me', '/me/penpals', `/submissions/${submissionId}`];
  /** With the judges' route: every caller is refused it alike once their session is gone. */
  const allFolded = () => [...folded(), '/me/assignments'];
  const makeJudge = (p: Person) =>
    h.db.query(`UPDATE users SET roles = array_append(roles, 'judge') WHERE id = $1`, [p.id]);
  /** An administrator leaves them only the applicant role (their sessions stay open). */
  const demote = async (p: Person) =>
    h
      .http()
      .put(`/api/v1/admin/users/${p.id}/roles`)
      .set(auth(await h.adminToken()))
      .send({ roles: ['applicant'] })
      .expect(200);
  /** What the judges' route answered a caller without the role before it checked its own session. */
  const notAJudge = {
    status: 403,
    code: 'FORBIDDEN',
    detail: 'This needs one of the roles: judge',
  };
  const get = (path: string, token: string) => h.http().get(`/api/v1${path}`).set(auth(token));
  /** What the guard answers the same token on a route it checks itself. */
  const guardSays = async (token: string) => {
    const res = await get('/me/submissions', token);
    return { status: res.status, code: res.body.code, detail: res.body.detail };
  };
  const answer = async (path: string, token: string) => {
    const res = await get(path, token);
    return { status: res.status, code: res.body.code, detail: res.body.detail };
  };
  const write = (matchId: string, token: string) =>
    h
      .http()
      .post(`/api/v1/penpal-matches/${matchId}/letters`)
      .set(auth(token))
      .send({ body: 'Hello from Seoul' });
  const writeAnswer = async (matchId: string, token: string) => {
    const res = await write(matchId, token);
    return { status: res.status, code: res.body.code, detail: res.body.detail };
  };
  /** Two pen pals of an accepted match (as both accepting it leaves it) in a round without delay. */
  const penpals = async (): Promise<[Person, Person, string]> => {
    const [a, b] = [await person(h, 'KR'), await person(h, 'VN')];
    const id = randomUUID();
    await h.db.query(
      `INSERT INTO penpal_matches (id, run_id, round_id, user_a, country_a, user_b, country_b,
                                   score, reasons, status, response_a, response_b)
       VALUES ($1, $2, $3, $4, 'KR', $5, 'VN', 80, '{}', 'accepted', 'accepted', 'accepted')`,
      [id, randomUUID(), roundId, a.id, b.id],
    );
    return [a, b, id];
  };
  const lettersOn = async (matchId: string) =>
    (
      (await h.db.query('SELECT count(*)::int AS n FROM letters WHERE match_id = $1', [
        matchId,
      ])) as { n: number }[]
    )[0].n;

  beforeAll(async () => {
    h = await Harness.start();
    coordinator = await h.userWithRoles(['coordinator']);
    const programmeId = await programme(h, coordinator.token, 'folded');
    const competitionId = (await competition(h, coordinator.token, programmeId)).id;
    member = await person(h, 'KR');
    const entry = await h
      .http()
      .post(`/api/v1/competitions/${competitionId}/submissions`)
      .set(auth(member.token))
      .send({ title: 'Ours' })
      .expect(201);
    submissionId = entry.body.id;

    judge = await profiled(h, { name: 'Judge Folded', country: 'PH', roles: ['judge'] });
    const leader = await profiled(h, { name: 'Lee Folded', country: 'KR' });
    const judged = await submittedEntry(h, competitionId, leader, [], 'Folders', 'Judged');
    await addJudge(h, coordinator.token, competitionId, judge.id);
    const judgingRoundId = (
      await createRound(h, coordinator.token, competitionId, { judgesPerEntry: 1 })
    ).id;
    assignmentId = (
      await h
        .http()
        .post(`/api/v1/judging-rounds/${judgingRoundId}/assignments/manual`)
        .set(auth(coordinator.token))
        .send({ judgeId: judge.id, submissionId: judged.submissionId })
        .expect(201)
    ).body.id;
    roundId = await closedPenpalRound(h, coordinator.token, programmeId);
  }, 60000);
  afterAll(() => h.stop());

  it('checks the session in the same statement that reads the data: one round trip, not two', async () => {
    // The API runs in this process: every statement it sends passes through pg's Client.query.
    const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const query = proto.query;
    const sent: string[] = [];
    proto.query = function (this: Client, ...args: unknown[]) {
      const q = args[0] as string | { text?: string };
      sent.push(typeof q === 'string' ? q : (q.text ?? ''));
      return query.apply(this, args);
    };
    try {
      for (const [path, table, token] of [
        ['/me', 'profiles', member.token],
        ['/me/penpals', 'penpal_matches', member.token],
        [`/submissions/${submissionId}`, 'submissions', member.token],
        ['/me/assignments', 'judge_assignments', judge.token],
      ]) {
        sent.length = 0;
        await get(path, token).expect(200);
        const checks = sent.filter((t) => /\bauth_sessions\b/.test(t));
        expect(checks).toHaveLength(1);
        expect(checks[0]).toMatch(new RegExp(`\\b${table}\\b`));
      }
      // The write: one statement checks the session and reads the match, before the letter is
      // written (and nothing before it reads either).
      const [writer, , matchId] = await penpals();
      sent.length = 0;
      await write(matchId, writer.token).expect(201);
      const checks = sent.filter((t) => /\bauth_sessions\b/.test(t));
      expect(checks).toHaveLength(1);
      expect(checks[0]).toMatch(/\bpenpal_matches\b/);
      const writeAt = sent.findIndex((t) => /\bkenal_write_letter\b/.test(t));
      expect(writeAt).toBeGreaterThan(0);
      expect(sent.findIndex((t) => t === checks[0])).toBe(0);
    } finally {
      proto.query = query;
    }
  });

  it('answers a logged-out session 401 on the next request, as the guard does; other sessions go on', async () => {
    const second = await h.login(member.email, member.password);
    for (const path of folded()) await get(path, second).expect(200);
    expect((await get('/me', second)).body).toMatchObject({ id: member.id, email: member.email });
    expect((await get(`/submissions/${submissionId}`, second)).body.title).toBe('Ours');

    await h.http().post('/api/v1/auth/logout').set(auth(second)).send({}).expect(204);
    const guard = await guardSays(second);
    expect(guard).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
      detail: 'The access token is invalid or expired',
    });
    for (const path of folded()) expect(await answer(path, second)).toEqual(guard);
    for (const path of folded()) await get(path, member.token).expect(200);
  });

  it("answers a judge's logged-out session 401 on the next request, not their assignments", async () => {
    const second = await h.login(judge.email, judge.password);
    const before = await get('/me/assignments', second).expect(200);
    expect(before.body.map((a: { id: string }) => a.id)).toEqual([assignmentId]);

    await h.http().post('/api/v1/auth/logout').set(auth(second)).send({}).expect(204);
    const guard = await guardSays(second);
    expect(guard.status).toBe(401);
    expect(await answer('/me/assignments', second)).toEqual(guard);
    expect((await myAssignments(h, judge)).map((a) => a.id)).toEqual([assignmentId]);

    // A caller without the role is refused 403 while signed in, 401 once signed out, as before.
    const third = await h.login(member.email, member.password);
    expect(await answer('/me/assignments', third)).toEqual(notAJudge);
    await h.http().post('/api/v1/auth/logout').set(auth(third)).send({}).expect(204);
    expect(await answer('/me/assignments', third)).toEqual(guard);
  });

  it('takes the judge role away on the next request: 403, no assignment sent; given back, at once', async () => {
    const withRole = await get('/me/assignments', judge.token).expect(200);
    expect(withRole.text).toContain(assignmentId);
    await demote(judge);
    expect(await answer('/me/assignments', judge.token)).toEqual(notAJudge);
    const refused = await get('/me/assignments', judge.token);
    expect(refused.text).not.toContain(assignmentId);
    expect(refused.text).not.toContain('Judged');
    // The guard answers a judges' route it checks itself the same.
    const asset = await get(`/assignments/${assignmentId}/assets/${assignmentId}`, judge.token);
    expect([asset.status, asset.body.code, asset.body.detail]).toEqual([
      notAJudge.status,
      notAJudge.code,
      notAJudge.detail,
    ]);

    await h.db.query(`UPDATE users SET roles = '{judge}' WHERE id = $1`, [judge.id]);
    expect((await myAssignments(h, judge)).map((a) => a.id)).toEqual([assignmentId]);
  });

  it('refuses a letter from a logged-out session on the next request, writing nothing; other sessions go on', async () => {
    const [writer, , matchId] = await penpals();
    const second = await h.login(writer.email, writer.password);
    await write(matchId, second).expect(201);
    await h.http().post('/api/v1/auth/logout').set(auth(second)).send({}).expect(204);
    const [letters, notices] = [await lettersOn(matchId), await h.count('outbox_messages')];
    const guard = await guardSays(second);
    expect(guard.status).toBe(401);
    expect(await writeAnswer(matchId, second)).toEqual(guard);
    expect(await lettersOn(matchId)).toBe(letters);
    expect(await h.count('outbox_messages')).toBe(notices);
    await write(matchId, writer.token).expect(201);
    expect(await lettersOn(matchId)).toBe(letters + 1);
  });

  it('answers no token, a forged token and a garbled one 401 as the guard does', async () => {
    const [head, body] = member.token.split('.');
    const [, , matchId] = await penpals();
    for (const token of [`${head}.${body}.${'A'.repeat(43)}`, 'garbled', '']) {
      const guard = await guardSays(token);
      expect(guard.status).toBe(401);
      for (const path of allFolded()) expect(await answer(path, token)).toEqual(guard);
      expect(await writeAnswer(matchId, token)).toEqual(guard);
    }
    expect(await lettersOn(matchId)).toBe(0);
    const none = await h.http().get('/api/v1/me/submissions');
    for (const path of allFolded()) {
      const res = await h.http().get(`/api/v1${path}`);
      expect([res.status, res.body.code, res.body.detail]).toEqual([
        none.status,
        none.body.code,
        none.body.detail,
      ]);
      expect(res.status).toBe(401);
    }
  });

  it('answers a deleted account 401 on the next request', async () => {
    const [leaving, , matchId] = await penpals();
    await makeJudge(leaving);
    for (const path of ['/me', '/me/penpals', '/me/assignments']) {
      await get(path, leaving.token).expect(200);
    }
    await h
      .http()
      .delete('/api/v1/me')
      .set(auth(leaving.token))
      .send({ password: leaving.password })
      .expect(202);
    const guard = await guardSays(leaving.token);
    expect(guard.status).toBe(401);
    for (const path of allFolded()) expect(await answer(path, leaving.token)).toEqual(guard);
    expect(await writeAnswer(matchId, leaving.token)).toEqual(guard);
    expect(await lettersOn(matchId)).toBe(0);
  });

  it('a deleted account with its sessions still open (no revocation) is refused too', async () => {
    // The statement checks the account itself, not only the session (users.deleted_at).
    const [gone, , matchId] = await penpals();
    await makeJudge(gone);
    await get('/me', gone.token).expect(200);
    await get('/me/assignments', gone.token).expect(200);
    await write(matchId, gone.token).expect(201);
    await h.db.query('UPDATE users SET deleted_at = now() WHERE id = $1', [gone.id]);
    const guard = await guardSays(gone.token);
    expect(guard.status).toBe(401);
    for (const path of allFolded()) expect(await answer(path, gone.token)).toEqual(guard);
    // The match is still accepted (nothing but the account changed): the write refuses all the same.
    expect(await writeAnswer(matchId, gone.token)).toEqual(guard);
    expect(await lettersOn(matchId)).toBe(1);
  });

  it('takes a role away on the next request: an admin demoted no longer reads the entry', async () => {
    const admin = await h.userWithRoles(['admin']);
    const outsider = await h.register();
    const outsiderSays = await answer(`/submissions/${submissionId}`, outsider.token);
    expect(outsiderSays).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    await get(`/submissions/${submissionId}`, admin.token).expect(200);
    expect((await get('/me', admin.token)).body.roles).toEqual(['admin']);

    await demote(admin);
    expect(await answer(`/submissions/${submissionId}`, admin.token)).toEqual(outsiderSays);
    expect((await get('/me', admin.token)).body.roles).toEqual(['applicant']);

    // And a role given shows at once too: the coordinator of the programme reads the entry.
    await h.db.query(`UPDATE users SET roles = '{applicant}' WHERE id = $1`, [coordinator.id]);
    expect(await answer(`/submissions/${submissionId}`, coordinator.token)).toEqual(outsiderSays);
    await h.db.query(`UPDATE users SET roles = '{coordinator}' WHERE id = $1`, [coordinator.id]);
    await get(`/submissions/${submissionId}`, coordinator.token).expect(200);
  });

  it('shows an address proved on the next request, and the verified-email rule still holds elsewhere', async () => {
    const fresh = await h.register({ verified: false });
    expect((await get('/me', fresh.token).expect(200)).body.emailVerified).toBe(false);
    await get('/me/penpals', fresh.token).expect(200);
    const enrol = await h
      .http()
      .post(`/api/v1/submissions/${submissionId}/submit`)
      .set(auth(fresh.token));
    expect([enrol.status, enrol.body.code]).toEqual([403, 'EMAIL_UNVERIFIED']);
    await h.db.query('UPDATE users SET email_verified_at = now() WHERE id = $1', [fresh.id]);
    expect((await get('/me', fresh.token).expect(200)).body.emailVerified).toBe(true);
  });
});
