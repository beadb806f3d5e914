/// <reference lib="dom" />
import type { Page } from '@playwright/test';
import { expectAccessible, navTo } from './helpers';
import { expect, test } from './kenal';
import { adminToken, applicant, call, programme, staff } from './staff-api';

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hello');
}

test('a coordinator runs a pen-pal round from creation to published matches', async ({
  page,
  kenal,
}) => {
  test.setTimeout(180_000);
  const admin = await adminToken(kenal);
  const coordinator = await staff(kenal, admin, ['coordinator'], 'Coordinator Ana');
  const programmeName = `Youth exchange ${Math.random().toString(36).slice(2, 8)}`;
  await programme(kenal, coordinator.token, 'Asia/Seoul', programmeName);
  const people = [
    await applicant(kenal, 'Minji', 'KR'),
    await applicant(kenal, 'Jisoo', 'KR'),
    await applicant(kenal, 'Noy', 'LA'),
    await applicant(kenal, 'Hadi', 'BN'),
  ];

  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, coordinator.email, coordinator.password);
  await navTo(page, 'Coordinate');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Coordinate');
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: programmeName }) });
  await card.getByText('New pen-pal round').click();
  await expectAccessible(page);
  await card.getByLabel('Round name').fill('Spring pen pals');
  await card.getByLabel('Pairs wanted for every ASEAN country').fill('1');
  await card.getByRole('button', { name: 'Create the round' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Spring pen pals');
  await expect(page.getByText('Enrolment is open')).toBeVisible();
  const roundId = page.url().split('/').pop()!;

  for (const p of people) {
    await call(kenal, 'POST', `/penpal-rounds/${roundId}/enrolments`, p.token, {});
  }
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Enrolments: 4' })).toBeVisible();
  await expect(page.getByRole('row', { name: 'Laos 1', exact: true })).toBeVisible();
  // Who enrolled, one country at a time.
  const enrolled = page.getByRole('region', { name: 'People enrolled' });
  await expect(enrolled.getByRole('cell', { name: 'Hadi', exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: 'Country', exact: true }).selectOption('KR');
  await expect(enrolled.getByRole('cell', { name: 'Minji', exact: true })).toBeVisible();
  await expect(enrolled.getByRole('cell', { name: 'Hadi', exact: true })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Close enrolment now' }).click();
  await expect(page.getByText('Enrolment is closed')).toBeVisible();

  await page.getByRole('button', { name: 'Run the matching' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Matching report');
  await expect(page.getByText(/^2 pairs\. 4 of 4 people have a pen pal/)).toBeVisible({
    timeout: 60_000,
  });
  // The chart shows every ASEAN country, the small ones beside the big ones.
  const chart = page.getByRole('table', { name: 'Pairs per country' });
  await expect(chart.getByRole('row', { name: /Brunei 1/ })).toBeVisible();
  await expect(chart.getByRole('row', { name: /Laos 1/ })).toBeVisible();
  await expect(chart.getByRole('row', { name: /Indonesia 0/ })).toBeVisible();
  await expect(page.getByText('Indonesia: 0 of 1 pairs')).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({
    path: '/tmp/kenal-shots/coordinate-run-report-en-desktop.png',
    fullPage: true,
  });

  // Pin the pair Minji has, then run again: the pair stays.
  const minjiRow = page.getByRole('row').filter({ hasText: 'Minji' });
  const pinButton = minjiRow.getByRole('button', { name: /^Pin Minji/ });
  const pinName = await pinButton.innerText();
  await pinButton.click();
  await expect(minjiRow.getByText('Pinned for the next run')).toBeVisible();
  await page.getByRole('button', { name: 'Run the matching again' }).click();
  await expect(page.getByText(/^2 pairs\./)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: pinName })).toBeVisible();

  // The search covers every pair of the run, on the server: a name, or a country code.
  const search = page.getByRole('search');
  await search.getByLabel('Search the pairs').fill('noy');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { name: 'Pairs found: 1' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Noy (Laos)' })).toBeVisible();
  await search.getByLabel('Search the pairs').fill('');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { name: 'Pairs: 2' })).toBeVisible();

  for (const locale of ['ko', 'km']) {
    await page.locator('.language-switcher select').selectOption(locale);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({
      path: `/tmp/kenal-shots/coordinate-run-report-${locale}-360.png`,
      fullPage: true,
    });
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  await page.locator('.language-switcher select').selectOption('en');

  await page.getByRole('button', { name: 'Publish these pairs' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Publish these pairs?' });
  await expect(confirm).toContainText('4 people will be told who their pen pal is');
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Yes, publish and tell them' }).click();
  await expect(page.getByText('Published. 4 people are being told.')).toBeVisible();

  // The applicant sees the match.
  const mine = await call<{ status: string; penpal: { displayName: string } }[]>(
    kenal,
    'GET',
    '/me/penpals',
    people[2].token,
  );
  expect(mine).toHaveLength(1);
  expect(['Minji', 'Jisoo']).toContain(mine[0].penpal.displayName);
});
