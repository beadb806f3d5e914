import { createHash } from 'node:crypto';
import { mp4 } from '../support/files';
import { expectAccessible, openMenu, screenshots, signIn } from './helpers';
import type { Page } from '@playwright/test';
import { expect, type Kenal, test } from './kenal';
import { adminToken, applicant, call, competition, programme } from './staff-api';

/** An applicant's team and draft entry, and the entry's page open, signed in as them. */
async function openEntry(
  page: Page,
  kenal: Kenal,
  name: string,
  country: string,
  teamName: string,
  title: string,
) {
  const admin = await adminToken(kenal);
  const c = await competition(kenal, admin, await programme(kenal, admin));
  const who = await applicant(kenal, name, country);
  const team = await call<{ id: string }>(kenal, 'POST', `/competitions/${c.id}/teams`, who.token, {
    name: teamName,
  });
  const entry = await call<{ id: string }>(
    kenal,
    'POST',
    `/competitions/${c.id}/submissions`,
    who.token,
    { teamId: team.id, title },
  );
  await signIn(page, who.email, who.password);
  await openMenu(page);
  await expect(page.getByRole('link', { name: 'My entries' })).toBeVisible();
  await page.goto(`/entries/${entry.id}`);
  return { who, entry };
}

test('an upload cut by a dropped connection resumes from where it stopped', async ({
  page,
  kenal,
}) => {
  const { who, entry } = await openEntry(page, kenal, 'Dara', 'KH', 'Mekong Lights', 'Night Boats');

  // 2.5 MB: three pieces; the connection drops while the second one is on its way.
  const film = mp4(2_500_000);
  const pieces: number[] = [];
  await page.route('**/api/v1/uploads/*', async (route) => {
    const request = route.request();
    if (request.method() !== 'PATCH') return route.continue();
    pieces.push(Number(request.headers()['upload-offset']));
    if (pieces.length === 2) return route.abort('connectionreset');
    return route.continue();
  });
  await page.getByLabel('Kind of file').selectOption('video');
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'night-boats.mp4',
    mimeType: 'video/mp4',
    buffer: film,
  });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(
    /The connection dropped during the upload\. \d+% is saved/,
  );
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Resume the upload' }).click();
  await expect(page.getByRole('button', { name: 'Remove night-boats.mp4' })).toBeVisible();
  // The first piece was not sent again: the upload went on from 1 MiB.
  expect(pieces).toEqual([0, 1048576, 1048576, 2097152]);
  const saved = await call<{ assets: { sha256: string; size: number }[] }>(
    kenal,
    'GET',
    `/submissions/${entry.id}`,
    who.token,
  );
  expect(saved.assets).toEqual([
    expect.objectContaining({
      size: film.length,
      sha256: createHash('sha256').update(film).digest('hex'),
    }),
  ]);
  await screenshots(page, 'entry-uploaded');
});

test('an upload on its way can be cancelled: the server deletes what it holds, the next starts afresh', async ({
  page,
  kenal,
}) => {
  const { who, entry } = await openEntry(
    page,
    kenal,
    'Somchai',
    'TH',
    'River Kites',
    'Paper Wings',
  );

  // The second piece is held on its way until the upload has been cancelled.
  const film = mp4(2_500_000);
  const pieces: number[] = [];
  let release = () => {};
  const held = new Promise<void>((done) => (release = done));
  await page.route('**/api/v1/uploads/*', async (route) => {
    const request = route.request();
    if (request.method() !== 'PATCH') return route.continue();
    pieces.push(Number(request.headers()['upload-offset']));
    if (pieces.length === 2) {
      await held;
      return route.abort('aborted').catch(() => undefined);
    }
    return route.continue();
  });
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'paper-wings.mp4',
    mimeType: 'video/mp4',
    buffer: film,
  });
  const session = page.waitForResponse((r) => /\/submissions\/[^/]+\/uploads$/.test(r.url()));
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  const { id } = (await (await session).json()) as { id: string };
  await expect.poll(() => pieces.length).toBe(2);
  // Nothing else can change while it runs.
  await expect(page.getByLabel('File', { exact: true })).toBeDisabled();
  await expect(page.getByLabel('Kind of file')).toBeDisabled();
  // How it looks while it runs, in Korean and Lao at 360 px (switching keeps the upload going).
  for (const locale of ['ko', 'lo', 'en']) {
    await page.locator('.language-switcher select').selectOption(locale);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    if (locale === 'en') break;
    await page.screenshot({
      path: `/tmp/kenal-shots/competitions-entry-uploading-${locale}.png`,
      fullPage: true,
    });
  }

  const gone = page.waitForResponse(
    (r) => r.request().method() === 'DELETE' && r.url().endsWith(`/uploads/${id}`),
  );
  await page.getByRole('button', { name: 'Cancel the upload' }).click();
  expect((await gone).status()).toBe(204);
  release();
  await expect(
    page.getByRole('status').filter({ hasText: 'Upload cancelled: the part already sent' }),
  ).toHaveText('Upload cancelled: the part already sent has been deleted.');
  await expect(page.getByRole('button', { name: 'Cancel the upload' })).toBeHidden();
  await expect(page.getByRole('progressbar')).toBeHidden();
  await expectAccessible(page);
  await call(kenal, 'GET', `/uploads/${id}`, who.token, undefined, { expect: 404 });

  // The same file again: a new upload from its first byte, not the cancelled one's.
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'paper-wings.mp4',
    mimeType: 'video/mp4',
    buffer: film,
  });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Remove paper-wings.mp4' })).toBeVisible();
  expect(pieces).toEqual([0, 1048576, 0, 1048576, 2097152]);
  const saved = await call<{ assets: { size: number }[] }>(
    kenal,
    'GET',
    `/submissions/${entry.id}`,
    who.token,
  );
  expect(saved.assets).toEqual([expect.objectContaining({ size: film.length })]);
});

test('after a reload the page names the unfinished upload, which can be cancelled', async ({
  page,
  kenal,
}) => {
  const { who } = await openEntry(page, kenal, 'Linh', 'VN', 'Lotus Lens', 'Rain Market');
  let pieces = 0;
  await page.route('**/api/v1/uploads/*', async (route) => {
    if (route.request().method() !== 'PATCH') return route.continue();
    pieces += 1;
    return pieces === 2 ? route.abort('connectionreset') : route.continue();
  });
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'rain.market.mp4',
    mimeType: 'video/mp4',
    buffer: mp4(2_500_000),
  });
  const session = page.waitForResponse((r) => /\/submissions\/[^/]+\/uploads$/.test(r.url()));
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  const { id } = (await (await session).json()) as { id: string };
  await expect(page.getByRole('alert')).toContainText('The connection dropped');

  await page.reload();
  const note = page.getByText(
    'Not finished: rain.market.mp4 (Video). Choose the same file to go on from where it stopped.',
  );
  await expect(note).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Cancel the upload of rain.market.mp4' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Upload cancelled: the part already sent' }),
  ).toBeVisible();
  await expect(note).toBeHidden();
  await call(kenal, 'GET', `/uploads/${id}`, who.token, undefined, { expect: 404 });
});
