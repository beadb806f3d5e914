/// <reference lib="dom" />
import type { Page } from '@playwright/test';
import { mp4, png } from '../support/files';
import { expectAccessible, navTo, screenshots } from './helpers';
import { expect, type Kenal, person, test } from './kenal';

interface Account {
  name: string;
  email: string;
  password: string;
}

async function call<T = Record<string, unknown>>(
  kenal: Kenal,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<T> {
  const res = await fetch(`${kenal.url}/api/v1${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

/** An adult with a verified email and a profile in `country`, made through the API. */
async function participant(kenal: Kenal, who: Account, country: string, locale = 'en') {
  await call(kenal, 'POST', '/auth/register', {
    email: who.email,
    password: who.password,
    displayName: who.name,
    locale,
  });
  const mail = await kenal.smtp.waitForSubject(who.email, /Confirm your email/, 30_000);
  const token = mail.text.match(/verify-email\/([A-Za-z0-9_-]{43})/)![1];
  await call(kenal, 'POST', `/auth/verify-email/${token}`);
  const { accessToken } = await call<{ accessToken: string }>(kenal, 'POST', '/auth/login', {
    email: who.email,
    password: who.password,
  });
  await call(
    kenal,
    'PUT',
    '/me/profile',
    {
      country,
      dateOfBirth: '2000-04-01',
      languages: [{ code: 'en', level: 'fluent' }],
      interests: ['film'],
      locale,
    },
    accessToken,
  );
}

/** A short-movie competition that needs a mixed team of two or more, open now. */
async function openCompetition(kenal: Kenal) {
  const { accessToken } = await call<{ accessToken: string }>(kenal, 'POST', '/auth/login', {
    email: 'admin@kenal.test',
    password: 'admin-password-1',
  });
  const slug = `films-${Date.now()}`;
  const programme = await call<{ id: string }>(
    kenal,
    'POST',
    '/programmes',
    { name: 'Kenal Film Week', slug, timezone: 'Asia/Seoul' },
    accessToken,
  );
  const day = 86_400_000;
  return call<{ id: string }>(
    kenal,
    'POST',
    `/programmes/${programme.id}/competitions`,
    {
      kind: 'short_movie',
      title: 'Short Movies 2027',
      slug,
      description: 'Make a film of up to 10 minutes with friends from another country.',
      submissionOpensAt: new Date(Date.now() - day).toISOString(),
      submissionClosesAt: new Date(Date.now() + 30 * day).toISOString(),
      eligibility: { minTeamSize: 2, maxTeamSize: 5, requireMixedTeam: true },
      rubric: [
        { key: 'story', label: 'Story', weight: 2, min: 0, max: 10 },
        { key: 'craft', label: 'Craft', weight: 1, min: 0, max: 10 },
      ],
      limits: { maxRuntimeSeconds: 600 },
    },
    accessToken,
  );
}

async function signIn(page: Page, who: Account) {
  await page.getByLabel('Email', { exact: true }).fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a mixed team formed by an emailed invitation drafts, uploads and submits a short movie', async ({
  page,
  browser,
  kenal,
}) => {
  test.setTimeout(240_000);
  const leader = person('Minji');
  const member = person('Noy');
  await participant(kenal, leader, 'KR');
  await participant(kenal, member, 'LA');
  const competition = await openCompetition(kenal);

  // The public page, signed out: rules, window, rubric.
  await page.goto(`/competitions/${competition.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Short Movies 2027');
  await expect(page.getByText('Each team needs at least one member from Korea')).toBeVisible();
  await expect(page.getByText('67% of the score, marked 0 to 10')).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'public');

  // The leader signs in from the page and forms a team.
  await page.getByRole('link', { name: 'Sign in to take part' }).click();
  await signIn(page, leader);
  await expect(page).toHaveURL(new RegExp(`/competitions/${competition.id}$`));
  await page.getByLabel('Team name').fill('Seoul–Vientiane');
  await page.getByRole('button', { name: 'Create the team' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Seoul–Vientiane');
  await page.getByLabel('Their email').fill(member.email);
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.getByText(`We emailed an invitation to ${member.email}.`)).toBeVisible();
  await expect(page.getByRole('list').getByText(member.email)).toBeVisible();
  await expectAccessible(page);

  // The invitee opens the link from the real email in their own browser and signs in first.
  const link = await kenal.linkInEmail(member.email, /invites you to join team/);
  expect(link).toMatch(new RegExp(`^${kenal.url}/invitations/[A-Za-z0-9_-]{43}$`));
  const other = await browser.newContext();
  const invitee = await other.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole('heading', { level: 1 })).toHaveText('Join Seoul–Vientiane');
  await expectAccessible(invitee);
  await invitee.getByRole('link', { name: 'Sign in to answer' }).click();
  await signIn(invitee, member);
  await expect(invitee).toHaveURL(link);
  await invitee.getByRole('button', { name: 'Join the team' }).click();
  await expect(invitee.getByRole('heading', { level: 1 })).toHaveText('Seoul–Vientiane');
  await expect(invitee.getByText('Minji (South Korea) · leader')).toBeVisible();
  await expect(invitee.getByText('Noy (Laos)')).toBeVisible();

  // The leader starts the draft; typing is saved without a button, and survives a reload.
  await page.reload();
  await expect(page.getByText('Noy (Laos)')).toBeVisible();
  await screenshots(page, 'team');
  await page.getByLabel('Title of the entry').fill('Paper Boats');
  await page.getByRole('button', { name: 'Start the entry' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Paper Boats');
  await page.getByLabel('Logline (one sentence about the film)').fill('Two pen pals, one river');
  await page.getByLabel('Synopsis').fill('A paper boat travels from Seoul to Vientiane.');
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Logline (one sentence about the film)')).toHaveValue(
    'Two pen pals, one river',
  );

  // Submitting too early says what is missing beside each field.
  await page.getByRole('button', { name: 'Submit the entry' }).click();
  await expect(page.getByText('Some things are still missing.')).toBeVisible();
  await expect(page.getByText('Upload the film or give a link to it.').first()).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Length in seconds').fill('540');
  await page.getByLabel('Spoken language').selectOption('ko');
  await page.getByLabel('Credits').fill('Minji, Noy');
  await page.getByLabel(/Our team made this film/).check();
  await expect(page.getByText('All changes saved')).toBeVisible();

  // Uploads with a progress bar: the film and a poster.
  await page.getByLabel('Kind of file').selectOption('video');
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'paper-boats.mp4',
    mimeType: 'video/mp4',
    buffer: mp4(200_000),
  });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Remove paper-boats.mp4' })).toBeVisible();
  await page.getByLabel('Kind of file').selectOption('poster');
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'poster.png',
    mimeType: 'image/png',
    buffer: png(),
  });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Remove poster.png' })).toBeVisible();
  // A file that is not what it says is refused in words.
  await page.getByLabel('Kind of file').selectOption('poster');
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'not-a-poster.png',
    mimeType: 'image/png',
    buffer: Buffer.from('just some text, not an image'),
  });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(page.getByText("That kind of file isn't accepted here.")).toBeVisible();

  // Submit, the receipt on the page and by email.
  await page.getByRole('button', { name: 'Submit the entry' }).click();
  await expect(page.getByRole('heading', { name: 'Your entry is in' })).toBeVisible();
  await expect(page.getByText(/“Paper Boats” was submitted on .* 2 files/)).toBeVisible();
  const receipt = await kenal.smtp.waitForSubject(leader.email, /Received: "Paper Boats"/, 30_000);
  expect(receipt.text).toContain('Keep this email as your receipt');
  await page.getByText('Version history').click();
  await expect(page.getByText(/Version \d+: Minji submitted/)).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'entry');

  // My entries lists it; the team member sees it too.
  await navTo(page, 'My entries');
  await expect(page.getByRole('link', { name: 'Paper Boats', exact: true })).toBeVisible();
  await expectAccessible(page);
  await invitee.goto(`${kenal.url}/me/submissions`);
  // The entry in the list, and again under My teams beside the team.
  await expect(invitee.getByText('Submitted', { exact: true })).toHaveCount(2);

  // Withdraw asks first.
  await page.getByRole('link', { name: 'Paper Boats', exact: true }).click();
  await page.getByRole('button', { name: 'Withdraw the entry' }).click();
  await page.getByRole('button', { name: 'Yes, withdraw it' }).click();
  await expect(page.getByText('This entry was withdrawn.')).toBeVisible();
  await other.close();
});

