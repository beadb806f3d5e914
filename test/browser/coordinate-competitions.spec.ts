/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { expectAccessible, screenshots, signIn } from './helpers';
import { expect, test } from './kenal';
import { mp4 } from '../support/files';
import { adminToken, applicant, call, movie, PDF, programme, staff } from './staff-api';

test('a coordinator creates a competition with a three-criterion rubric, sees an entry counted and exports the CSV', async ({
  page,
  kenal,
}) => {
  test.setTimeout(240_000);
  const admin = await adminToken(kenal);
  const coordinator = await staff(kenal, admin, ['coordinator'], 'Coordinator Bo');
  const programmeName = `Film camp ${Math.random().toString(36).slice(2, 8)}`;
  await programme(kenal, coordinator.token, 'Asia/Jakarta', programmeName);
  const minji = await applicant(kenal, 'Minji', 'KR');

  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, coordinator.email, coordinator.password);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hello');
  await page.getByRole('link', { name: 'Coordinate' }).click();
  await page.getByRole('link', { name: 'Competitions: create, edit, entries' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Competitions');
  await expect(page.getByText('No competitions in this programme yet.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: `New competition in ${programmeName}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New competition');
  await expectAccessible(page);

  await page.getByLabel('Title').fill('River Stories 2027');
  await page.getByLabel('Short name for the web address').fill('River Stories');
  await page.getByLabel('Description', { exact: true }).fill('Short films about rivers.');
  await expect(
    page.getByText('Times are in the programme’s time zone, Asia/Jakarta.'),
  ).toBeVisible();
  const rubric = page.getByRole('group', { name: 'Rubric: what judges score' });
  const labels = rubric.getByLabel('Label', { exact: true });
  const weights = rubric.getByLabel('Weight', { exact: true });
  await labels.nth(0).fill('Story');
  await labels.nth(0).blur();
  await expect(rubric.getByLabel('Key', { exact: true }).nth(0)).toHaveValue('story');
  await weights.nth(0).fill('2');
  await rubric.getByRole('button', { name: 'Add a criterion' }).click();
  await expect(labels.nth(1)).toBeFocused();
  await labels.nth(1).fill('Craft');
  await labels.nth(1).blur();
  await rubric.getByRole('button', { name: 'Add a criterion' }).click();
  await labels.nth(2).fill('Impact');
  await labels.nth(2).blur();
  await expect(rubric.getByText('Share: 50 %')).toBeVisible();
  await expect(rubric.getByText('Share: 25 %')).toHaveCount(2);
  // Reorder by keyboard: the moved row's button keeps focus, a live region says where it went.
  await rubric.getByRole('button', { name: 'Move Impact up' }).focus();
  await page.keyboard.press('Enter');
  await expect(rubric.getByRole('button', { name: 'Move Impact up' })).toBeFocused();
  await expect(rubric.getByRole('status')).toHaveText('Impact moved to place 2 of 3.');
  await expect(labels.nth(1)).toHaveValue('Impact');
  await expectAccessible(page);

  // Every error from the API beside its field.
  await page.getByRole('button', { name: 'Create the competition' }).click();
  await expect(
    page.getByText('Use lower-case letters, digits and single hyphens, like short-movies-2027.', {
      exact: true,
    }),
  ).toBeVisible();
  await expect(page.getByLabel('Short name for the web address')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await page.getByLabel('Short name for the web address').fill('river-stories-2027');
  await page.getByRole('button', { name: 'Create the competition' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('River Stories 2027');
  await expect(page.getByText('The competition is created.', { exact: false })).toBeVisible();
  const competitionId = page.url().split('/').pop()!;
  await expect(labels).toHaveCount(3);
  await expect(labels.nth(1)).toHaveValue('Impact');
  await expectAccessible(page);
  await screenshots(page, 'rubric-editor', { prefix: 'coordinate', endWidth: 1280 });

  // Extend the window by a week: the page says what changes before saving.
  await page.getByRole('button', { name: 'Extend by a week' }).click();
  await page.getByRole('button', { name: 'Review the changes' }).click();
  await expect(page.getByText(/^Entries close later:/)).toBeVisible();
  await page.getByRole('button', { name: 'Save these changes' }).click();
  await expect(page.getByText('Changes saved.')).toBeVisible();

  // The public page shows it, with its three criteria.
  await page.getByRole('link', { name: 'Public page' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('River Stories 2027');
  for (const label of ['Story', 'Impact', 'Craft']) {
    await expect(page.getByText(label, { exact: true }).first()).toBeVisible();
  }

  // An applicant's entry, made through the API, is counted and listed.
  const entry = await call<{ id: string }>(
    kenal,
    'POST',
    `/competitions/${competitionId}/submissions`,
    minji.token,
    { title: 'The Han at Night', ...movie },
  );
  // Its files: the coordinator opens them in the page, through the entry (no judging assignment).
  for (const [role, type, name, bytes] of [
    ['video', 'video/mp4', 'night.mp4', mp4(4096)],
    ['document', 'application/pdf', 'script.pdf', Buffer.from(PDF)],
  ] as const) {
    const form = new FormData();
    form.set('role', role);
    form.set('file', new Blob([bytes], { type }), name);
    await call(kenal, 'POST', `/submissions/${entry.id}/assets`, minji.token, undefined, {
      form,
      expect: 201,
    });
  }
  await page.goto(`/coordinate/competitions/${competitionId}/entries`);
  await expect(page.getByRole('link', { name: 'The Han at Night' })).toBeVisible();
  await expect(page.getByRole('button', { name: '1 Draft' })).toBeVisible();
  await expect(page.getByRole('button', { name: '0 Submitted' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: '0 Submitted' }).click();
  await expect(page.getByText('No entry matches these filters.')).toBeVisible();
  await page.getByRole('button', { name: '1 All' }).click();
  await page.getByLabel('Search by title').fill('han at');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('link', { name: 'The Han at Night' })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download these entries as CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('river-stories-2027-submissions.csv');
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain('The Han at Night');
  expect(csv).toContain('Minji');
  await screenshots(page, 'entries', { prefix: 'coordinate', endWidth: 1280 });

  // The entry, and an extension for its team.
  await page.getByRole('link', { name: 'The Han at Night' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Han at Night');
  await expect(page.getByText('Two pen pals, one camera')).toBeVisible();
  await page.getByRole('button', { name: 'Open Video 1' }).click();
  const video = page.locator('video.asset-media');
  await expect(video).toBeVisible();
  expect(await video.getAttribute('src')).toMatch(/^blob:/);
  await page.getByRole('button', { name: 'Open Document 2' }).click();
  await expect(page.locator('iframe[title="Document 2"]')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open Document 2 in a new tab' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Reason (kept in the audit log)').fill('Power cut in the village');
  await page.getByRole('button', { name: 'Grant the extension' }).click();
  await expect(page.getByText('Extension granted.')).toBeVisible();
  await expect(page.getByText('(an extension)')).toBeVisible();
});
