/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { navTo, signUp } from './helpers';
import { expect, test } from './kenal';

/** Every Content-Security-Policy violation the page reports, from before its first script. */
function watchCsp() {
  const w = window as unknown as { __csp: string[] };
  w.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
  );
}
const violations = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

test('the page, its entry and style sheet inline, runs under its strict policy: no violation', async ({
  page,
}) => {
  const console: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') console.push(m.text());
  });
  await page.addInitScript(watchCsp);
  const response = await page.goto('/sign-in');
  const csp = response!.headers()['content-security-policy'];
  expect(csp).not.toContain('unsafe-inline');
  // The app's code and styles come with the page: no script or style sheet file before the form.
  const html = readFileSync('web/dist/index.html', 'utf8');
  expect(html).not.toMatch(/<script[^>]* src=/);
  expect(html).not.toMatch(/<link rel="stylesheet"/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  // The inline style sheet applies (the header has the brand's colour).
  await expect(page.locator('.site-header')).toHaveCSS('background-color', 'rgb(15, 110, 110)');

  // Another page loads its own chunk, which shares the inline entry's React and router.
  await page.getByRole('link', { name: 'Create an account' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create your Kenal account');
  await signUp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My profile');
  await navTo(page, 'My account');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My account');

  // A language whose catalogue and font come as files, and a reload.
  await page.getByLabel('Language').selectOption('lo');
  await expect(page.locator('html')).toHaveAttribute('lang', 'lo');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'lo');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('My account');

  expect(await violations(page)).toEqual([]);
  expect(console.filter((c) => /Content Security Policy|Refused to/i.test(c))).toEqual([]);
});

test("a repeat visit opens from the service worker: its shell page from its cache, the app's code from the browser's cache, under the same policy", async ({
  page,
}) => {
  await page.addInitScript(watchCsp);
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  await page.waitForFunction(
    async () => !!(await navigator.serviceWorker.ready) && !!(await caches.match('/shell.html')),
  );
  const shell = readFileSync('web/dist/shell.html', 'utf8');
  const app = /<script type="module" src="(\/assets\/app-[\w-]+\.js)"><\/script>/.exec(shell);
  expect(app).not.toBeNull();
  expect(shell).not.toMatch(/<script type="module">/);

  const again = await page.goto('/sign-in');
  expect(again!.fromServiceWorker()).toBe(true);
  expect(again!.headers()['content-security-policy']).not.toContain('unsafe-inline');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  await expect(page.locator('.site-header')).toHaveCSS('background-color', 'rgb(15, 110, 110)');
  // The app's code came from the browser's cache (the worker put it there), not the network.
  const appFetch = await page.evaluate(
    (path) =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => new URL(r.name).pathname === path)
        .map((r) => r.transferSize),
    app![1],
  );
  expect(appFetch).toEqual([0]);
  // A lazy page still shares the app's React and router through the entry's file.
  await page.getByRole('link', { name: 'Create an account' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create your Kenal account');
  expect(await violations(page)).toEqual([]);
});

test('after a release, the cached shell page still has its words: the worker kept the catalogue the browser dropped', async ({
  page,
  context,
}) => {
  await page.goto('/sign-in');
  await page.getByLabel('Language').selectOption('ko');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await page.goto('/sign-in');
  await page.waitForFunction(
    async () => !!(await navigator.serviceWorker.ready) && !!(await caches.match('/shell.html')),
  );
  const html = readFileSync('web/dist/index.html', 'utf8');
  const korean = (JSON.parse(/var c=(\{[^}]*\})/.exec(html)![1]) as Record<string, string>).ko;
  await expect
    .poll(() => page.evaluate(async (url) => !!(await caches.match(url)), korean))
    .toBe(true);

  // The release after: the server no longer has this release's files, and the browser dropped
  // its cache. The worker (not yet replaced) answers with its shell page, which asks for them.
  await context.route(`**${korean}`, (route) => route.fulfill({ status: 404 }));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  const again = await page.goto('/sign-in');
  expect(again!.fromServiceWorker()).toBe(true);
  await expect(page.getByRole('button', { name: '로그인' })).toBeEnabled();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/\p{Script=Hangul}/u);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
});
