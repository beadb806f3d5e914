/// <reference lib="dom" />
import { expectAccessible, navTo, signIn, signUp } from './helpers';
import { expect, test } from './kenal';

test('sign up, sign out, a wrong password is said in words, sign in again', async ({ page }) => {
  const who = await signUp(page);
  // A new account goes on to the profile.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My profile');
  await navTo(page, 'Sign out', 'button');
  await expect(page).toHaveURL(/\/sign-in$/);

  await signIn(page, who.email, 'not the password at all');
  await expect(page.getByRole('alert')).toHaveText(
    "That email and password don't match an account. Check them and try again.",
  );
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Hello, ${who.name}!`);
});

test('a taken email is said beside the form, a short password beside its field', async ({
  page,
}) => {
  const who = await signUp(page);
  await navTo(page, 'Sign out', 'button');
  await signUp(page, { ...who, name: 'Someone else' });
  await expect(page.getByRole('alert')).toHaveText(
    'There is already an account with this email. Try signing in instead.',
  );
  // Past the browser's own check, the API's answer about one field lands beside that field.
  await page.locator('form').evaluate((f) => f.setAttribute('novalidate', ''));
  await page.getByLabel('Email', { exact: true }).fill(`new-${who.email}`);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
});

test('a reload and two tabs keep the session: refreshes never reuse a token', async ({
  page,
  context,
}) => {
  const who = await signUp(page);
  const hello = `Hello, ${who.name}!`;
  await navTo(page, 'Home');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(hello);
  // Each tab holds its access token in memory only: a reload and a new tab each refresh.
  const other = await context.newPage();
  await Promise.all([page.reload(), other.goto('/')]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(hello);
  await expect(other.getByRole('heading', { level: 1 })).toHaveText(hello);
  await Promise.all([page.reload(), other.reload()]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(hello);
  await expect(other.getByRole('heading', { level: 1 })).toHaveText(hello);
  // Signing out in one tab signs the other out.
  await navTo(other, 'Sign out', 'button');
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
});

test('password reset from the link in the email', async ({ page, kenal }) => {
  const who = await signUp(page);
  await navTo(page, 'Sign out', 'button');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  // The next page's code arrives late, as on a slow network: until it has, the sign-in page must
  // not stay on screen looking ready (a field typed into there was emptied when the new page came).
  await page.route(/\/assets\/ForgotPassword-[^/]+\.js$/, async (route) => {
    await new Promise((r) => setTimeout(r, 1_000));
    await route.continue();
  });
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByLabel('Email', { exact: true }).fill(who.email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('status')).toContainText("we've sent it a link");

  const link = await kenal.linkInEmail(who.email, /reset your kenal password/i);
  expect(link).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);
  await page.goto(link);
  await page.getByLabel('New password').fill('another long password');
  await page.getByRole('button', { name: 'Save my new password' }).click();
  await expect(page.getByRole('status')).toHaveText('Your new password is saved.');
  await signIn(page, who.email, 'another long password');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Hello, ${who.name}!`);

  // The link works once.
  await navTo(page, 'Sign out', 'button');
  await page.goto(link);
  await page.getByLabel('New password').fill('yet another password');
  await page.getByRole('button', { name: 'Save my new password' }).click();
  await expect(page.getByRole('alert')).toContainText("This link doesn't work any more");
});

test('Lao and Khmer: the switcher changes the words, the script and <html lang>', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await page.getByLabel('Language').selectOption('lo');
  await expect(page.locator('html')).toHaveAttribute('lang', 'lo');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/[\u0E80-\u0EFF]/);
  await page.screenshot({ path: '/tmp/kenal-shots/sign-in-lo.png', fullPage: true });
  // The choice stays after a reload (and loads before the app: no English flash needed).
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'lo');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/[\u0E80-\u0EFF]/);

  await page.locator('select').selectOption('km');
  await expect(page.locator('html')).toHaveAttribute('lang', 'km');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/[\u1780-\u17FF]/);
  // The Khmer web font is what draws it (the machine has no Khmer font of its own to rely on).
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.fonts].some(
          (f) => f.family.includes('Noto Sans Khmer') && f.status === 'loaded',
        ),
      ),
    )
    .toBe(true);
  await page.screenshot({ path: '/tmp/kenal-shots/sign-in-km.png', fullPage: true });
});

test('every page so far passes an axe scan', async ({ page }) => {
  for (const path of [
    '/',
    '/sign-in',
    '/sign-up',
    '/forgot-password',
    '/reset-password/x',
    '/consent/x',
    '/nowhere',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page);
  }
  await signUp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My profile');
  await navTo(page, 'Home');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hello');
  await expectAccessible(page);
});
