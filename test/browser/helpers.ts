import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { expect, person } from './kenal';

export async function signUp(page: Page, who = person()) {
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill(who.name);
  await page.getByLabel('Email', { exact: true }).fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Create my account' }).click();
  return who;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** No serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
    [],
  );
}

const SHOTS = process.env.KENAL_SHOTS_DIR ?? '/tmp/kenal-shots';

/**
 * Switches the language as a person does, with the page's language switcher, so the account's
 * language follows: sentences the API words itself (match reasons, errors) then come in that
 * language too. Without a visible switcher (a page that hides it), only the page switches.
 */
export async function switchLanguage(page: Page, locale: string) {
  const select = page.locator('.language-switcher select');
  if (await select.isVisible()) {
    await select.selectOption(locale);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    // Disabled while the account's copy is saved.
    await expect(select).toBeEnabled();
  } else {
    await page.evaluate((l) => localStorage.setItem('kenal.locale', l), locale);
  }
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  // A screenshot of "Loading…" shows nothing of the page in that language.
  await expect(page.locator('p.loading')).toHaveCount(0);
}

/**
 * The page at 360 px in Korean and Lao, and on a desktop, saved for a person to look at as
 * `<prefix>-<name>-<locale>[-desktop].png`; then back to English at 360 px (or `endWidth`). The
 * same tab, so the session's refresh token stays its own.
 */
export async function screenshots(
  page: Page,
  name: string,
  { prefix = 'competitions', endWidth = 360 }: { prefix?: string; endWidth?: number } = {},
) {
  mkdirSync(SHOTS, { recursive: true });
  const views = [
    ['ko', 360],
    ['lo', 360],
    ['en', 1280],
    ['en', endWidth],
  ] as const;
  for (const [locale, width] of views) {
    await page.setViewportSize({ width, height: 800 });
    await switchLanguage(page, locale);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    if (width === 1280 || locale !== 'en') {
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      );
      expect(overflow, `${name} in ${locale} scrolls sideways`).toBe(false);
      const file = `${SHOTS}/${prefix}-${name}-${locale}${width > 360 ? '-desktop' : ''}.png`;
      await page.screenshot({ path: file, fullPage: true });
    }
  }
}

/**
 * A staff page at 360 px in Khmer, Lao and Burmese (long words without spaces): the page never
 * scrolls sideways, nor does any table in `fit` (a table in a scrolling region may scroll only
 * when it holds more than a phone can show). Saved for a person to look at; then back to English
 * at `width`.
 */
export async function narrowStaffScreenshots(
  page: Page,
  name: string,
  fit: string[],
  width = 1280,
) {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 360, height: 800 });
  for (const locale of ['km', 'lo', 'my', 'en']) {
    await switchLanguage(page, locale);
    await page.waitForLoadState('networkidle');
    if (locale === 'en') break;
    const wide = await page.evaluate(
      (selectors) =>
        [
          document.documentElement,
          ...selectors.flatMap((s) => {
            // The table and the region that would scroll it.
            const table = document.querySelector(s);
            return [table, table?.parentElement ?? null];
          }),
        ]
          .filter((e): e is Element => e !== null)
          .filter((e) => e.scrollWidth > e.clientWidth + 1)
          .map((e) => e.tagName + (e.className ? `.${e.className}` : '')),
      fit,
    );
    expect(wide, `${name} in ${locale} at 360 px scrolls sideways`).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/staff-${name}-${locale}-360.png`, fullPage: true });
  }
  await page.setViewportSize({ width, height: 900 });
}

/**
 * Follows a link of the signed-in navigation ("Sign out" is a button), as a person would: on a
 * phone the links are behind the "Menu" button, which is opened first.
 */
export async function navTo(page: Page, name: string, role: 'link' | 'button' = 'link') {
  const target = page.getByRole('navigation', { name: 'Kenal' }).getByRole(role, { name });
  const menu = page.getByRole('button', { name: 'Menu' });
  const either = menu.or(target).filter({ visible: true }).first();
  await expect(either).toBeVisible();
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) === 'false') {
    await menu.click();
  }
  await target.click();
}

/** Opens the signed-in navigation when it sits behind the "Menu" button (on a phone). */
export async function openMenu(page: Page) {
  // Found by its place, not its words: the page may be in any language.
  const menu = page.locator('button.menu-button');
  const row = page.locator('nav[aria-label="Kenal"] a[href="/"]');
  await expect(menu.or(row).filter({ visible: true }).first()).toBeVisible();
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) === 'false') {
    await menu.click();
  }
}