test('an edit on a stale version keeps what was typed and says who changed what', async ({
  page,
  kenal,
}) => {
  const leader = person('Jisoo');
  const member = person('Linh');
  await participant(kenal, leader, 'KR');
  await participant(kenal, member, 'VN');
  const competition = await openCompetition(kenal);
  const login = async (who: Account) =>
    (
      await call<{ accessToken: string }>(kenal, 'POST', '/auth/login', {
        email: who.email,
        password: who.password,
      })
    ).accessToken;
  const leaderToken = await login(leader);
  const team = await call<{ id: string }>(
    kenal,
    'POST',
    `/competitions/${competition.id}/teams`,
    { name: 'Busan–Hanoi' },
    leaderToken,
  );
  const entry = await call<{ id: string; version: number }>(
    kenal,
    'POST',
    `/competitions/${competition.id}/submissions`,
    { teamId: team.id, title: 'River Songs' },
    leaderToken,
  );

  await page.goto(`/entries/${entry.id}`);
  await signIn(page, leader);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('River Songs');
  // Meanwhile the same entry is changed elsewhere (another device of the team).
  await call(
    kenal,
    'PATCH',
    `/submissions/${entry.id}`,
    { synopsis: 'Written on the phone', version: entry.version },
    leaderToken,
  );
  await page.getByLabel('Synopsis').fill('Written on the laptop');
  await expect(page.getByText('Someone in your team saved this entry')).toBeVisible();
  await expect(page.getByLabel('Synopsis')).toHaveValue('Written on the laptop');
  await expect(page.getByText('Written on the phone')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save my text' }).click();
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Synopsis')).toHaveValue('Written on the laptop');
});
