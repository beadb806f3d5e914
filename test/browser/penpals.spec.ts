/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { navTo } from './helpers';
import { expect, type Kenal, person, test } from './kenal';

/** No serious or critical accessibility violation on the page as it is now. */
async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
    [],
  );
}

const SHOTS = process.env.KENAL_SHOTS_DIR ?? '/tmp/kenal-shots';

/** A JSON call to this Kenal's API, as a coordinator's or the other pen pal's tools would make. */
async function call(kenal: Kenal, method: string, path: string, token?: string, body?: object) {
  const res = await fetch(`${kenal.url}/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const login = async (kenal: Kenal, email: string, password: string) =>
  (await call(kenal, 'POST', '/auth/login', undefined, { email, password })).accessToken as string;

const profile = (country: string, language: string) => ({
  country,
  dateOfBirth: '2004-03-10',
  languages: [
    { code: language, level: 'native' },
    { code: 'en', level: 'fluent' },
  ],
  interests: ['film', 'music'],
});

/** Screenshots of the page at 360 px in Korean, Lao and Khmer (the switcher's saved choice). */
async function shots(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const locale of ['ko', 'lo', 'km']) {
    await page.locator('.language-switcher select').selectOption(locale);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    // Enabled again once the account has the language; then what the API words comes in it.
    await expect(page.locator('.language-switcher select')).toBeEnabled();
    await expect(page.locator('p.loading')).toHaveCount(0);
    await page.mouse.move(0, 0);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/${name}-${locale}.png`, fullPage: true });
  }
  await page.locator('.language-switcher select').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

const AGE_KO = '나이 차이가 이번 회차 기준 안이에요';
const AGE_LO = 'ອາຍຸຫ່າງກັນບໍ່ເກີນເກນຂອງຮອບນີ້';

/**
 * The API words the match reasons in the account's language: switched ko → lo straight away (no
 * reload), the page reads them in Lao once the account has Lao, and never shows the Korean ones
 * on the Lao page meanwhile (they came out as boxes in the Lao fonts).
 */
