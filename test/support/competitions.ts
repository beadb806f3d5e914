import { readdir } from 'node:fs/promises';
import { auth, Harness } from './harness';

export type Person = Awaited<ReturnType<Harness['register']>>;

export { waitUntil } from './wait';

export const rubric = [
  { key: 'story', label: 'Story', weight: 2, min: 0, max: 10 },
  { key: 'craft', label: 'Craft', weight: 1, min: 0, max: 10 },
];

export const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();

/** Someone with a profile: an adult unless a date of birth says otherwise. */
export async function person(
  h: Harness,
  country: string,
  opts: {
    displayName?: string;
    dateOfBirth?: string;
    locale?: string;
    timezone?: string;
    guardian?: { name: string; email: string };
  } = {},
): Promise<Person> {
  const p = await h.register({
    displayName: opts.displayName ?? `Person ${country}`,
    ...(opts.locale ? { locale: opts.locale } : {}),
  });
  const dateOfBirth = opts.dateOfBirth ?? '2001-05-05';
  const minor = new Date(dateOfBirth).getTime() > Date.now() - 18 * 365.25 * 86400_000;
  await h
    .http()
    .put('/api/v1/me/profile')
    .set(auth(p.token))
    .send({
      country,
      dateOfBirth,
      languages: [{ code: 'en', level: 'fluent' }],
      interests: ['film'],
      ...(opts.timezone ? { timezone: opts.timezone } : {}),
      ...(minor
        ? { guardian: opts.guardian ?? { name: 'Guardian', email: `guardian-${p.id}@kenal.test` } }
        : {}),
    })
    .expect(200);
  return p;
}

/** The guardian of a minor made by `person` confirms from the link in the email as received. */
export async function confirmGuardian(
  h: Harness,
  p: Person,
  guardianEmail = `guardian-${p.id}@kenal.test`,
) {
  const mail = await h.smtp.waitFor(guardianEmail);
  const token = mail.text.match(/\/consent\/([A-Za-z0-9_-]{43})/)![1];
  await h.http().post(`/api/v1/guardian-consents/${token}/confirm`).expect(200);
}

export async function programme(
  h: Harness,
  token: string,
  slug: string,
  timezone = 'Asia/Jakarta',
) {
  const res = await h
    .http()
    .post('/api/v1/programmes')
    .set(auth(token))
    .send({ name: `Programme ${slug}`, slug, timezone })
    .expect(201);
  return res.body.id as string;
}

export async function competition(
  h: Harness,
  token: string,
  programmeId: string,
  body: Record<string, unknown> = {},
) {
  const res = await h
    .http()
    .post(`/api/v1/programmes/${programmeId}/competitions`)
    .set(auth(token))
    .send({
      kind: 'short_movie',
      title: 'Short Movies 2027',
      slug: `c-${Math.random().toString(36).slice(2, 10)}`,
      submissionOpensAt: inDays(-1),
      submissionClosesAt: inDays(30),
      rubric,
      ...body,
    });
  if (res.status !== 201) throw new Error(`competition: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; [k: string]: unknown };
}

/** A team led by `leader` with `others` joined through emailed invitations. */
export async function teamOf(
  h: Harness,
  competitionId: string,
  leader: Person,
  others: Person[],
  name = 'Team',
) {
  const team = await h
    .http()
    .post(`/api/v1/competitions/${competitionId}/teams`)
    .set(auth(leader.token))
    .send({ name })
    .expect(201);
  for (const other of others) {
    const before = h.smtp.to(other.email).length;
    await h
      .http()
      .post(`/api/v1/teams/${team.body.id}/invitations`)
      .set(auth(leader.token))
      .send({ email: other.email })
      .expect(201);
    const mail = await h.smtp.waitFor(other.email, before + 1);
    const token = mail.text.match(/\/invitations\/([A-Za-z0-9_-]{43})/)?.[1];
    await h
      .http()
      .post(`/api/v1/team-invitations/${token}/accept`)
      .set(auth(other.token))
      .expect(200);
  }
  return team.body.id as string;
}

export const completeMovie = {
  logline: 'Two pen pals, one camera',
  synopsis: 'A film made across two countries.',
  runtimeSeconds: 540,
  language: 'ko',
  subtitleLanguages: ['en', 'th'],
  videoUrl: 'https://videos.example/film',
  credits: 'Everyone',
  rightsConfirmed: true,
};

export const completeProject = {
  problem: 'Plastic in the Mekong',
  sdgs: [6, 14],
  targetCountries: ['TH', 'KR'],
  plan: 'Clean-ups and a school programme',
  milestones: [{ title: 'Pilot', due: '2027-06-30' }],
  budgetUsd: 1200,
  partnersSought: ['schools'],
};

export async function filesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return [];
  }
}

export { mp4 } from './files';
