import { createHash } from 'node:crypto';
import { mp4 } from '../support/files';
import { expectAccessible, openMenu, screenshots, signIn } from './helpers';
import { expect, test } from './kenal';
import { adminToken, applicant, call, competition, programme } from './staff-api';

test('an upload cut by a dropped connection resumes from where it stopped', async ({
  page,
  kenal,
}) => {
  const admin = await adminToken(kenal);
  const c = await competition(kenal, admin, await programme(kenal, admin));
  const who = await applicant(kenal, 'Dara', 'KH');
  const team = await call<{ id: string }>(kenal, 'POST', `/competitions/${c.id}/teams`, who.token, {
    name: 'Mekong Lights',
  });
  const entry = await call<{ id: string }>(
    kenal,
    'POST',
    `/competitions/${c.id}/submissions`,
    who.token,
    {
      teamId: team.id,
      title: 'Night Boats',
    },
  );
  await signIn(page, who.email, who.password);
  await openMenu(page);
  await expect(page.getByRole('link', { name: 'My entries' })).toBeVisible();
  await page.goto(`/entries/${entry.id}`);

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
