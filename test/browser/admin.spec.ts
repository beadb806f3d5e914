import { tokenFrom } from '../support/smtp';
import { expectAccessible, narrowStaffScreenshots, navTo, openMenu, signIn } from './helpers';
import { expect, person, test } from './kenal';
import { adminToken, call } from './staff-api';

/**
 * Admins in the browser: a staff member is created, opens the invitation from the real email,
 * sees who invited them and lands signed in; the admin resends an invitation, changes roles,
 * filters the audit log and reads the notification pipeline.
 */
test('a new coordinator opens the emailed invitation, chooses a password and lands signed in', async ({
  page,
  kenal,
}) => {
  const admin = await adminToken(kenal);
  const who = person('Noi');
  await call(kenal, 'POST', '/admin/users', admin, {
    email: who.email,
    displayName: 'Noi Coordinator',
    roles: ['coordinator'],
  });
  const link = await kenal.linkInEmail(who.email, /set your password/);
  expect(link).toMatch(/\/staff-invitations\/[A-Za-z0-9_-]{43}$/);

  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to the Kenal team');
  await expect(page.getByText(`Administrator invited you (${who.email})`)).toContainText(
    'Coordinator',
  );
  await expectAccessible(page);
  await page.getByLabel('Choose your password').fill('short');
  await page.getByRole('button', { name: 'Save my password and sign in' }).click();
  // The browser's own check stops a short password before the API sees it.
  await expect(page).toHaveURL(/staff-invitations/);
  await page.getByLabel('Choose your password').fill(who.password);
  await page.getByRole('button', { name: 'Save my password and sign in' }).click();
  await expect(page).toHaveURL(/\/coordinate$/);
  await openMenu(page);
  await expect(page.getByRole('link', { name: 'Coordinate' })).toBeVisible();

  // The link works once.
  await page.goto(link);
  await expect(page.getByText('This invitation has been accepted already.')).toBeVisible();
  await page.goto('/staff-invitations/not-a-real-token');
  await expect(page.getByText("This invitation link doesn't work.")).toBeVisible();
  await expectAccessible(page);
});

