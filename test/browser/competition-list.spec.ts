import { expectAccessible, screenshots } from './helpers';
import { expect, test } from './kenal';
import { adminToken, call, inDays, programme, rubric } from './staff-api';

test('a visitor finds a competition in the list, filters it and opens its page', async ({
  browser,
  kenal,
}) => {
  const admin = await adminToken(kenal);
  const seoul = await programme(kenal, admin, 'Asia/Seoul', 'Kenal Film Week');
  const jakarta = await programme(kenal, admin, 'Asia/Jakarta', 'Green ASEAN');
  const make = (programmeId: string, body: Record<string, unknown>) =>
    call<{ id: string }>(kenal, 'POST', `/programmes/${programmeId}/competitions`, admin, {
      kind: 'short_movie',
      slug: `c-${Math.random().toString(36).slice(2, 10)}`,
      submissionOpensAt: inDays(-1),
      submissionClosesAt: '2099-03-31T14:59:00Z',
      rubric,
      ...body,
    });
  await make(seoul, { title: 'Films of Friendship' });
  const project = await make(jakarta, {
    kind: 'project',
    title: 'Clean Rivers Challenge',
    submissionOpensAt: '2099-01-10T01:00:00Z',
    submissionClosesAt: '2099-06-30T01:00:00Z',
  });

  // A visitor in Vientiane, signed out, from the home page.
  const context = await browser.newContext({ timezoneId: 'Asia/Vientiane' });
  const page = await context.newPage();
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Kenal' })
    .getByRole('link', { name: 'Competitions' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Competitions');
  const films = page.getByRole('listitem').filter({ hasText: 'Films of Friendship' });
  await expect(films).toContainText('Open for entries');
  await expect(films).toContainText('Kenal Film Week');
  // 14:59 UTC is 21:59 in Vientiane (UTC+7): the viewer's own time zone.
  await expect(films).toContainText('Closes Mar 31, 2099, 9:59 PM GMT+7');
  const rivers = page.getByRole('listitem').filter({ hasText: 'Clean Rivers Challenge' });
  await expect(rivers).toContainText('Opening soon');
  await expect(rivers).toContainText('Opens Jan 10, 2099, 8:00 AM GMT+7');
  await expectAccessible(page);
  await screenshots(page, 'list');

  // Only projects: the film goes, the URL keeps the choice.
  await page.getByLabel('Kind').selectOption({ label: 'Project' });
  await expect(page).toHaveURL(/kind=project/);
  await expect(page.getByRole('link', { name: 'Films of Friendship' })).toHaveCount(0);
  await page.getByLabel('Status').selectOption({ label: 'Closed' });
  await expect(page.getByText('No competitions match. Try another kind or status.')).toBeVisible();
  await page.getByLabel('Status').selectOption({ label: 'Opening soon' });
  await page.getByRole('link', { name: 'Clean Rivers Challenge' }).click();
  await expect(page).toHaveURL(new RegExp(`/competitions/${project.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Clean Rivers Challenge');
  await context.close();
});
