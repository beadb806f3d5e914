import { Client } from 'pg';
import { CLOCK, type Clock } from '../src/common/clock';
import { LIVE_STATUSES } from '../src/judging/assigner';
import { MY_ASSIGNMENT_VIEWS_SQL } from '../src/judging/assignment-views.store';
import { AssignmentsService } from '../src/judging/assignments.service';
import { competition, inDays, type Person, programme, waitUntil } from './support/competitions';
import { auth, Harness } from './support/harness';
import {
  addJudge,
  assign,
  createRound,
  openRound,
  leaderAndMateEntry,
  profiled,
  publishResults,
} from './support/judging';
import { listening, otherConnection, quietly } from './support/table-changes';
import { planRelations, readBesideSessionCheck } from './support/plan-relations';

interface View {
  id: string;
  roundId: string;
  roundName: string;
  competitionTitle: string;
  timezone: string;
  blind: boolean;
  roundStatus: string;
  access: string;
  submission: {
    title: string;
    teamName?: string;
    memberNames?: string[];
    assets: { mime: string }[];
  } | null;
  score: { state: string; comment: string | null; version: number };
}

/**
 * GET /me/assignments answers from a per-judge cache (AssignmentsService.mineCache). Each test
 * shows what must drop or bound a kept answer; without it, the test reads the kept answer and fails.
 */
