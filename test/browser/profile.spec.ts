/// <reference lib="dom" />
import type { Page } from '@playwright/test';
import { expectAccessible, openMenu, signUp } from './helpers';
import { expect, person, test } from './kenal';

/** A minor's profile, in whatever language the page is in (fields found by name, not label). */
async function fillMinorProfile(page: Page, guardian: { name: string; email: string }) {
  await page.locator('select[name=country]').selectOption('LA');
  await page.locator('input[name=dateOfBirth]').fill('2011-03-04');
  await page.locator('input[name=guardianName]').fill(guardian.name);
  await page.locator('input[name=guardianEmail]').fill(guardian.email);
  await page.locator('fieldset select').first().selectOption('lo');
  await page.locator('input[type=checkbox]').first().check();
  await page.locator('form button[type=submit]').click();
}

test('a minor fills the profile; the guardian confirms from the link in the email as received', async ({
  page,
  browser,
  kenal,
}) => {
  const teen = await signUp(page, person('Dara'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My profile');
  await expectAccessible(page);

  await page.getByLabel('Country').selectOption('KH');
  await expect(page.getByLabel('Country').locator('option:checked')).toHaveText('Cambodia');
  await page.getByLabel('Date of birth').fill('2011-03-04');
  // Under 18: the form asks for a guardian.
  const guardian = person('Sophea');
  await page.getByLabel('Their name').fill(guardian.name);
  await page.getByLabel('Their email').fill(guardian.email);
  await page.getByLabel('Language 1').selectOption('km');
  await page.getByLabel('Level').first().selectOption('native');
  await page.getByRole('button', { name: 'Add a language' }).click();
  await page.getByLabel('Language 2').selectOption('en');
  await page.getByLabel('Level').nth(1).selectOption('basic');
  await page.getByLabel('Film').check();
  await page.getByLabel('Street food').check();
  await page.getByLabel('City (optional)').fill('Siem Reap');
  await page.getByLabel('About me (optional)').fill('I make short films on my phone.');
  await page.getByRole('button', { name: 'Save my profile' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Your profile is saved.' }),
  ).toBeVisible();
  await expect(page.getByText(`We emailed ${guardian.name} at ${guardian.email}`)).toBeVisible();
  await expectAccessible(page);

  // The guardian, on their own device, opens the link exactly as the email has it.
  const link = await kenal.linkInEmail(guardian.email, /confirm .* may take part/i);
  expect(link).toMatch(/\/consent\/[A-Za-z0-9_-]{43}\?lang=en$/);
  const guardianContext = await browser.newContext();
  const gp = await guardianContext.newPage();
  await gp.goto(link);
  await expect(gp.getByRole('heading', { level: 1 })).toHaveText(
    `May ${teen.name} take part in Kenal?`,
  );
  await expect(gp.getByText(`Dear ${guardian.name},`)).toBeVisible();
  await expectAccessible(gp);
  await gp.getByRole('button', { name: 'Yes, I agree' }).click();
  await expect(gp.getByRole('status')).toHaveText(
    `You said yes. ${teen.name} can now take part in Kenal.`,
  );
  await guardianContext.close();

  // The teen sees it.
  await page.reload();
  await expect(page.getByText('Confirmed')).toBeVisible();
  await expect(page.getByText(`${guardian.name} said yes on`)).toBeVisible();
  // The saved profile comes back as saved.
  await expect(page.getByLabel('City (optional)')).toHaveValue('Siem Reap');
  await expect(page.getByLabel('Film')).toBeChecked();
  await expect(page.getByLabel('Language 2')).toHaveValue('en');

  // The link works once.
  const again = await browser.newContext();
  const ap = await again.newPage();
  await ap.goto(link);
  await expect(ap.getByRole('alert')).toContainText("This link doesn't work any more");
  await again.close();
});

test('a missing guardian is said beside the fields, and nothing is saved', async ({ page }) => {
  await signUp(page);
  await page.getByLabel('Country').selectOption('KR');
  await page.getByLabel('Date of birth').fill('2012-01-01');
  await page.getByLabel('Language 1').selectOption('ko');
  // Skip the browser's own check to see the API's answer shown beside the field.
  await page.locator('form').evaluate((f) => f.setAttribute('novalidate', ''));
  await page.getByRole('button', { name: 'Save my profile' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    "Because you are under 18, we need your parent or guardian's name and email.",
  );
  await expect(page.getByLabel('Their name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Their email')).toHaveAccessibleDescription('Please fill this in.');
  // Nothing was saved.
  await page.reload();
  await expect(page.getByLabel('Country')).toHaveValue('');
});

test('in Korean, Lao and Khmer at 360 px: profile and the guardian page in the minor language', async ({
  page,
  browser,
  kenal,
}) => {
  await page.goto('/sign-up');
  await page.locator('select').first().selectOption('lo');
  await expect(page.locator('html')).toHaveAttribute('lang', 'lo');
  const teen = person('Noy');
  await page.locator('input[name=displayName]').fill(teen.name);
  await page.locator('input[name=email]').fill(teen.email);
  await page.locator('input[name=password]').fill(teen.password);
  await page.locator('form button[type=submit]').click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/[\u0E80-\u0EFF]/);
  const guardian = person('Bounmy');
  await fillMinorProfile(page, guardian);
  await expect(page.locator('.badge-wait')).toBeVisible();
  for (const lang of ['lo', 'km', 'ko']) {
    await page.locator('header select').selectOption(lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await page.screenshot({ path: `/tmp/kenal-shots/profile-${lang}.png`, fullPage: true });
  }
  // Country names in Khmer, which Debian's Chromium's Intl lacks (web/src/app/countries.ts).
  await page.locator('header select').selectOption('km');
  await expect(page.locator('select[name=country] option:checked')).toHaveText('ឡាវ');
  // The guardian gets the page in the language the minor uses (Lao, when the profile was saved).
  const link = await kenal.linkInEmail(guardian.email, /.+/);
  expect(link).toMatch(/\?lang=lo$/);
  const gc = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const gp = await gc.newPage();
  await gp.goto(link);
  await expect(gp.locator('html')).toHaveAttribute('lang', 'lo');
  await expect(gp.getByRole('heading', { level: 1 })).toHaveText(/[\u0E80-\u0EFF]/);
  await expect(gp.getByRole('heading', { level: 1 })).toContainText(teen.name);
  await gp.screenshot({ path: '/tmp/kenal-shots/consent-lo.png', fullPage: true });
  await expectAccessible(gp);
  await gc.close();
});

test('the language chosen is saved on the account: signing in elsewhere brings it back', async ({
  page,
}) => {
  const who = await signUp(page);
  await page.getByLabel('Country').selectOption('TH');
  await page.getByLabel('Date of birth').fill('2000-01-02');
  await page.getByLabel('Language 1').selectOption('th');
  await page.getByRole('button', { name: 'Save my profile' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Your profile is saved.' }),
  ).toBeVisible();
  await page.getByLabel('Language', { exact: true }).selectOption('th');
  await expect(page.locator('html')).toHaveAttribute('lang', 'th');
  // Country names come from Intl in the reader's language.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('โปรไฟล์ของฉัน');
  await expect(page.locator('select[name=country] option:checked')).toHaveText('ไทย');
  // The switcher is busy while it saves the choice on the account.
  await expect(page.locator('header select')).toBeEnabled();
  await openMenu(page);
  await page.locator('nav button').click(); // sign out
  await expect(page).toHaveURL(/\/sign-in$/);
  // Another browser: English until the account says otherwise.
  await page.context().clearCookies();
  await page.evaluate(() => localStorage.clear());
  await page.goto('/sign-in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Email', { exact: true }).fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'th');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/[\u0E00-\u0E7F]/);
});
