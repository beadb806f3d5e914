import { expectAccessible, navTo, screenshots, signIn } from './helpers';
import { expect, test } from './kenal';
import { adminToken, applicant, call, competition, programme } from './staff-api';

test('a team without an entry is found again under My entries, without its link', async ({
  page,
  kenal,
}) => {
  const admin = await adminToken(kenal);
  const c = await competition(kenal, admin, await programme(kenal, admin));
  const leader = await applicant(kenal, 'Somchai', 'TH');
  const team = await call<{ id: string }>(
    kenal,
    'POST',
    `/competitions/${c.id}/teams`,
    leader.token,
    {
      name: 'Paper Boats Crew',
    },
  );
  await call(kenal, 'POST', `/teams/${team.id}/invitations`, leader.token, {
    email: 'friend@kenal.test',
  });

  await signIn(page, leader.email, leader.password);
  await navTo(page, 'My entries');
  await expect(page.getByRole('heading', { name: 'My teams' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ hasText: 'Paper Boats Crew' });
  await expect(card).toContainText('You lead this team');
  await expect(card).toContainText('Somchai (Thailand) · leader');
  await expect(card).toContainText('friend@kenal.test');
  await expectAccessible(page);
  await screenshots(page, 'my-teams');

  await page.getByRole('link', { name: 'No entry yet: start it on the team page' }).click();
  await expect(page).toHaveURL(new RegExp(`/teams/${team.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Paper Boats Crew');

  // The competition's page leads back to the team too.
  await page.goto(`/competitions/${c.id}`);
  await page.getByRole('link', { name: 'Open your team: Paper Boats Crew' }).click();
  await expect(page).toHaveURL(new RegExp(`/teams/${team.id}$`));
});
