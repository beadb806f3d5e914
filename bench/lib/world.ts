/**
 * The world the API benchmarks measure, made through the API where a person would make it (with
 * SQL for bulk): a programme, a closed competition with submitted entries (the measured person in
 * team 1), 50,000 pen-pal pairs among the seeded people plus three for the measured person, and
 * judges with their assignments in an open blind round. Needs seedPopulation's people first.
 */
import { Client } from 'pg';
import { call, waitFor } from './stack';

type Session = { accessToken: string; user: { id: string } };

/** A matching run of the round, succeeded and published (what the pairs the benchmarks seed come from). */
export async function succeededRun(db: Client, roundId: string, adminId: string): Promise<string> {
  const [run] = (
    await db.query(
      `INSERT INTO matching_runs (round_id, status, progress, seed, created_by, started_at, finished_at, published_at)
       VALUES ($1, 'succeeded', 1, 'bench', $2, now(), now(), now()) RETURNING id`,
      [roundId, adminId],
    )
  ).rows as { id: string }[];
  return run.id;
}

async function seedPenpals(
  db: Client,
  programmeId: string,
  adminId: string,
  meId: string,
): Promise<void> {
  const [round] = (
    await db.query(
      `INSERT INTO penpal_rounds (programme_id, name, enrolment_opens_at, enrolment_closes_at)
       VALUES ($1, 'Spring pen pals', now() - interval '30 days', now() - interval '10 days') RETURNING id`,
      [programmeId],
    )
  ).rows;
  const run = { id: await succeededRun(db, round.id, adminId) };
  // Pairs (2k-1, 2k) among the seeded people, and three pen pals for the measured person.
  await db.query(
    `INSERT INTO penpal_matches (run_id, round_id, user_a, country_a, user_b, country_b, score, reasons, status)
     SELECT $1, $2, a.user_id, a.country, b.user_id, b.country, 70, '{"Both like film"}', 'published'
       FROM users ua JOIN profiles a ON a.user_id = ua.id
       JOIN users ub ON ub.email = 'person-' || (split_part(split_part(ua.email, '-', 2), '@', 1)::int + 1) || '@bench.test'
       JOIN profiles b ON b.user_id = ub.id
      WHERE ua.email LIKE 'person-%' AND split_part(split_part(ua.email, '-', 2), '@', 1)::int % 2 = 1`,
    [run.id, round.id],
  );
  await db.query(
    `INSERT INTO penpal_matches (run_id, round_id, user_a, country_a, user_b, country_b, score, reasons, status)
     SELECT $1, $2, $3, 'TH', p.user_id, p.country, 80, '{"Both like film","Practise Korean"}', 'published'
       FROM profiles p JOIN users u ON u.id = p.user_id
      WHERE u.email IN ('person-10@bench.test', 'person-11@bench.test', 'person-12@bench.test')`,
    [run.id, round.id, meId],
  );
}

/** 50 teams of two seeded people, each with a submitted entry; the measured person joins team 1. */
async function seedEntries(db: Client, competitionId: string, meId: string, entries: number) {
  await db.query(
    `INSERT INTO teams (competition_id, name, leader_id)
     SELECT $1, 'Team ' || g, (SELECT id FROM users WHERE email = 'person-' || (2 * g - 1) || '@bench.test')
       FROM generate_series(1, $2) g`,
    [competitionId, entries],
  );
  await db.query(
    `INSERT INTO team_members (team_id, user_id, competition_id)
     SELECT t.id, u.id, $1 FROM teams t
       JOIN users u ON u.email IN ('person-' || (2 * split_part(t.name, ' ', 2)::int - 1) || '@bench.test',
                                   'person-' || (2 * split_part(t.name, ' ', 2)::int) || '@bench.test')
      WHERE t.competition_id = $1`,
    [competitionId],
  );
  await db.query(
    `INSERT INTO team_members (team_id, user_id, competition_id)
     SELECT id, $2, $1 FROM teams WHERE competition_id = $1 AND name = 'Team 1'`,
    [competitionId, meId],
  );
  await db.query(
    `INSERT INTO submissions (competition_id, team_id, kind, title, status, fields, version, created_by_id, submitted_at)
     SELECT $1, t.id, 'short_movie', 'Film of ' || t.name, 'submitted',
            '{"logline": "Two friends film the river that joins their towns", "synopsis": "A short documentary.", "runtimeMinutes": 9, "credits": "Everyone"}',
            2, t.leader_id, now()
       FROM teams t WHERE t.competition_id = $1`,
    [competitionId],
  );
  const rows = await db.query(
    `SELECT s.id FROM submissions s JOIN teams t ON t.id = s.team_id WHERE t.name = 'Team 1' AND t.competition_id = $1`,
    [competitionId],
  );
  return rows.rows[0].id as string;
}

