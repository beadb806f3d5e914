import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
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
