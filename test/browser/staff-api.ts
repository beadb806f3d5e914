import type { Kenal } from './kenal';
import { person } from './kenal';

/**
 * Setting up staff scenes for the browser tests through the real API (fetch against the
 * test's Kenal), the way test/support/judging.ts does it for the e2e suites.
 */
export interface Account {
  id: string;
  email: string;
  password: string;
  name: string;
  token: string;
}

export const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();

export async function call<T = Record<string, unknown>>(
  kenal: Kenal,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  init: { form?: FormData; expect?: number } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${kenal.url}/api/v1${path}`, {
    method,
    headers,
    body: init.form ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await res.text();
  if (init.expect ? res.status !== init.expect : !res.ok) {
    throw new Error(`${method} ${path}: ${res.status} ${text}`);
  }
  return (text ? JSON.parse(text) : {}) as T;
}

async function login(kenal: Kenal, email: string, password: string): Promise<string> {
  const res = await call<{ accessToken: string }>(kenal, 'POST', '/auth/login', undefined, {
    email,
    password,
  });
  return res.accessToken;
}

export const adminToken = (kenal: Kenal) => login(kenal, 'admin@kenal.test', 'admin-password-1');

/** A staff account an admin creates; its first password is set from the emailed link. */
export async function staff(
  kenal: Kenal,
  admin: string,
  roles: string[],
  name: string,
): Promise<Account> {
  const who = { ...person(name.replace(/\s+/g, '-')), name };
  const created = await call<{ id: string }>(kenal, 'POST', '/admin/users', admin, {
    email: who.email,
    displayName: name,
    roles,
  });
  const link = await kenal.linkInEmail(who.email, /set your password/);
  const token = link.split('/').pop()!;
  await call(kenal, 'POST', `/auth/password-reset/${token}`, undefined, {
    password: who.password,
  });
  return { id: created.id, ...who, token: await login(kenal, who.email, who.password) };
}

/** An applicant with a verified address and an adult's profile in `country`. */
export async function applicant(kenal: Kenal, name: string, country: string): Promise<Account> {
  const who = { ...person(name.replace(/\s+/g, '-')), name };
  const reg = await call<{ user: { id: string }; accessToken: string }>(
    kenal,
    'POST',
    '/auth/register',
    undefined,
    { email: who.email, password: who.password, displayName: name },
  );
  const link = await kenal.linkInEmail(who.email, /Confirm your email/);
  await call(kenal, 'POST', `/auth/verify-email/${link.split('/').pop()}`);
  await call(kenal, 'PUT', '/me/profile', reg.accessToken, {
    country,
    dateOfBirth: '2001-05-05',
    languages: [{ code: 'en', level: 'fluent' }],
    interests: ['film'],
  });
  return { id: reg.user.id, ...who, token: reg.accessToken };
}

/** A programme named `Programme <slug>` unless a name is given. */
export async function programme(
  kenal: Kenal,
  token: string,
  timezone = 'Asia/Jakarta',
  name?: string,
) {
  const slug = `p-${Math.random().toString(36).slice(2, 10)}`;
  const res = await call<{ id: string }>(kenal, 'POST', '/programmes', token, {
    name: name ?? `Programme ${slug}`,
    slug,
    timezone,
  });
  return res.id;
}

export const rubric = [
  {
    key: 'story',
    label: 'Story',
    weight: 2,
    min: 0,
    max: 10,
    description: 'Does the film hold together?',
  },
  { key: 'craft', label: 'Craft', weight: 1, min: 0, max: 10 },
];

export async function competition(kenal: Kenal, token: string, programmeId: string) {
  return call<{ id: string }>(kenal, 'POST', `/programmes/${programmeId}/competitions`, token, {
    kind: 'short_movie',
    title: 'Short Movies 2027',
    slug: `c-${Math.random().toString(36).slice(2, 10)}`,
    submissionOpensAt: inDays(-1),
    submissionClosesAt: inDays(30),
    rubric,
  });
}

export const movie = {
  logline: 'Two pen pals, one camera',
  synopsis: 'A film made across two countries.',
  runtimeSeconds: 540,
  language: 'ko',
  subtitleLanguages: ['en', 'th'],
  videoUrl: 'https://videos.example/han-river-crew',
  credits: 'Kim Minji, Somchai Dee',
  rightsConfirmed: true,
};

/** A small PDF whose metadata names its author (blind rounds must strip it). */
export const PDF = [
  '%PDF-1.7',
  '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
  '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj',
  '3 0 obj << /Author (Kim Minji) >> endobj',
  'trailer << /Root 1 0 R /Info 3 0 R >>',
  '%%EOF',
  '',
].join('\n');

/** A one-person team's submitted entry, with a PDF document. */
export async function submittedEntry(
  kenal: Kenal,
  competitionId: string,
  leader: Account,
  teamName: string,
  title: string,
) {
  const team = await call<{ id: string }>(
    kenal,
    'POST',
    `/competitions/${competitionId}/teams`,
    leader.token,
    { name: teamName },
  );
  const entry = await call<{ id: string }>(
    kenal,
    'POST',
    `/competitions/${competitionId}/submissions`,
    leader.token,
    { title, ...movie },
  );
  const form = new FormData();
  form.set('role', 'document');
  form.set('file', new Blob([PDF], { type: 'application/pdf' }), 'kim-minji-script.pdf');
  await call(kenal, 'POST', `/submissions/${entry.id}/assets`, leader.token, undefined, {
    form,
    expect: 201,
  });
  await call(kenal, 'POST', `/submissions/${entry.id}/submit`, leader.token);
  return { teamId: team.id, submissionId: entry.id };
}

/** Pool, blind round, the assignment job, open: returns the round id. */
export async function openBlindRound(
  kenal: Kenal,
  token: string,
  competitionId: string,
  judgeIds: string[],
) {
  for (const userId of judgeIds) {
    await call(kenal, 'POST', `/competitions/${competitionId}/judges`, token, { userId });
  }
  const round = await call<{ id: string }>(
    kenal,
    'POST',
    `/competitions/${competitionId}/judging-rounds`,
    token,
    {
      name: 'First round',
      judgesPerEntry: 1,
      blind: true,
      closesAt: inDays(10),
      source: { type: 'all_submitted' },
    },
  );
  const job = await call<{ jobId: string }>(
    kenal,
    'POST',
    `/judging-rounds/${round.id}/assignments`,
    token,
  );
  for (let i = 0; i < 300; i += 1) {
    const r = await call<{ assignment: { jobId: string; status: string } }>(
      kenal,
      'GET',
      `/judging-rounds/${round.id}`,
      token,
    );
    if (r.assignment.jobId === job.jobId && r.assignment.status === 'succeeded') break;
    if (r.assignment.status === 'failed') throw new Error('the assignment run failed');
    await new Promise((done) => setTimeout(done, 100));
  }
  await call(kenal, 'PATCH', `/judging-rounds/${round.id}`, token, { status: 'open' });
  return round.id;
}