test('an admin manages staff, reads the audit log and the notification pipeline', async ({
  page,
  kenal,
}) => {
  await signIn(page, 'admin@kenal.test', 'admin-password-1');
  await navTo(page, 'Admin');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff accounts');

  // Create a judge from the page.
  const judge = person('Minh');
  await page.getByText('Add a staff member').click();
  await page.getByLabel('Name', { exact: true }).fill('Minh Judge');
  await page.getByLabel('Email', { exact: true }).fill(judge.email);
  await page.getByLabel('Language of the email').selectOption('vi');
  await page.getByRole('checkbox', { name: 'Coordinator' }).first().uncheck();
  await page.getByRole('checkbox', { name: 'Judge' }).first().check();
  await page.getByRole('button', { name: 'Create and send the invitation' }).click();
  await expect(
    page.getByText('Account created. The invitation email is on its way.'),
  ).toBeVisible();
  const first = tokenFrom((await kenal.smtp.waitFor(judge.email)).text);
  await expectAccessible(page);

  // Its row says the invitation is waiting; resend it: a second email, a new link.
  const row = page.getByRole('listitem').filter({ hasText: judge.email });
  await expect(row).toContainText('Invitation not answered yet');
  await row.getByRole('button', { name: 'Send the invitation again' }).click();
  await expect(row.getByRole('status')).toHaveText(
    'A new invitation is on its way; the old link no longer works.',
  );
  const second = tokenFrom((await kenal.smtp.waitFor(judge.email, 2)).text);
  expect(second).not.toBe(first);

  // Before they answer, no staff role can be added (their address is not proven).
  await row.getByRole('button', { name: 'Change roles: Minh Judge' }).click();
  await row.getByRole('group', { name: 'Roles of Minh Judge' }).getByLabel('Coordinator').check();
  await row.getByRole('button', { name: 'Save roles' }).click();
  await expect(row.getByRole('alert')).toContainText('has not confirmed their email address yet');
  await expectAccessible(page);

  // They accept (the new link), and the row no longer shows an invitation.
  await call(kenal, 'POST', `/staff-invitations/${second}/accept`, undefined, {
    password: judge.password,
  });
  await page.reload();
  await expect(row).toContainText('Roles: Judge');
  await expect(row).not.toContainText('Invitation not answered yet');

  // Change roles: judge and coordinator.
  await row.getByRole('button', { name: 'Change roles: Minh Judge' }).click();
  await row.getByRole('group', { name: 'Roles of Minh Judge' }).getByLabel('Coordinator').check();
  await row.getByRole('button', { name: 'Save roles' }).click();
  await expect(row).toContainText('Roles: Judge and Coordinator');

  // The audit log, filtered by action and time.
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
  await page.getByLabel('Action').fill('user.roles_changed');
  const today = new Date();
  const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  await page.getByLabel('From (day)').fill(day);
  await page.getByLabel('To (day, included)').fill(day);
  await page.getByRole('button', { name: 'Show events' }).click();
  await expect(page.getByText('Events found: 1, newest first')).toBeVisible();
  const events = page.getByRole('region', { name: 'Audit events' });
  await expect(events).toContainText('Administrator');
  // The action in words, its code beside it; in Khmer, Lao and Burmese at 360 px the page fits.
  await expect(events).toContainText('Roles changed');
  // In Khmer at 360 px an action's code wraps only between its parts, never letter by letter.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.evaluate(() => localStorage.setItem('kenal.locale', 'km'));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'km');
  const codes = page.locator('table.log td.action code');
  await expect(codes.first()).toBeVisible();
  for (const { text, lines } of await codes.evaluateAll((all) =>
    // One rectangle per piece of text per line: the lines are the distinct tops.
    all.map((c) => ({
      text: c.textContent ?? '',
      lines: new Set([...c.getClientRects()].map((r) => Math.round(r.top))).size,
    })),
  )) {
    expect(lines, `${text} on ${lines} lines`).toBeLessThanOrEqual(text.split(/[._]/).length);
  }
  // On a phone the action sits under the actor, in the same column (the row was ~150 px tall with
  // five columns side by side).
  const who = await page.locator('table.log td.who').first().boundingBox();
  const action = await page.locator('table.log td.action').first().boundingBox();
  expect(action?.x).toBe(who?.x);
  expect(action!.y).toBeGreaterThanOrEqual(who!.y + who!.height - 1);
  await narrowStaffScreenshots(page, 'audit', [], 1280);
  await expect(events).toContainText('Roles changed');
  await expectAccessible(page);

  // The pipeline (retrying a failed message is covered by test/admin-console.e2e-spec.ts).
  const victim = person('Lin');
  const applicant = await call<{ user: { id: string } }>(
    kenal,
    'POST',
    '/auth/register',
    undefined,
    { email: victim.email, password: victim.password, displayName: 'Lin' },
  );
  expect(applicant.user.id).toBeTruthy();
  await kenal.linkInEmail(victim.email, /./);
  await page.getByRole('link', { name: 'Notifications' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notifications');
  await expect(page.getByRole('button', { name: /^Failed \(/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.getByRole('button', { name: /^Sent \(/ }).click();
  await expect(page.getByRole('listitem').filter({ hasText: victim.email })).toContainText(
    'auth.verify_email',
  );
  await expectAccessible(page);
});

test('other roles cannot open the admin pages', async ({ page, kenal }) => {
  const admin = await adminToken(kenal);
  const who = person('Sok');
  await call(kenal, 'POST', '/admin/users', admin, {
    email: who.email,
    displayName: 'Sok Coordinator',
    roles: ['coordinator'],
  });
  const link = await kenal.linkInEmail(who.email, /set your password/);
  await page.goto(link);
  await page.getByLabel('Choose your password').fill(who.password);
  await page.getByRole('button', { name: 'Save my password and sign in' }).click();
  await expect(page).toHaveURL(/\/coordinate$/);
  await openMenu(page);
  await expect(page.getByRole('link', { name: 'Coordinate' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Admin' })).toHaveCount(0);
  await page.goto('/admin/staff');
  await expect(page.getByRole('alert')).toHaveText("You're not allowed to do that.");
});