async function reasonsFollowTheLanguage(page: Page) {
  await page.evaluate((korean) => {
    const seen = window as unknown as { koreanOnLaoPage?: boolean };
    seen.koreanOnLaoPage = false;
    new MutationObserver(() => {
      if (document.documentElement.lang === 'lo' && document.body.textContent?.includes(korean))
        seen.koreanOnLaoPage = true;
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }, AGE_KO);
  const select = page.locator('.language-switcher select');
  await select.selectOption('ko');
  await expect(page.getByText(AGE_KO)).toBeVisible();
  await select.selectOption('lo');
  await expect(page.getByText(AGE_LO)).toBeVisible();
  await expect(page.getByText(AGE_KO)).toHaveCount(0);
  const seen = await page.evaluate(
    () => (window as unknown as { koreanOnLaoPage?: boolean }).koreanOnLaoPage,
  );
  expect(seen, 'Korean reasons shown on the Lao page').toBe(false);
}

test('sign up, verify from the email, enrol, get a pen pal, accept; inbox, export, delete', async ({
  page,
  kenal,
}) => {
  // Long: a matching run, three emails, and the pages in four languages (at load ~20 it took 3 min).
  test.setTimeout(300_000);
  // A coordinator opens a round (through the API: the staff pages are another issue).
  const admin = await login(kenal, 'admin@kenal.test', 'admin-password-1');
  const programme = await call(kenal, 'POST', '/programmes', admin, {
    name: 'Kenal Exchange',
    slug: `exchange-${Date.now()}`,
    timezone: 'Asia/Seoul',
  });
  const hour = 3600_000;
  const round = await call(kenal, 'POST', `/programmes/${programme.id}/penpal-rounds`, admin, {
    name: 'Spring pen pals',
    enrolmentOpensAt: new Date(Date.now() - hour).toISOString(),
    enrolmentClosesAt: new Date(Date.now() + hour).toISOString(),
  });

  // Sign up: the banner asks to confirm the address; enrolling before that is refused in words.
  const who = person('Malee');
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill(who.name);
  await page.getByLabel('Email', { exact: true }).fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(
    page.getByRole('heading', { name: 'Please confirm your email address' }),
  ).toBeVisible();
  const token = await login(kenal, who.email, who.password);
  await call(kenal, 'PUT', '/me/profile', token, profile('TH', 'th'));

  await navTo(page, 'Pen pals');
  await expect(page.getByRole('heading', { name: 'Spring pen pals' })).toBeVisible();
  await page.getByRole('button', { name: 'Enrol in Spring pen pals' }).click();
  await page.getByRole('button', { name: 'Enrol me' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Please confirm your email address first: open the link we sent you.',
  );
  await expectAccessible(page);

  // The link as the email has it opens the web app's page, which confirms the address.
  const link = await kenal.linkInEmail(who.email, /Confirm your email address/);
  expect(link).toMatch(/\/verify-email\/[^/]+$/);
  await page.goto(link);
  await expect(page.getByRole('status')).toHaveText('Thank you! Your email address is confirmed.');
  await expect(
    page.getByRole('heading', { name: 'Please confirm your email address' }),
  ).toBeHidden();
  await expectAccessible(page);
  // The same link again says plainly it is used, and offers a new one.
  await page.goto(link);
  await expect(page.getByRole('alert')).toContainText("This link doesn't work any more");
  await expect(page.getByRole('button', { name: 'Send me a new link' })).toBeVisible();

  // Enrol with preferences: countries and languages by their names, a gender preference.
  await navTo(page, 'Pen pals');
  await page.getByRole('button', { name: 'Enrol in Spring pen pals' }).click();
  await page.getByRole('checkbox', { name: 'South Korea' }).check();
  await page.getByRole('checkbox', { name: 'Korean' }).check();
  await page.getByLabel('Your pen pal is').selectOption('any');
  await page.getByRole('button', { name: 'Enrol me' }).click();
  await expect(page.getByText("You're enrolled")).toBeVisible();
  await expect(page.getByText('Your wishes: South Korea, Korean')).toBeVisible();
  await expectAccessible(page);

  // A Korean pen pal enrols, verified from their own email; the coordinator runs and publishes.
  const partner = {
    email: `jiwoo-${Date.now()}@kenal.test`,
    password: 'another long password',
  };
  const reg = await call(kenal, 'POST', '/auth/register', undefined, {
    ...partner,
    displayName: 'Jiwoo',
    locale: 'ko',
  });
  const partnerLink = await kenal.linkInEmail(partner.email, /./);
  await call(kenal, 'POST', `/auth/verify-email/${partnerLink.split('/').pop()}`);
  await call(kenal, 'PUT', '/me/profile', reg.accessToken, profile('KR', 'ko'));
  await call(kenal, 'POST', `/penpal-rounds/${round.id}/enrolments`, reg.accessToken, {});
  await call(kenal, 'PATCH', `/penpal-rounds/${round.id}`, admin, {
    enrolmentClosesAt: new Date(Date.now() - 1000).toISOString(),
  });
  const run = await call(kenal, 'POST', `/penpal-rounds/${round.id}/matching-runs`, admin, {
    seed: 1,
  });
  await expect
    .poll(async () => (await call(kenal, 'GET', `/matching-runs/${run.id}`, admin)).status, {
      timeout: 60_000,
    })
    .toBe('succeeded');
  await call(kenal, 'POST', `/matching-runs/${run.id}/publish`, admin);

  // The published match appears with the pen pal's details and the reasons; accept it.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Jiwoo' })).toBeVisible();
  await expect(page.getByText('South Korea', { exact: true })).toBeVisible();
  await expect(page.getByText('Korean (native), English (fluent)')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Why we matched you' })).toBeVisible();
  await expect(page.getByText('Letters open here once you both accept.')).toBeVisible();
  // Matched in this round: no more withdrawing from it (declining the match is the way out).
  await expect(page.getByText('You have a pen pal from this round: see above.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Withdraw from this round' })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Decline' }).click();
  await expect(page.getByText(/^Decline Jiwoo\? You won't be matched/)).toBeVisible();
  await page.getByRole('button', { name: 'Keep this pen pal' }).click();
  await page.getByRole('button', { name: 'Accept Jiwoo' }).click();
  await expect(page.getByText('You said yes. Waiting for Jiwoo.')).toBeVisible();
  await reasonsFollowTheLanguage(page);
  await shots(page, 'penpals');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/penpals-desktop-en.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });

  // The inbox: the unread count in the header (on a phone, on the menu button and in the menu),
  // the notification, its link, mark as read.
  await expect(page.getByRole('button', { name: /^Menu.*1 unread/ })).toBeVisible();
  await navTo(page, 'Inbox');
  await expect(page.getByRole('heading', { name: /You have a pen pal/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Menu.*unread/ })).toBeVisible();
  await expectAccessible(page);
  await shots(page, 'inbox');
  await page.getByRole('button', { name: 'Mark as read' }).first().click();
  await expect(page.getByRole('button', { name: 'Mark as read' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Menu', exact: true })).toBeVisible();

  // Account: download my data as a file, then delete the account.
  await navTo(page, 'My account');
  await expectAccessible(page);
  await shots(page, 'account');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download my data' }).click(),
  ]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(JSON.stringify(exported)).toContain(who.email);
  await page.getByLabel("Your password, to confirm it's you").fill('not my password');
  await page.getByRole('button', { name: 'Delete my account for good' }).click();
  await expect(page.getByText('That password is not right.')).toBeVisible();
  await page.getByLabel("Your password, to confirm it's you").fill(who.password);
  await page.getByRole('button', { name: 'Delete my account for good' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Goodbye');
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
  await expectAccessible(page);
  // The account is closed: signing in is refused.
  await expect(login(kenal, who.email, who.password)).rejects.toThrow(/401/);
});
