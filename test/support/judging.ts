import { completeMovie, inDays, type Person, teamOf, waitUntil } from './competitions';
import { auth, Harness } from './harness';

/** Someone with a profile naming their country and institution (what conflict detection reads). */
export async function profiled(
  h: Harness,
  opts: { name: string; country: string; institution?: string; roles?: string[] },
): Promise<Person> {
  const p = opts.roles
    ? await h.userWithRoles(opts.roles)
    : await h.register({ displayName: opts.name });
  if (opts.roles) {
    await h.db.query('UPDATE users SET display_name = $1 WHERE id = $2', [opts.name, p.id]);
  }
  await h
    .http()
    .put('/api/v1/me/profile')
    .set(auth(p.token))
    .send({
      country: opts.country,
      dateOfBirth: '1990-02-02',
      languages: [{ code: 'en', level: 'fluent' }],
      interests: ['film'],
      ...(opts.institution ? { institution: opts.institution } : {}),
    })
    .expect(200);
  return { ...p, displayName: opts.name };
}

/** A team (leader plus invited members) with a complete, submitted entry. */
export async function submittedEntry(
  h: Harness,
  competitionId: string,
  leader: Person,
  others: Person[],
  teamName: string,
  title: string,
  credits = 'Everyone',
  file?: { name: string; body: Buffer; role: string },
) {
  const teamId = await teamOf(h, competitionId, leader, others, teamName);
  const entry = await h
    .http()
    .post(`/api/v1/competitions/${competitionId}/submissions`)
    .set(auth(leader.token))
    .send({ title, ...completeMovie, credits })
    .expect(201);
  if (file) {
    await h
      .http()
      .post(`/api/v1/submissions/${entry.body.id}/assets`)
      .set(auth(leader.token))
      .field('role', file.role)
      .attach('file', file.body, file.name)
      .expect(201);
  }
  await h
    .http()
    .post(`/api/v1/submissions/${entry.body.id}/submit`)
    .set(auth(leader.token))
    .expect(200);
  return { teamId, submissionId: entry.body.id as string };
}

/**
 * A submitted entry of a team of two (Leader, KR, and Mate, VN) named 'Open Team', 'Paper Boats',
 * with one file whose name names the leader.
 */
export async function leaderAndMateEntry(h: Harness, competitionId: string) {
  const leader = await profiled(h, { name: 'Leader', country: 'KR', institution: 'Busan High' });
  const mate = await profiled(h, { name: 'Mate', country: 'VN', institution: 'Hue College' });
  const entry = await submittedEntry(
    h,
    competitionId,
    leader,
    [mate],
    'Open Team',
    'Paper Boats',
    'Everyone',
    { name: 'leader-final-cut.pdf', body: Buffer.from('%PDF-1.7\n%%EOF\n'), role: 'document' },
  );
  return { ...entry, leader, mate };
}

export async function addJudge(
  h: Harness,
  token: string,
  competitionId: string,
  userId: string,
  body: object = {},
) {
  const res = await h
    .http()
    .post(`/api/v1/competitions/${competitionId}/judges`)
    .set(auth(token))
    .send({ userId, ...body });
  if (res.status !== 201) throw new Error(`addJudge: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createRound(
  h: Harness,
  token: string,
  competitionId: string,
  body: object = {},
) {
  const res = await h
    .http()
    .post(`/api/v1/competitions/${competitionId}/judging-rounds`)
    .set(auth(token))
    .send({
      name: 'First round',
      judgesPerEntry: 2,
      blind: true,
      closesAt: inDays(10),
      source: { type: 'all_submitted' },
      ...body,
    });
  if (res.status !== 201) throw new Error(`createRound: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; [k: string]: unknown };
}

/** Starts an assignment run and waits for the worker to finish it; returns the round. */
export async function assign(h: Harness, token: string, roundId: string) {
  const started = await h
    .http()
    .post(`/api/v1/judging-rounds/${roundId}/assignments`)
    .set(auth(token))
    .expect(202);
  let round: { assignment: { status: string; jobId: string } } & Record<string, unknown> = {
    assignment: { status: 'queued', jobId: '' },
  };
  await waitUntil('the assignment run', async () => {
    const res = await h.http().get(`/api/v1/judging-rounds/${roundId}`).set(auth(token));
    round = res.body;
    return (
      round.assignment.jobId === started.body.jobId &&
      ['succeeded', 'failed'].includes(round.assignment.status)
    );
  });
  return { jobId: started.body.jobId as string, round };
}

/**
 * Waits for the top-up runs a recusal or pool change queued (the worker solves them), and returns
 * each run's report (`replaced`: how many of its entries went to another judge).
 */
export async function toppedUp(h: Harness, jobIds: string[]) {
  let rows: { id: string; status: string; report: { replaced?: number } | null }[] = [];
  await waitUntil('the top-up runs', async () => {
    rows = await h.db.query(
      `SELECT id, status, report FROM judge_assignment_runs WHERE id = ANY($1::uuid[])`,
      [jobIds],
    );
    return (
      rows.length === jobIds.length &&
      rows.every((r) => r.status !== 'queued' && r.status !== 'running')
    );
  });
  expect(rows.map((r) => r.status)).toEqual(jobIds.map(() => 'succeeded'));
  return rows.map((r) => r.report!);
}

/** How many entries the top-ups gave to another judge, once they are done. */
export const replacedBy = async (h: Harness, jobIds: string[]) =>
  (await toppedUp(h, jobIds)).reduce((n, r) => n + (r.replaced ?? 0), 0);

export async function openRound(h: Harness, token: string, roundId: string) {
  await h
    .http()
    .patch(`/api/v1/judging-rounds/${roundId}`)
    .set(auth(token))
    .send({ status: 'open' })
    .expect(200);
}

export async function myAssignments(h: Harness, judge: Person) {
  const res = await h.http().get('/api/v1/me/assignments').set(auth(judge.token)).expect(200);
  return res.body as {
    id: string;
    roundId: string;
    access: string;
    submission: { id: string; title: string; assets: { id: string; href: string; mime: string }[] };
    score: { state: string; version: number };
  }[];
}

/** The coordinator records these awards and publishes them. */
export async function publishResults(
  h: Harness,
  token: string,
  competitionId: string,
  awards: { submissionId: string; award: string }[],
) {
  await h
    .http()
    .post(`/api/v1/competitions/${competitionId}/results`)
    .set(auth(token))
    .send({ awards })
    .expect(201);
  await h
    .http()
    .post(`/api/v1/competitions/${competitionId}/results/publish`)
    .set(auth(token))
    .expect(200);
}
