import { RANKING_FORMULA } from '../src/judging/ranking';
import { competition, type Person, programme } from './support/competitions';
import { auth, Harness } from './support/harness';
import {
  addJudge,
  assign,
  createRound,
  myAssignments,
  openRound,
  profiled,
  submittedEntry,
  replacedBy,
} from './support/judging';

/** Pool → round → assignment job → blind scoring → recusal → ranking → shortlist → results. */
describe('judging: the whole flow (e2e)', () => {
  let h: Harness;
  let coordinator: Person;
  let judges: Person[];
  let competitionId: string;
  const entries: { teamId: string; submissionId: string; members: Person[] }[] = [];

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    coordinator = await h.userWithRoles(['coordinator']);
    const programmeId = await programme(h, coordinator.token, 'judging-flow');
    competitionId = (await competition(h, coordinator.token, programmeId)).id;
    judges = [
      await profiled(h, {
        name: 'Judge One',
        country: 'KR',
        institution: 'Seoul National University',
        roles: ['judge'],
      }),
      await profiled(h, {
        name: 'Judge Two',
        country: 'VN',
        institution: 'Hanoi University',
        roles: ['judge'],
      }),
      await profiled(h, {
        name: 'Judge Three',
        country: 'TH',
        institution: 'Chulalongkorn University',
        roles: ['judge'],
      }),
      await profiled(h, {
        name: 'Judge Four',
        country: 'KR',
        institution: 'KAIST',
        roles: ['judge'],
      }),
    ];
    const teams: [string, string, [string, string, string?][]][] = [
      [
        'Han River Crew',
        'Two Rivers',
        [
          ['Kim Minji', 'KR', 'seoul  national university'],
          ['Somchai Dee', 'TH'],
        ],
      ],
      [
        'Mekong Makers',
        'Night Market',
        [
          ['Park Jisoo', 'KR'],
          ['Tran Binh', 'VN'],
        ],
      ],
      [
        'Java Lens',
        'Rice Terraces',
        [
          ['Siti Rahma', 'ID'],
          ['Lee Hana', 'KR'],
        ],
      ],
      [
        'Straits Films',
        'Harbour Lights',
        [
          ['Aisyah Tan', 'MY'],
          ['Wei Ling', 'SG'],
        ],
      ],
    ];
    for (const [teamName, title, people] of teams) {
      const members: Person[] = [];
      for (const [name, country, institution] of people) {
        members.push(await profiled(h, { name, country, institution }));
      }
      const e = await submittedEntry(
        h,
        competitionId,
        members[0],
        members.slice(1),
        teamName,
        title,
      );
      entries.push({ ...e, members });
    }
  }, 60000);
  afterAll(() => h.stop());

  const get = (path: string, token = coordinator.token) =>
    h.http().get(`/api/v1${path}`).set(auth(token));

  it('builds a pool of judges with declared and detected conflicts, and tells each judge', async () => {
    const outsider = await h.register();
    const refused = await h
      .http()
      .post(`/api/v1/competitions/${competitionId}/judges`)
      .set(auth(coordinator.token))
      .send({ userId: outsider.id });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('NOT_A_JUDGE');

    await addJudge(h, coordinator.token, competitionId, judges[0].id, {
      expertise: ['short_movie'],
    });
    await addJudge(h, coordinator.token, competitionId, judges[1].id, {
      conflicts: { teamIds: [entries[1].teamId] },
    });
    await addJudge(h, coordinator.token, competitionId, judges[2].id);
    await addJudge(h, coordinator.token, competitionId, judges[3].id);
    const again = await h
      .http()
      .post(`/api/v1/competitions/${competitionId}/judges`)
      .set(auth(coordinator.token))
      .send({ userId: judges[3].id });
    expect(again.status).toBe(409);

    // Judge Three knows the Malaysian entrant and says so.
    const own = await h
      .http()
      .post(`/api/v1/competitions/${competitionId}/judges/me/conflicts`)
      .set(auth(judges[2].token))
      .send({ countries: ['MY'] })
      .expect(200);
    expect(own.body.conflicts.countries).toEqual(['MY']);

    const pool = await get(`/competitions/${competitionId}/judges`).expect(200);
    const byUser = new Map(pool.body.items.map((j: { userId: string }) => [j.userId, j]));
    const detected = (i: number) =>
      (byUser.get(judges[i].id) as { detectedConflicts: { teamId: string; kinds: string[] }[] })
        .detectedConflicts;
    expect(detected(0)).toEqual([
      expect.objectContaining({ teamId: entries[0].teamId, kinds: ['shared_institution'] }),
    ]);
    expect(detected(1)).toEqual([
      expect.objectContaining({ teamId: entries[1].teamId, kinds: ['declared_team'] }),
    ]);
    expect(detected(2)).toEqual([
      expect.objectContaining({ teamId: entries[3].teamId, kinds: ['declared_country'] }),
    ]);
    expect(detected(3)).toEqual([]);

    const mail = await h.smtp.waitFor(judges[0].email);
    expect(mail.subject).toContain('You are a judge');
  });

  let roundId: string;

  it('assigns every entry exactly two unconflicted judges with balanced loads, as a job', async () => {
    roundId = (await createRound(h, coordinator.token, competitionId, { blind: true })).id;
    const { round } = await assign(h, coordinator.token, roundId);
    expect(round.assignment.status).toBe('succeeded');
    const loads = (round.assignment as unknown as { perJudgeLoad: { load: number }[] })
      .perJudgeLoad;
    expect(loads.map((l) => l.load)).toEqual([2, 2, 2, 2]);
    expect((round.assignment as unknown as { unassigned: unknown[] }).unassigned).toEqual([]);

    const rows: { judge_id: string; submission_id: string }[] = await h.db.query(
      `SELECT judge_id, submission_id FROM judge_assignments WHERE round_id = $1 AND status = 'active'`,
      [roundId],
    );
    const forbidden = new Set([
      `${judges[0].id}:${entries[0].submissionId}`,
      `${judges[1].id}:${entries[1].submissionId}`,
      `${judges[2].id}:${entries[3].submissionId}`,
    ]);
    for (const e of entries) {
      expect(rows.filter((r) => r.submission_id === e.submissionId)).toHaveLength(2);
    }
    for (const r of rows) expect(forbidden.has(`${r.judge_id}:${r.submission_id}`)).toBe(false);

    await h.smtp.waitForSubject(judges[3].email, /2 entries to judge/);

    // A top-up with nothing missing keeps everything and adds nothing.
    const again = await assign(h, coordinator.token, roundId);
    expect((again.round.assignment as unknown as { added: number }).added).toBe(0);
    expect(await h.count('judge_assignments')).toBe(8);
  });

  it('gives the judge what the score sheet needs: the rubric, the competition and its time zone', async () => {
    const [first] = await myAssignments(h, judges[3]);
    const one = await get(`/assignments/${first.id}`, judges[3].token).expect(200);
    for (const view of [first, one.body]) {
      expect(view).toMatchObject({
        competitionId,
        competitionTitle: 'Short Movies 2027',
        timezone: 'Asia/Jakarta',
        rubric: [
          { key: 'story', label: 'Story', weight: 2, min: 0, max: 10 },
          { key: 'craft', label: 'Craft', weight: 1, min: 0, max: 10 },
        ],
      });
    }
  });

  it('takes scores only while the round is open, inside the scale, and locks a final score', async () => {
    const [first] = await myAssignments(h, judges[3]);
    const put = (body: object, token = judges[3].token) =>
      h.http().put(`/api/v1/assignments/${first.id}/score`).set(auth(token)).send(body);

    expect((await put({ scores: { story: 5 }, final: false })).status).toBe(409); // still a draft round
    await openRound(h, coordinator.token, roundId);

    const bad = [
      { scores: { story: 11 }, final: false },
      { scores: { pace: 3 }, final: false },
      { scores: { story: '7' }, final: false },
      { scores: { story: 7 }, final: true },
      { scores: { story: 7, craft: 7 }, final: false, extra: 1 },
      { scores: { story: 7, craft: 7 }, final: false, comment: 'x'.repeat(5001) },
    ];
    for (const body of bad) {
      const res = await put(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    const unchanged = await h.db.query(
      `SELECT score_version FROM judge_assignments WHERE id = $1`,
      [first.id],
    );
    expect(unchanged[0].score_version).toBe(0);

    const draft = await put({ scores: { story: 6 }, comment: 'Promising', final: false }).expect(
      200,
    );
    expect(draft.body.score).toMatchObject({ state: 'draft', version: 1, comment: 'Promising' });
    // Two tabs: the second one edits version 0 and is refused rather than overwriting.
    const stale = await put({ scores: { story: 9 }, final: false, version: 0 });
    expect(stale.status).toBe(409);
    // Five tabs save version 1 at once: one wins, the others are refused, none is lost unseen.
    const racing = await Promise.all(
      [3, 4, 5, 6, 7].map((story) => put({ scores: { story }, final: false, version: 1 })),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const winner = racing.find((r) => r.status === 200)!.body as { score: { scores: object } };
    // Saves without a version at once all land, one after the other.
    const unversioned = await Promise.all(
      [1, 2, 3].map((craft) => put({ scores: { story: 5, craft }, final: false })),
    );
    expect(unversioned.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(
      unversioned.map((r) => (r.body as { score: { version: number } }).score.version).sort(),
    ).toEqual([3, 4, 5]);
    const saved = await h.db.query(
      `SELECT score_version, scores FROM judge_assignments WHERE id = $1`,
      [first.id],
    );
    expect(saved[0].score_version).toBe(5);
    expect(winner.score.scores).not.toEqual(saved[0].scores);
    await h
      .http()
      .put(`/api/v1/assignments/${first.id}/score`)
      .set(auth(judges[3].token))
      .set('If-Match', '"5"')
      .send({ scores: { story: 7, craft: 8 }, final: true })
      .expect(200);
    const locked = await put({ scores: { story: 1, craft: 1 }, final: true });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('SCORE_FINAL');

    // Another judge cannot score or read it.
    expect((await put({ scores: { story: 1 }, final: false }, judges[0].token)).status).toBe(403);
    expect((await get(`/assignments/${first.id}`, judges[0].token)).status).toBe(403);

    const competitionRow = await get(`/competitions/${competitionId}`).expect(200);
    expect(competitionRow.body.rubricLocked).toBe(true);
  });

  it('replaces a recusing judge with another unconflicted one and tells the coordinator', async () => {
    const mine = await myAssignments(h, judges[1]);
    const target = mine.find((a) => a.score.state === 'none')!;
    const before = h.smtp.to(coordinator.email).length;
    const res = await h
      .http()
      .post(`/api/v1/assignments/${target.id}/recuse`)
      .set(auth(judges[1].token))
      .send({ reason: 'I taught one of them last year' })
      .expect(200);
    expect(res.body).toEqual({
      id: target.id,
      status: 'recused',
      reassignment: { status: 'queued', jobIds: [expect.any(String)] },
    });
    expect(await replacedBy(h, res.body.reassignment.jobIds)).toBe(1);

    const active: { judge_id: string }[] = await h.db.query(
      `SELECT judge_id FROM judge_assignments WHERE submission_id = $1 AND round_id = $2 AND status = 'active'`,
      [target.submission.id, roundId],
    );
    expect(active).toHaveLength(2);
    expect(active.map((a) => a.judge_id)).not.toContain(judges[1].id);
    const mail = await h.smtp.waitFor(coordinator.email, before + 1);
    expect(mail.subject).toContain('A judge recused');
    expect(mail.text).toContain('I taught one of them last year');
    expect((await myAssignments(h, judges[1])).map((a) => a.id)).not.toContain(target.id);

    // Recused is final: the pair is never made again, by hand or by a top-up.
    const judgeRow = { judgeId: judges[1].id, submissionId: target.submission.id };
    const manual = await h
      .http()
      .post(`/api/v1/judging-rounds/${roundId}/assignments/manual`)
      .set(auth(coordinator.token))
      .send(judgeRow);
    expect(manual.status).toBe(409);
  });

  it('lets the coordinator add and remove one assignment by hand, never a conflicted one', async () => {
    const conflicted = await h
      .http()
      .post(`/api/v1/judging-rounds/${roundId}/assignments/manual`)
      .set(auth(coordinator.token))
      .send({ judgeId: judges[0].id, submissionId: entries[0].submissionId });
    expect(conflicted.status).toBe(409);
    expect(conflicted.body.code).toBe('CONFLICT_OF_INTEREST');

    const free: { submission_id: string }[] = await h.db.query(
      `SELECT s.id AS submission_id FROM submissions s
        WHERE s.competition_id = $1 AND NOT EXISTS (
          SELECT 1 FROM judge_assignments a WHERE a.submission_id = s.id AND a.judge_id = $2 AND a.round_id = $3)
        ORDER BY s.id LIMIT 1`,
      [competitionId, judges[3].id, roundId],
    );
    const added = await h
      .http()
      .post(`/api/v1/judging-rounds/${roundId}/assignments/manual`)
      .set(auth(coordinator.token))
      .send({ judgeId: judges[3].id, submissionId: free[0].submission_id })
      .expect(201);
    expect(added.body).toMatchObject({ status: 'active', origin: 'manual' });
    const removed = await h
      .http()
      .delete(`/api/v1/assignments/${added.body.id}`)
      .set(auth(coordinator.token))
      .expect(200);
    expect(removed.body.status).toBe('removed');
  });

  it('reports the entries it cannot cover, and why', async () => {
    const wide = await createRound(h, coordinator.token, competitionId, {
      name: 'Everyone on everything',
      judgesPerEntry: 4,
    });
    const { round } = await assign(h, coordinator.token, wide.id);
    const unassigned = (round.assignment as unknown as { unassigned: Record<string, unknown>[] })
      .unassigned;
    const expected = [entries[0], entries[1], entries[3]].map((e) => e.submissionId).sort();
    expect(unassigned.map((u) => u.entryId)).toEqual(expected);
    for (const u of unassigned) {
      expect(u).toMatchObject({ assigned: 3, needed: 4, cause: 'conflicts' });
      expect(u.reason).toEqual(expect.stringContaining('3 of 4'));
    }
  });

  it('shows progress, ranks with the published formula, exports every score, and shortlists', async () => {
    // Every judge finishes: scores follow the entries' order so the ranking is predictable.
    const quality = new Map(entries.map((e, i) => [e.submissionId, 9 - i * 2]));
    for (const judge of judges) {
      for (const a of (await myAssignments(h, judge)).filter((x) => x.roundId === roundId)) {
        if (a.score.state === 'final') continue;
        const q = quality.get(a.submission.id)!;
        await h
          .http()
          .put(`/api/v1/assignments/${a.id}/score`)
          .set(auth(judge.token))
          .send({
            scores: { story: q, craft: q },
            comment: `Notes on quality ${q}`,
            final: true,
          })
          .expect(200);
      }
    }
    const progress = await get(`/judging-rounds/${roundId}/progress`).expect(200);
    expect(progress.body.entries).toHaveLength(4);
    for (const e of progress.body.entries)
      expect(e).toMatchObject({ assigned: 2, final: 2, needed: 2 });
    const totalFinal = progress.body.judges.reduce(
      (n: number, j: { final: number }) => n + j.final,
      0,
    );
    expect(totalFinal).toBe(8);

    const ranking = await get(`/judging-rounds/${roundId}/ranking`).expect(200);
    expect(ranking.body.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(ranking.body[0]).toMatchObject({ submissionId: entries[0].submissionId, judgeCount: 2 });
    for (const row of ranking.body) {
      expect(Object.keys(row).sort()).toEqual(
        expect.arrayContaining(['submissionId', 'title', 'rank', 'score', 'rawMean', 'judgeCount']),
      );
    }

    const csv = await get(`/judging-rounds/${roundId}/ranking?format=csv`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines).toHaveLength(1 + 8);
    expect(lines[0]).toContain('story,craft');
    expect(csv.text).toContain('Judge 1');
    expect(csv.text).toContain('Notes on quality 9');
    expect(csv.text).not.toContain('Judge One'); // judges are numbered in a blind round

    const docs = await h.http().get('/api/docs-json').expect(200);
    const op = docs.body.paths['/api/v1/judging-rounds/{id}/ranking'].get;
    expect(op.description).toContain(RANKING_FORMULA);

    const shortlist = await h
      .http()
      .post(`/api/v1/judging-rounds/${roundId}/shortlist`)
      .set(auth(coordinator.token))
      .send({ top: 2 })
      .expect(200);
    expect(shortlist.body.shortlist).toEqual([entries[0].submissionId, entries[1].submissionId]);
    const statuses: { status: string }[] = await h.db.query(
      `SELECT status FROM submissions WHERE id = ANY($1::uuid[])`,
      [shortlist.body.shortlist],
    );
    expect(statuses.map((s) => s.status)).toEqual(['shortlisted', 'shortlisted']);
  });

  it('runs a final round on the shortlist, then records and publishes the results', async () => {
    await h
      .http()
      .patch(`/api/v1/judging-rounds/${roundId}`)
      .set(auth(coordinator.token))
      .send({ status: 'closed' })
      .expect(200);
    const final = await createRound(h, coordinator.token, competitionId, {
      name: 'Final',
      blind: false,
      judgesPerEntry: 1,
      source: { type: 'shortlist', roundId },
    });
    const { round } = await assign(h, coordinator.token, final.id);
    const loads = (round.assignment as unknown as { perJudgeLoad: { load: number }[] })
      .perJudgeLoad;
    expect(loads.reduce((n, l) => n + l.load, 0)).toBe(2);

    // Not published yet: the public sees nothing.
    await h
      .http()
      .post(`/api/v1/competitions/${competitionId}/results`)
      .set(auth(coordinator.token))
      .send({
        awards: [
          { submissionId: entries[0].submissionId, award: 'winner' },
          { submissionId: entries[1].submissionId, award: 'runner_up' },
        ],
      })
      .expect(201);
    expect((await h.http().get(`/api/v1/competitions/${competitionId}/results`)).status).toBe(404);
    // A public route that reads its caller still sees the staff behind a bearer token.
    await h
      .http()
      .get(`/api/v1/competitions/${competitionId}/results`)
      .set(auth(coordinator.token))
      .expect(200);

    const member = entries[0].members[1];
    const loser = entries[3].members[0];
    const before = [h.smtp.to(member.email).length, h.smtp.to(loser.email).length];
    const preview = () =>
      h
        .http()
        .get(`/api/v1/competitions/${competitionId}/results/publish-preview`)
        .set(auth(coordinator.token));
    expect((await preview()).body).toEqual({
      people: new Set(entries.flatMap((e) => e.members.map((p) => p.id))).size,
      entries: entries.length,
    });
    await h
      .http()
      .post(`/api/v1/competitions/${competitionId}/results/publish`)
      .set(auth(coordinator.token))
      .expect(200);
    const published = await h
      .http()
      .get(`/api/v1/competitions/${competitionId}/results`)
      .expect(200);
    expect(published.body.awards).toEqual([
      expect.objectContaining({
        submissionId: entries[0].submissionId,
        award: 'winner',
        title: 'Two Rivers',
      }),
      expect.objectContaining({ submissionId: entries[1].submissionId, award: 'runner_up' }),
    ]);
    const won = await h.smtp.waitFor(member.email, before[0] + 1);
    expect(won.text).toContain('Winner');
    const lost = await h.smtp.waitFor(loser.email, before[1] + 1);
    expect(lost.text).toContain('no award');
    const awarded: { status: string }[] = await h.db.query(
      `SELECT status FROM submissions WHERE id = $1`,
      [entries[0].submissionId],
    );
    expect(awarded[0].status).toBe('awarded');
    // Judging's decisions are versions of the entry, numbered like the team's own changes.
    const history: { action: string; version: number; current: number }[] = await h.db.query(
      `SELECT v.action, v.version, s.version AS current
         FROM submission_versions v JOIN submissions s ON s.id = v.submission_id
        WHERE v.submission_id = $1 ORDER BY v.version`,
      [entries[0].submissionId],
    );
    expect(history.slice(-2).map((v) => v.action)).toEqual(['shortlisted', 'awarded']);
    expect(history.map((v) => v.version)).toEqual(history.map((_, i) => i + 1));
    expect(history.at(-1)!.version).toBe(history[0].current);
    const twice = await h
      .http()
      .post(`/api/v1/competitions/${competitionId}/results/publish`)
      .set(auth(coordinator.token));
    expect(twice.status).toBe(409);
    expect((await preview()).body.code).toBe('RESULTS_PUBLISHED');
  });
});