export async function buildWorld(
  base: string,
  db: Client,
  admin: { email: string; password: string },
  opts: { entries: number; judges: number },
) {
  const adm = await call<Session>(base, 'POST', '/auth/login', 200, undefined, {
    email: admin.email,
    password: admin.password,
  });
  const register = async (email: string, displayName: string) =>
    call<Session>(base, 'POST', '/auth/register', 201, undefined, {
      email,
      password: 'bench-password-1',
      displayName,
    });
  const profile = (token: string, country: string) =>
    call(base, 'PUT', '/me/profile', 200, token, {
      country,
      dateOfBirth: '2000-04-04',
      languages: [
        { code: 'th', level: 'fluent' },
        { code: 'en', level: 'conversational' },
        { code: 'ko', level: 'basic' },
      ],
      interests: ['film', 'music'],
    });
  const me = await register('me@bench.test', 'Siriporn Bench');
  await profile(me.accessToken, 'TH');
  const programme = await call<{ id: string }>(base, 'POST', '/programmes', 201, adm.accessToken, {
    name: 'ASEAN–Korea Youth Exchange',
    slug: 'exchange',
    timezone: 'Asia/Seoul',
  });
  const competition = await call<{ id: string }>(
    base,
    'POST',
    `/programmes/${programme.id}/competitions`,
    201,
    adm.accessToken,
    {
      kind: 'short_movie',
      title: 'Short Movies 2027',
      slug: 'short-movies-2027',
      submissionOpensAt: new Date(Date.now() - 20 * 86400_000).toISOString(),
      submissionClosesAt: new Date(Date.now() - 86400_000).toISOString(),
      rubric: [
        { key: 'story', label: 'Story', weight: 2, min: 0, max: 10 },
        { key: 'craft', label: 'Craft', weight: 1, min: 0, max: 10 },
      ],
    },
  );
  const submissionId = await seedEntries(db, competition.id, me.user.id, opts.entries);
  await seedPenpals(db, programme.id, adm.user.id, me.user.id);
  const judges = [];
  for (let j = 0; j < opts.judges; j += 1) {
    const judge = await register(`judge-${j}@bench.test`, `Judge ${j}`);
    await db.query(`UPDATE users SET roles = '{judge}' WHERE id = $1`, [judge.user.id]);
    await profile(judge.accessToken, 'SG');
    await call(base, 'POST', `/competitions/${competition.id}/judges`, 201, adm.accessToken, {
      userId: judge.user.id,
    });
    judges.push(judge);
  }
  await db.query(`UPDATE users SET email_verified_at = now() WHERE email_verified_at IS NULL`);
  const round = await call<{ id: string }>(
    base,
    'POST',
    `/competitions/${competition.id}/judging-rounds`,
    201,
    adm.accessToken,
    {
      name: 'First round',
      judgesPerEntry: 2,
      blind: true,
      closesAt: new Date(Date.now() + 10 * 86400_000).toISOString(),
      source: { type: 'all_submitted' },
    },
  );
  const started = await call<{ jobId: string }>(
    base,
    'POST',
    `/judging-rounds/${round.id}/assignments`,
    202,
    adm.accessToken,
  );
  await waitFor('the assignment run (worker)', async () => {
    const r = await call<{ assignment: { status: string; jobId: string } }>(
      base,
      'GET',
      `/judging-rounds/${round.id}`,
      200,
      adm.accessToken,
    );
    if (r.assignment.status === 'failed') throw new Error('The assignment run failed');
    return r.assignment.jobId === started.jobId && r.assignment.status === 'succeeded';
  });
  await call(base, 'PATCH', `/judging-rounds/${round.id}`, 200, adm.accessToken, {
    status: 'open',
  });
  const assignments: { id: string; token: string }[] = [];
  const perJudge: number[] = [];
  for (const judge of judges) {
    const mine = await call<{ id: string }[]>(
      base,
      'GET',
      '/me/assignments',
      200,
      judge.accessToken,
    );
    perJudge.push(mine.length);
    for (const a of mine) assignments.push({ id: a.id, token: judge.accessToken });
  }
  return {
    adm,
    me,
    programme,
    competition,
    submissionId,
    judges,
    assignments,
    perJudge,
    register,
    profile,
  };
}

/**
 * One score draft per assignment, each saved by its own judge (as judges scoring different
 * entries do), with the headers a browser sends: the score PUT of bench:api and bench:api-compare.
 */
export const scoreDrafts = (
  assignments: readonly { id: string; token: string }[],
  headers: Record<string, string>,
) =>
  assignments.map((a, i) => ({
    method: 'PUT' as const,
    path: `/api/v1/assignments/${a.id}/score`,
    headers: { ...headers, authorization: `Bearer ${a.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      scores: { story: i % 11, craft: (i * 7) % 11 },
      comment: 'Strong sense of place; the sound mix drops in the middle.',
      final: false,
    }),
  }));
