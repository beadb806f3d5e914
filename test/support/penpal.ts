import { inDays } from './competitions';
import { auth, Harness } from './harness';

/** A pen-pal round whose enrolment has just closed: ready for a matching run. */
export async function closedPenpalRound(h: Harness, token: string, programmeId: string) {
  const round = await h
    .http()
    .post(`/api/v1/programmes/${programmeId}/penpal-rounds`)
    .set(auth(token))
    .send({
      name: `Round ${Math.random().toString(36).slice(2, 7)}`,
      enrolmentOpensAt: inDays(-1),
      enrolmentClosesAt: inDays(1),
      rules: { maxAgeGapYears: 5, requireSharedLanguage: true },
    })
    .expect(201);
  await h
    .http()
    .patch(`/api/v1/penpal-rounds/${round.body.id}`)
    .set(auth(token))
    .send({ enrolmentClosesAt: new Date(Date.now() - 1000).toISOString() })
    .expect(200);
  return round.body.id as string;
}
