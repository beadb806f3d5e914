/// <reference lib="dom" />
import type { Page } from '@playwright/test';
import { expectAccessible, navTo } from './helpers';
import { expect, test } from './kenal';
import {
  adminToken,
  applicant,
  call,
  competition,
  openBlindRound,
  programme,
  staff,
  submittedEntry,
} from './staff-api';

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hello');
}

/** What names the team anywhere: none of it may reach the judge's page in a blind round. */
const NAMING = ['Han River Crew', 'Kim Minji', 'Somchai', 'videos.example', 'kim-minji-script'];

async function expectNothingNames(page: Page) {
  const text = await page.locator('body').innerText();
  for (const name of NAMING) expect(text).not.toContain(name);
}

test('a judge scores a blind entry to final from a phone, and nothing names the team', async ({
  page,
  kenal,
}) => {
  const admin = await adminToken(kenal);
  const coordinator = await staff(kenal, admin, ['coordinator'], 'Coordinator Ana');
  const judge = await staff(kenal, admin, ['judge'], 'Judge Lee');
  const leader = await applicant(kenal, 'Kim Minji', 'KR');
  const programmeId = await programme(kenal, coordinator.token, 'Asia/Vientiane');
  const { id: competitionId } = await competition(kenal, coordinator.token, programmeId);
  await submittedEntry(kenal, competitionId, leader, 'Han River Crew', 'Two Rivers');
  await openBlindRound(kenal, coordinator.token, competitionId, [judge.id]);

  await signIn(page, judge.email, judge.password);
  await navTo(page, 'Judging');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Judging');
  await expect(page.getByText('0 of 1 scored')).toBeVisible();
  await expect(page.getByText('Not started')).toBeVisible();
  await expect(page.getByText('in the programme’s time zone, Asia/Vientiane')).toBeVisible();
  await expectNothingNames(page);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Two Rivers' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Two Rivers');
  await expect(page.getByText('This round is blind')).toBeVisible();
  await expect(page.getByText('Two pen pals, one camera')).toBeVisible();
  // The document streams into the page (a copy without the metadata that names its author).
  await page.getByRole('button', { name: 'Open Document 1' }).click();
  await expect(page.locator('iframe[title="Document 1"]')).toBeVisible();
  await expectNothingNames(page);

  // One field per criterion with its range and weight; the weighted total follows the typing.
  const story = page.getByLabel('Story');
  await expect(page.getByText('Does the film hold together?')).toBeVisible();
  await expect(page.getByText('From 0 to 10 · weight 2')).toBeVisible();
  await story.fill('8');
  await expect(page.locator('.total-value')).toHaveText('8');
  await expect(page.getByText('(1 of 2 criteria so far)')).toBeVisible();
  await page.getByLabel('Craft').fill('5');
  await expect(page.locator('.total-value')).toHaveText('7');
  await story.fill('11');
  await expect(page.getByText('Enter a number from 0 to 10.')).toBeVisible();
  await story.fill('8');
  // Autosave: a draft arrives on the server without pressing anything.
  await expect(page.getByText(/^Draft saved \(/)).toBeVisible();
  const [mine] = await call<{ id: string; score: { state: string; version: number } }[]>(
    kenal,
    'GET',
    '/me/assignments',
    judge.token,
  );
  expect(mine.score.state).toBe('draft');
  await expectAccessible(page);

  // Another tab saves meanwhile: the page says what changed and keeps what was typed.
  await call(kenal, 'PUT', `/assignments/${mine.id}/score`, judge.token, {
    scores: { story: 3, craft: 4 },
    final: false,
    version: mine.score.version,
  });
  await page.getByLabel('Comment').fill('Strong ending, the middle drags.');
  await expect(
    page.getByRole('heading', { name: 'This score was changed somewhere else' }),
  ).toBeVisible();
  await expect(page.getByRole('row', { name: /Story 3 8/ })).toBeVisible();
  await expect(page.getByLabel('Comment')).toHaveValue('Strong ending, the middle drags.');
  await expect(story).toHaveValue('8');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save mine over it' }).click();
  await expect(page.getByText(/^Draft saved \(/)).toBeVisible();

  await page.screenshot({
    path: '/tmp/kenal-shots/judging-score-sheet-en-360.png',
    fullPage: true,
  });
  await page.locator('.language-switcher select').selectOption('ko');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByText('가중 합계', { exact: true })).toBeVisible();
  await page.screenshot({
    path: '/tmp/kenal-shots/judging-score-sheet-ko-360.png',
    fullPage: true,
  });
  await page.locator('.language-switcher select').selectOption('lo');
  await expect(page.locator('html')).toHaveAttribute('lang', 'lo');
  // A judge has no profile: the choice still reaches the account, so emails come in Lao too.
  await expect
    .poll(async () => (await call<{ locale: string }>(kenal, 'GET', '/me', judge.token)).locale)
    .toBe('lo');
  await page.screenshot({
    path: '/tmp/kenal-shots/judging-score-sheet-lo-360.png',
    fullPage: true,
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({
    path: '/tmp/kenal-shots/judging-score-sheet-lo-desktop.png',
    fullPage: true,
  });
  await page.locator('.language-switcher select').selectOption('en');
  await page.setViewportSize({ width: 360, height: 740 });

  // Final, after a confirmation that says it cannot change.
  await page.getByRole('button', { name: 'Send final score' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Send this as your final score?' });
  await expect(confirm).toContainText('A final score cannot be changed afterwards.');
  await expect(confirm).toBeFocused();
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Yes, send final score' }).click();
  await expect(page.getByText('Your final score is sent. It can no longer change.')).toBeVisible();
  await expect(page.getByLabel('Story')).toHaveJSProperty('readOnly', true);
  const after = await call<{ score: { state: string; scores: object; comment: string } }>(
    kenal,
    'GET',
    `/assignments/${mine.id}`,
    judge.token,
  );
  expect(after.score).toMatchObject({
    state: 'final',
    scores: { story: 8, craft: 5 },
    comment: 'Strong ending, the middle drags.',
  });
  await page.getByRole('link', { name: 'Back to my entries' }).click();
  await expect(page.getByText('1 of 1 scored')).toBeVisible();
  await expect(page.getByText('Final score sent')).toBeVisible();
  await expectNothingNames(page);
});