describe('a judge’s assignments, kept per judge (e2e)', () => {
  let h: Harness;
  /** Another connection: its commits reach the caches only by their notifications (h.db fences). */
  let other: Client;
  let coordinator: Person;
  let programmeId: string;

  const get = (judge: Person) => h.http().get('/api/v1/me/assignments').set(auth(judge.token));
  const list = async (judge: Person) => (await get(judge).expect(200)).body as View[];

  /** Polls the judge's list for up to 2 s (a notification from another connection's commit). */
  const seen = async (judge: Person, what: string, holds: (views: View[]) => boolean) => {
    await waitUntil(what, async () => holds(await list(judge)), 2000);
  };

  /** A competition with one entry (a file, two members), a judge in its pool, an open round. */
  async function world(opts: { closesAt?: string; judge?: Person } = {}) {
    const competitionId = (await competition(h, coordinator.token, programmeId)).id;
    const { submissionId, teamId, leader, mate } = await leaderAndMateEntry(h, competitionId);
    const judge =
      opts.judge ?? (await profiled(h, { name: 'Judge', country: 'TH', roles: ['judge'] }));
    await addJudge(h, coordinator.token, competitionId, judge.id);
    const roundId = (
      await createRound(h, coordinator.token, competitionId, {
        judgesPerEntry: 1,
        blind: false,
        ...(opts.closesAt ? { closesAt: opts.closesAt } : {}),
      })
    ).id;
    await assign(h, coordinator.token, roundId);
    await openRound(h, coordinator.token, roundId);
    const mine = (await list(judge)).find((v) => v.roundId === roundId)!;
    return {
      competitionId,
      submissionId,
      teamId,
      roundId,
      judge,
      leader,
      mate,
      assignmentId: mine.id,
    };
  }

  const inRound = (views: View[], roundId: string) => views.find((v) => v.roundId === roundId);

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    coordinator = await h.userWithRoles(['coordinator']);
    programmeId = await programme(h, coordinator.token, 'assignments-cache');
    await listening(h);
    other = await otherConnection();
  }, 60000);
  afterAll(async () => {
    await other?.end();
    await h.stop();
  });
  afterEach(() => jest.restoreAllMocks());

  it('keeps each judge’s answer, the bytes a fresh read sends', async () => {
    const { judge, submissionId } = await world();
    const other = await world();
    await h.settled();
    const first = await get(judge).expect(200);
    // Kept by judge: another judge's list right after is their own, then both are kept.
    expect((await list(other.judge)).map((v) => v.id)).toEqual([other.assignmentId]);
    await quietly(h, `UPDATE submissions SET title = 'Quiet' WHERE id = ANY($1)`, [
      [submissionId, other.submissionId],
    ]);
    const kept = await get(judge).expect(200);
    expect(kept.text).toBe(first.text);
    expect(kept.headers['content-type']).toBe(first.headers['content-type']);
    expect((kept.body as View[])[0].submission!.title).toBe('Paper Boats');
    expect((await list(other.judge))[0].submission!.title).toBe('Paper Boats');
  });

  it('names in its table list every table its statement reads (the plan’s relations)', async () => {
    const { judge } = await world();
    const [{ id: sessionId }] = await h.db.query(
      `SELECT id FROM auth_sessions WHERE user_id = $1 AND revoked_at IS NULL`,
      [judge.id],
    );
    const params = [new Date(), false, judge.id, [...LIVE_STATUSES], 2000, sessionId];
    const relations = await planRelations(h.db, MY_ASSIGNMENT_VIEWS_SQL, params);
    expect(relations).toContain('judge_assignments');
    const { tables, byCaller } = h.api.get(AssignmentsService).mineCache;
    expect(relations.filter((r) => !tables.includes(r))).toEqual([]);
    // The tables dropped by caller are read for the caller alone (the session check).
    const beside = await readBesideSessionCheck(
      h.db,
      MY_ASSIGNMENT_VIEWS_SQL,
      ['$3', '$6'],
      params,
    );
    expect(beside).toContain('judge_assignments');
    expect(beside.filter((t) => byCaller!.tables.includes(t))).toEqual([]);
  });

  it('shows a change made by plain SQL to each thing it shows within 2 s', async () => {
    const w = await world();
    const { judge } = w;
    const changes: [string, string, unknown[], (v: View) => boolean][] = [
      [
        'submissions',
        `UPDATE submissions SET title = 'Retitled' WHERE id = $1`,
        [w.submissionId],
        (v) => v.submission?.title === 'Retitled',
      ],
      [
        'submission_assets',
        `UPDATE submission_assets SET mime = 'text/plain' WHERE submission_id = $1`,
        [w.submissionId],
        (v) => v.submission?.assets[0].mime === 'text/plain',
      ],
      [
        'teams',
        `UPDATE teams SET name = 'Renamed Team' WHERE id = $1`,
        [w.teamId],
        (v) => v.submission?.teamName === 'Renamed Team',
      ],
      [
        'users',
        `UPDATE users SET display_name = 'Mate Renamed' WHERE id = $1`,
        [w.mate.id],
        (v) => v.submission?.memberNames?.includes('Mate Renamed') === true,
      ],
      [
        'team_members',
        `UPDATE team_members SET joined_at = joined_at - interval '30 days' WHERE user_id = $1 AND team_id = $2`,
        [w.mate.id, w.teamId],
        (v) => v.submission?.memberNames?.[0] === 'Mate Renamed',
      ],
      [
        'judging_rounds',
        `UPDATE judging_rounds SET name = 'Renamed round' WHERE id = $1`,
        [w.roundId],
        (v) => v.roundName === 'Renamed round',
      ],
      [
        'competitions',
        `UPDATE competitions SET title = 'Renamed competition' WHERE id = $1`,
        [w.competitionId],
        (v) => v.competitionTitle === 'Renamed competition',
      ],
      [
        'programmes',
        `UPDATE programmes SET timezone = 'Asia/Manila' WHERE id = $1`,
        [programmeId],
        (v) => v.timezone === 'Asia/Manila',
      ],
      [
        'judge_assignments',
        `UPDATE judge_assignments SET comment = 'By hand' WHERE id = $1`,
        [w.assignmentId],
        (v) => v.score.comment === 'By hand',
      ],
      [
        'judge_pool_members',
        `UPDATE judge_pool_members SET conflicts_pending_since = now() WHERE user_id = $1 AND competition_id = $2`,
        [judge.id, w.competitionId],
        (v) => v.access === 'conflict_review',
      ],
      [
        'competition_results',
        `INSERT INTO competition_results (competition_id, awards, published_at, recorded_by_id)
         VALUES ($1, '[]', now(), $2)`,
        [w.competitionId, coordinator.id],
        (v) => v.access === 'results_published',
      ],
    ];
    for (const [table, sql, params, holds] of changes) {
      // Read first: the answer before the change is the one kept.
      expect(holds(inRound(await list(judge), w.roundId)!)).toBe(false);
      await other.query(sql, params);
      await seen(judge, `a change to ${table}`, (views) => holds(inRound(views, w.roundId)!));
    }
    await list(judge);
    await other.query(`UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1`, [judge.id]);
    await waitUntil('a revoked session', async () => (await get(judge)).status === 401, 2000);
  });

  it('shows a score saved by this process on the very next read', async () => {
    const { judge, assignmentId, roundId } = await world();
    expect(inRound(await list(judge), roundId)!.score.state).toBe('none');
    await h
      .http()
      .put(`/api/v1/assignments/${assignmentId}/score`)
      .set(auth(judge.token))
      .send({ scores: { story: 4 }, comment: 'Lovely', final: false })
      .expect(200);
    const after = inRound(await list(judge), roundId)!;
    expect([after.score.state, after.score.comment, after.score.version]).toEqual([
      'draft',
      'Lovely',
      1,
    ]);
  });

  it('drops a withdrawn assignment at once', async () => {
    const { judge, assignmentId } = await world();
    expect((await list(judge)).map((v) => v.id)).toContain(assignmentId);
    await h
      .http()
      .delete(`/api/v1/assignments/${assignmentId}`)
      .set(auth(coordinator.token))
      .expect(200);
    expect((await list(judge)).map((v) => v.id)).not.toContain(assignmentId);
  });

  it('puts the entries on hold at once when the judge declares a conflict', async () => {
    const { judge, competitionId, roundId } = await world();
    expect(inRound(await list(judge), roundId)!.access).toBe('open');
    await h
      .http()
      .post(`/api/v1/competitions/${competitionId}/judges/me/conflicts`)
      .set(auth(judge.token))
      .send({ countries: ['KR'] })
      .expect(200);
    const held = inRound(await list(judge), roundId)!;
    expect([held.access, held.submission]).toEqual(['conflict_review', null]);
  });

  it('ends the judge’s access at once when they leave the pool or results are published', async () => {
    const a = await world();
    expect(inRound(await list(a.judge), a.roundId)!.access).toBe('open');
    await h
      .http()
      .delete(`/api/v1/competitions/${a.competitionId}/judges/${a.judge.id}`)
      .set(auth(coordinator.token))
      .expect(200);
    // Its assignments without a final score are withdrawn: gone from the list.
    expect(inRound(await list(a.judge), a.roundId)).toBeUndefined();

    const b = await world();
    expect(inRound(await list(b.judge), b.roundId)!.access).toBe('open');
    await publishResults(h, coordinator.token, b.competitionId, [
      { submissionId: b.submissionId, award: 'winner' },
    ]);
    const published = inRound(await list(b.judge), b.roundId)!;
    expect([published.access, published.submission]).toEqual(['results_published', null]);
  });

  it('names no one once the round is made blind', async () => {
    const { judge, roundId } = await world();
    const before = inRound(await list(judge), roundId)!;
    expect(before.submission!.teamName).toBe('Open Team');
    await other.query(`UPDATE judging_rounds SET blind = true WHERE id = $1`, [roundId]);
    await seen(judge, 'the blind round', (views) => {
      const v = inRound(views, roundId)!;
      return v.blind && v.submission !== null && !('teamName' in v.submission);
    });
    const text = (await get(judge).expect(200)).text;
    expect(text).not.toContain('Open Team');
    expect(text).not.toContain('Leader');
    expect(text).not.toContain('leader-final-cut');
  });

  it('answers 403 at once when the judge role is taken away, 401 at once after logout', async () => {
    const admin = await h.adminToken();
    const { judge } = await world();
    await list(judge);
    await h
      .http()
      .put(`/api/v1/admin/users/${judge.id}/roles`)
      .set(auth(admin))
      .send({ roles: ['applicant'] })
      .expect(200);
    expect((await get(judge)).status).toBe(403);

    const other = await world();
    await list(other.judge);
    await h.http().post('/api/v1/auth/logout').set(auth(other.judge.token)).send({}).expect(204);
    expect((await get(other.judge)).status).toBe(401);
  });

  it('answers 401 at once after the judge deletes their account', async () => {
    const { judge } = await world();
    await list(judge);
    await h
      .http()
      .delete('/api/v1/me')
      .set(auth(judge.token))
      .send({ password: judge.password })
      .expect((res) => expect([200, 202, 204]).toContain(res.status));
    expect((await get(judge)).status).toBe(401);
  });

  it('reads afresh exactly when a round of the list closes, by the server clock', async () => {
    const first = inDays(1);
    const second = inDays(2);
    const a = await world({ closesAt: first });
    const b = await world({ closesAt: second, judge: a.judge });
    const judge = a.judge;
    const clock = jest.spyOn(h.api.get<Clock>(CLOCK), 'now');
    const at = (iso: string, ms: number) => clock.mockReturnValue(new Date(Date.parse(iso) + ms));
    const states = (views: View[]) =>
      [a.roundId, b.roundId].map((id) => {
        const v = inRound(views, id)!;
        return [v.roundStatus, v.access, v.submission === null];
      });

    await h.settled();
    at(first, -1);
    expect(states(await list(judge))).toEqual([
      ['open', 'open', false],
      ['open', 'open', false],
    ]);
    at(first, 0);
    expect(states(await list(judge))).toEqual([
      ['closed', 'round_closed', true],
      ['open', 'open', false],
    ]);
    // Kept from the read at the first close until the second: a quiet change is not seen before it.
    await quietly(h, `UPDATE judging_rounds SET name = 'Quietly renamed' WHERE id = $1`, [
      b.roundId,
    ]);
    at(second, -1);
    const late = await list(judge);
    expect(inRound(late, b.roundId)!.roundName).toBe('First round');
    expect(states(late)[1]).toEqual(['open', 'open', false]);
    at(second, 0);
    const closed = await list(judge);
    expect(states(closed)).toEqual([
      ['closed', 'round_closed', true],
      ['closed', 'round_closed', true],
    ]);
    expect(inRound(closed, b.roundId)!.roundName).toBe('Quietly renamed');
  });
});
