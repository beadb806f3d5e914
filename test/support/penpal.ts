import { inDays } from './competitions';
import { auth, Harness } from './harness';
import { waitUntil } from './wait';

/** A pen-pal round open for enrolment since yesterday, until tomorrow. */
async function openPenpalRound(h: Harness, token: string, programmeId: string, rules: object) {
  const round = await h
    .http()
    .post(`/api/v1/programmes/${programmeId}/penpal-rounds`)
    .set(auth(token))
    .send({
      name: `Round ${Math.random().toString(36).slice(2, 7)}`,
      enrolmentOpensAt: inDays(-1),
      enrolmentClosesAt: inDays(1),
      rules,
    })
    .expect(201);
  return round.body.id as string;
}

/** Enrolment in the round ends a second ago. */
const closeEnrolment = (h: Harness, token: string, roundId: string) =>
  h
    .http()
    .patch(`/api/v1/penpal-rounds/${roundId}`)
    .set(auth(token))
    .send({ enrolmentClosesAt: new Date(Date.now() - 1000).toISOString() })
    .expect(200);

/** A pen-pal round whose enrolment has just closed: ready for a matching run. */
export async function closedPenpalRound(h: Harness, token: string, programmeId: string) {
  const roundId = await openPenpalRound(h, token, programmeId, {
    maxAgeGapYears: 5,
    requireSharedLanguage: true,
  });
  await closeEnrolment(h, token, roundId);
  return roundId;
}

/** Each of these people enrols in the round through the API (201 each). */
export async function enrolAll(h: Harness, roundId: string, people: { token: string }[]) {
  for (const p of people) {
    await h
      .http()
      .post(`/api/v1/penpal-rounds/${roundId}/enrolments`)
      .set(auth(p.token))
      .send({})
      .expect(201);
  }
}

/**
 * A round of these people (enrolled through the API), its enrolment closed and a matching run
 * done by the worker (Harness.start({ worker: true })): the run's pairs are proposed, not yet
 * published.
 */
export async function matchedRound(
  h: Harness,
  token: string,
  programmeId: string,
  people: { token: string }[],
) {
  const roundId = await openPenpalRound(h, token, programmeId, { maxAgeGapYears: 10 });
  await enrolAll(h, roundId, people);
  await closeEnrolment(h, token, roundId);
  const runId = (
    await h
      .http()
      .post(`/api/v1/penpal-rounds/${roundId}/matching-runs`)
      .set(auth(token))
      .send({ seed: 1 })
      .expect(202)
  ).body.id as string;
  await waitUntil('the matching run', async () => {
    const run = await h.http().get(`/api/v1/matching-runs/${runId}`).set(auth(token)).expect(200);
    if (run.body.status === 'failed') throw new Error(JSON.stringify(run.body));
    return run.body.status === 'succeeded';
  });
  return { roundId, runId };
}
