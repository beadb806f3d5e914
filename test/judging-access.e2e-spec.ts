import { CLOCK, type Clock } from '../src/common/clock';
import { competition, inDays, type Person, programme, waitUntil } from './support/competitions';
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

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface Route {
  method: Method;
  path: string;
  body?: object;
}

const TABLES = [
  'judge_pool_members',
  'judging_rounds',
  'judge_assignment_runs',
  'judge_assignments',
  'competition_results',
  'submissions',
  'submission_versions',
  'outbox_messages',
  'audit_events',
];

/** Blind rounds leak nothing to judges; nobody reaches what is not theirs; bad input changes nothing. */
describe('judging: blindness, authorization, bad input and the close (e2e)', () => {
  let h: Harness;
  let coordinator: Person;
  let otherCoordinator: Person;
  let applicant: Person;
  let judgeA: Person;
  let judgeB: Person;
  let competitionId: string;
  let roundId: string;
  const secrets: string[] = [];
  const entries: { teamId: string; submissionId: string }[] = [];

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    coordinator = await h.userWithRoles(['coordinator']);
    otherCoordinator = await h.userWithRoles(['coordinator']);
    await programme(h, otherCoordinator.token, 'judging-elsewhere');
    const programmeId = await programme(h, coordinator.token, 'judging-access');
    competitionId = (await competition(h, coordinator.token, programmeId)).id;
    applicant = await h.register();
    judgeA = await profiled(h, { name: 'Judge Alpha', country: 'PH', roles: ['judge'] });
    judgeB = await profiled(h, { name: 'Judge Beta', country: 'LA', roles: ['judge'] });
    const teams: [string, string, [string, string, string][], string][] = [
      [
        'Quokka Collective',
        'Paper Boats',
        [
          ['Yoon Seoyeon', 'KR', 'Busan Arts High School'],
          ['Phan Thi Lan', 'VN', 'Hue College of Arts'],
        ],
        'yoon-seoyeon-final-cut.pdf',
      ],
      [
        'Nightjar Studio',
        'Monsoon Letters',
        [
          ['Ratana Sok', 'KH', 'Royal University of Phnom Penh'],
          ['Choi Dongwook', 'KR', 'Daegu Film Academy'],
        ],
        'ratana-sok-storyboard.pdf',
      ],
    ];
    for (const [teamName, title, people, fileName] of teams) {
      const members: Person[] = [];
      for (const [name, country, institution] of people) {
        members.push(await profiled(h, { name, country, institution }));
        secrets.push(name, institution);
      }
      secrets.push(teamName, fileName, ...members.map((m) => m.email));
      entries.push(
        await submittedEntry(
          h,
          competitionId,
          members[0],
          members.slice(1),
          teamName,
          title,
          `Directed by ${people[0][0]}, with ${people[1][0]}`,
          { name: fileName, body: Buffer.from('%PDF-1.7\n%%EOF\n'), role: 'document' },
        ),
      );
    }
    await addJudge(h, coordinator.token, competitionId, judgeA.id);
    await addJudge(h, coordinator.token, competitionId, judgeB.id);
    roundId = (await createRound(h, coordinator.token, competitionId, { judgesPerEntry: 1 })).id;
    await assign(h, coordinator.token, roundId);
    await openRound(h, coordinator.token, roundId);
  }, 60000);
  afterAll(() => h.stop());

  const send = (r: Route, token?: string) => {
    const req = h.http()[r.method](`/api/v1${r.path}`);
    if (token) req.set(auth(token));
    return r.body ? req.send(r.body) : req;
  };

  it('shows a judge in a blind round no team, member, email, institution or file name, anywhere', async () => {
    const seen: string[] = [];
    const keep = <T extends { text: string; headers: Record<string, string> }>(res: T): T => {
      seen.push(res.text ?? '', JSON.stringify(res.headers));
      return res;
    };
    for (const judge of [judgeA, judgeB]) {
      const list = keep(await send({ method: 'get', path: '/me/assignments' }, judge.token));
      expect(list.status).toBe(200);
      const mine = await myAssignments(h, judge);
      expect(mine.length).toBeGreaterThan(0);
      for (const a of mine) {
        expect(a.submission.title).toMatch(/Paper Boats|Monsoon Letters/);
        const sid = a.submission.id;
        keep(await send({ method: 'get', path: `/assignments/${a.id}` }, judge.token));
        for (const asset of a.submission.assets) {
          const file = keep(await h.http().get(asset.href).set(auth(judge.token)));
          expect(file.status).toBe(200);
          expect(file.headers['content-disposition']).toBe(`attachment; filename="${asset.id}"`);
          // The competitions routes stay shut in a blind round: they would show the team.
          keep(
            await send(
              { method: 'get', path: `/submissions/${sid}/assets/${asset.id}` },
              judge.token,
            ),
          );
        }
        for (const path of [`/submissions/${sid}`, `/submissions/${sid}/versions`]) {
          expect(keep(await send({ method: 'get', path }, judge.token)).status).toBe(404);
        }
        const score = (body: object) =>
          send({ method: 'put', path: `/assignments/${a.id}/score`, body }, judge.token);
        expect(keep(await score({ scores: { story: 99 }, final: false })).status).toBe(400);
        expect(
          keep(await score({ scores: { story: 5, craft: 6 }, comment: 'Fine', final: false }))
            .status,
        ).toBe(200);
        expect(keep(await score({ scores: { story: 5 }, final: false, version: 0 })).status).toBe(
          409,
        );
      }
      for (const e of entries) {
        keep(await send({ method: 'get', path: `/teams/${e.teamId}` }, judge.token));
      }
      for (const path of [
        `/judging-rounds/${roundId}`,
        `/judging-rounds/${roundId}/progress`,
        `/judging-rounds/${roundId}/ranking`,
        `/judging-rounds/${roundId}/ranking?format=csv`,
        `/competitions/${competitionId}/submissions`,
        `/competitions/${competitionId}/judges`,
        `/competitions/${competitionId}/results`,
      ]) {
        expect(
          keep(await send({ method: 'get', path }, judge.token)).status,
        ).toBeGreaterThanOrEqual(400);
      }
      keep(await send({ method: 'get', path: `/competitions/${competitionId}` }, judge.token));
    }
    // Judge Beta recuses; Judge Alpha takes the entry over, and both keep seeing nothing.
    const [b] = await myAssignments(h, judgeB);
    const recused = keep(
      await send(
        { method: 'post', path: `/assignments/${b.id}/recuse`, body: { reason: 'I know them' } },
        judgeB.token,
      ),
    );
    expect(recused.status).toBe(200);
    expect(await replacedBy(h, recused.body.reassignment.jobIds)).toBe(1);
    keep(await send({ method: 'get', path: '/me/assignments' }, judgeA.token));

    await waitUntil('the judges’ mail', async () => h.smtp.to(judgeA.email).length >= 3);
    for (const judge of [judgeA, judgeB]) {
      keep(await send({ method: 'get', path: '/me/notifications' }, judge.token));
      for (const mail of h.smtp.to(judge.email)) seen.push(mail.subject, mail.text);
    }

    const everything = seen.join('\n').toLowerCase();
    for (const secret of secrets)
      expect({ secret, found: everything.includes(secret.toLowerCase()) }).toEqual({
        secret,
        found: false,
      });
    expect(everything).toContain('paper boats'); // the search did look at real content
  });

  it('refuses applicants, judges on staff routes and on other judges’ assignments, and other programmes’ coordinators', async () => {
    const [a] = await myAssignments(h, judgeA);
    const staffRoutes: Route[] = [
      {
        method: 'post',
        path: `/competitions/${competitionId}/judges`,
        body: { userId: judgeB.id },
      },
      { method: 'get', path: `/competitions/${competitionId}/judges` },
      { method: 'delete', path: `/competitions/${competitionId}/judges/${judgeB.id}` },
      { method: 'get', path: `/competitions/${competitionId}/judges/${judgeB.id}/removal-preview` },
      {
        method: 'patch',
        path: `/competitions/${competitionId}/judges/${judgeB.id}`,
        body: { expertise: ['x'] },
      },
      {
        method: 'post',
        path: `/competitions/${competitionId}/judging-rounds`,
        body: {
          name: 'X',
          judgesPerEntry: 1,
          blind: true,
          closesAt: inDays(5),
          source: { type: 'all_submitted' },
        },
      },
      { method: 'get', path: `/judging-rounds/${roundId}` },
      { method: 'patch', path: `/judging-rounds/${roundId}`, body: { status: 'closed' } },
      { method: 'post', path: `/judging-rounds/${roundId}/assignments` },
      {
        method: 'post',
        path: `/judging-rounds/${roundId}/assignments/manual`,
        body: { judgeId: judgeB.id, submissionId: entries[0].submissionId },
      },
      { method: 'delete', path: `/assignments/${a.id}` },
      { method: 'post', path: `/judging-rounds/${roundId}/remind` },
      { method: 'get', path: `/judging-rounds/${roundId}/progress` },
      { method: 'get', path: `/judging-rounds/${roundId}/ranking` },
      { method: 'get', path: `/judging-rounds/${roundId}/ranking?format=csv` },
      { method: 'post', path: `/judging-rounds/${roundId}/shortlist`, body: { top: 1 } },
      {
        method: 'post',
        path: `/competitions/${competitionId}/results`,
        body: { awards: [{ submissionId: entries[0].submissionId, award: 'winner' }] },
      },
      { method: 'get', path: `/competitions/${competitionId}/results/publish-preview` },
      { method: 'post', path: `/competitions/${competitionId}/results/publish` },
    ];
    const judgeRoutes: Route[] = [
      { method: 'get', path: '/me/assignments' },
      { method: 'get', path: `/assignments/${a.id}` },
      {
        method: 'put',
        path: `/assignments/${a.id}/score`,
        body: { scores: { story: 1 }, final: false },
      },
      { method: 'post', path: `/assignments/${a.id}/recuse`, body: { reason: 'not mine' } },
      {
        method: 'post',
        path: `/competitions/${competitionId}/judges/me/conflicts`,
        body: { countries: ['KR'] },
      },
    ];
    const before = await snapshot();
    for (const r of [...staffRoutes, ...judgeRoutes]) {
      const res = await send(r, applicant.token);
      expect({ route: `${r.method} ${r.path}`, status: res.status }).toEqual({
        route: `${r.method} ${r.path}`,
        status: 403,
      });
      expect((await send(r)).status).toBe(401);
    }
    for (const r of staffRoutes) {
      for (const token of [judgeA.token, otherCoordinator.token]) {
        const res = await send(r, token);
        expect({ route: `${r.method} ${r.path}`, status: res.status }).toEqual({
          route: `${r.method} ${r.path}`,
          status: 403,
        });
      }
    }
    // Judge Beta on Judge Alpha's assignment.
    for (const r of judgeRoutes.slice(1, 4)) {
      const res = await send(r, judgeB.token);
      expect({ route: `${r.method} ${r.path}`, status: res.status }).toEqual({
        route: `${r.method} ${r.path}`,
        status: 403,
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  const snapshot = async () =>
    Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await h.count(t)])));

  it('answers bad input with 400 and changes nothing', async () => {
    const [a] = await myAssignments(h, judgeA);
    const rowBefore = await h.db.query(`SELECT * FROM judge_assignments WHERE id = $1`, [a.id]);
    const round = (body: object) => ({
      method: 'post' as const,
      path: `/competitions/${competitionId}/judging-rounds`,
      body: {
        name: 'R',
        judgesPerEntry: 1,
        blind: true,
        closesAt: inDays(5),
        source: { type: 'all_submitted' },
        ...body,
      },
    });
    const bad: [Route, string][] = [
      [
        { method: 'post', path: `/competitions/${competitionId}/judges`, body: { userId: 'nope' } },
        coordinator.token,
      ],
      [
        {
          method: 'post',
          path: `/competitions/${competitionId}/judges`,
          body: { userId: judgeA.id, extra: true },
        },
        coordinator.token,
      ],
      [
        {
          method: 'post',
          path: `/competitions/${competitionId}/judges`,
          body: { userId: judgeA.id, conflicts: { countries: ['XX'] } },
        },
        coordinator.token,
      ],
      [round({ judgesPerEntry: 0 }), coordinator.token],
      [round({ closesAt: '2027-04-30T23:59:59' }), coordinator.token],
      [round({ closesAt: '2020-04-30T23:59:59Z' }), coordinator.token],
      [round({ source: { type: 'everything' } }), coordinator.token],
      [round({ source: { type: 'shortlist' } }), coordinator.token],
      [round({ blind: 'yes' }), coordinator.token],
      [round({ surprise: 1 }), coordinator.token],
      [
        { method: 'patch', path: `/judging-rounds/${roundId}`, body: { status: 'reopened' } },
        coordinator.token,
      ],
      [
        { method: 'post', path: `/judging-rounds/${roundId}/shortlist`, body: {} },
        coordinator.token,
      ],
      [
        {
          method: 'post',
          path: `/judging-rounds/${roundId}/shortlist`,
          body: { top: 1, submissionIds: [entries[0].submissionId] },
        },
        coordinator.token,
      ],
      [
        {
          method: 'post',
          path: `/competitions/${competitionId}/results`,
          body: { awards: [{ submissionId: entries[0].submissionId, award: 'best_hair' }] },
        },
        coordinator.token,
      ],
      [
        {
          method: 'post',
          path: `/competitions/${competitionId}/results`,
          body: {
            awards: [
              { submissionId: entries[0].submissionId, award: 'winner' },
              { submissionId: entries[0].submissionId, award: 'runner_up' },
            ],
          },
        },
        coordinator.token,
      ],
      [
        {
          method: 'put',
          path: `/assignments/${a.id}/score`,
          body: { scores: { story: -1 }, final: false },
        },
        judgeA.token,
      ],
      [
        {
          method: 'put',
          path: `/assignments/${a.id}/score`,
          body: { scores: { nope: 1 }, final: false },
        },
        judgeA.token,
      ],
      [
        { method: 'put', path: `/assignments/${a.id}/score`, body: { scores: { story: 1 } } },
        judgeA.token,
      ],
      [
        {
          method: 'put',
          path: `/assignments/${a.id}/score`,
          body: { scores: [1, 2], final: false },
        },
        judgeA.token,
      ],
      [{ method: 'post', path: `/assignments/${a.id}/recuse`, body: { reason: '' } }, judgeA.token],
      [
        {
          method: 'post',
          path: `/competitions/${competitionId}/judges/me/conflicts`,
          body: { teamIds: ['x'] },
        },
        judgeA.token,
      ],
      [{ method: 'get', path: `/judging-rounds/${roundId}/ranking?format=pdf` }, coordinator.token],
      [{ method: 'get', path: `/judging-rounds/not-a-uuid` }, coordinator.token],
    ];
    const before = await snapshot();
    for (const [r, token] of bad) {
      const res = await send(r, token);
      expect({
        route: `${r.method} ${r.path} ${JSON.stringify(r.body)}`,
        status: res.status,
      }).toEqual({
        route: `${r.method} ${r.path} ${JSON.stringify(r.body)}`,
        status: 400,
      });
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await snapshot()).toEqual(before);
    expect(await h.db.query(`SELECT * FROM judge_assignments WHERE id = $1`, [a.id])).toEqual(
      rowBefore,
    );
  });

  it('stops taking scores and recusals once the close passes, by the server clock', async () => {
    const closesAt = inDays(1);
    const late = (
      await createRound(h, coordinator.token, competitionId, {
        name: 'Quick',
        judgesPerEntry: 1,
        closesAt,
      })
    ).id;
    await assign(h, coordinator.token, late);
    await openRound(h, coordinator.token, late);
    const mine = (await myAssignments(h, judgeA)).filter((x) => x.roundId === late);
    expect(mine.length).toBeGreaterThan(0);
    const put = () =>
      send(
        {
          method: 'put',
          path: `/assignments/${mine[0].id}/score`,
          body: { scores: { story: 4 }, final: false },
        },
        judgeA.token,
      );
    expect((await put()).status).toBe(200);
    // The clock moves past the close (the API's injected clock), rather than the test waiting.
    const now = jest
      .spyOn(h.api.get<Clock>(CLOCK), 'now')
      .mockReturnValue(new Date(Date.parse(closesAt) + 1000));
    const refused = await put();
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ROUND_CLOSED');
    const recuse = await send(
      { method: 'post', path: `/assignments/${mine[0].id}/recuse`, body: { reason: 'too late' } },
      judgeA.token,
    );
    expect(recuse.status).toBe(409);
    const round = await send({ method: 'get', path: `/judging-rounds/${late}` }, coordinator.token);
    expect(round.body.status).toBe('closed');
    const reopen = await send(
      { method: 'patch', path: `/judging-rounds/${late}`, body: { closesAt: inDays(3) } },
      coordinator.token,
    );
    expect(reopen.status).toBe(409);
    now.mockRestore();
  });
});
