/// <reference lib="dom" />
import { expectAccessible, narrowStaffScreenshots, signIn } from './helpers';
import { expect, test } from './kenal';
import {
  adminToken,
  applicant,
  call,
  competition,
  programme,
  staff,
  submittedEntry,
} from './staff-api';

test('a coordinator assigns judges, opens the round, ranks, shortlists and publishes results', async ({
  page,
  kenal,
}) => {
  test.setTimeout(240_000);
  const admin = await adminToken(kenal);
  const coordinator = await staff(kenal, admin, ['coordinator'], 'Coordinator Ana');
  const judges = [
    await staff(kenal, admin, ['judge'], 'Judge Lee'),
    await staff(kenal, admin, ['judge'], 'Judge Park'),
  ];
  const programmeId = await programme(kenal, coordinator.token, 'Asia/Vientiane');
  const { id: competitionId } = await competition(kenal, coordinator.token, programmeId);
  const teams = [
    ['Minji', 'KR', 'Han River Crew', 'Two Rivers'],
    ['Noy', 'LA', 'Mekong Makers', 'Slow Boat'],
    ['Hadi', 'BN', 'Kampong Lens', 'Water Village'],
  ];
  for (const [name, country, team, title] of teams) {
    await submittedEntry(kenal, competitionId, await applicant(kenal, name, country), team, title);
  }

  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, coordinator.email, coordinator.password);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hello');
  await page.getByRole('link', { name: 'Coordinate' }).click();
  await page.getByRole('link', { name: 'Judging of Short Movies 2027' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Judging: Short Movies 2027');

  // The pool: find each judge by name and add them.
  await page.getByLabel('Find a judge by name or email').fill('Judge');
  for (const name of ['Judge Lee', 'Judge Park']) {
    await page.getByRole('button', { name: `Add ${name}` }).click();
    await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'Judge pool: 2' })).toBeVisible();
  await expectAccessible(page);

  // A blind round with two judges per entry.
  await page.getByText('New judging round').click();
  await page.getByLabel('Round name').fill('First round');
  await page.getByLabel('Judges per entry').fill('2');
  await expect(page.getByText('in the programme’s time zone, Asia/Vientiane')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Create the round' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('First round');
  await expect(page.getByText('Draft: judges cannot score yet')).toBeVisible();

  // Run the assignment (a job: the page follows it), then review it before opening.
  await page.getByRole('button', { name: 'Run the assignment' }).click();
  await expect(
    page.getByText('each judge who gets new entries is told', { exact: false }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Yes, assign judges' }).click();
  await expect(page.getByText('6 assignments added.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Entries short of judges: 0' })).toBeVisible();
  // Coordinators are not blind: the review names the teams.
  await expect(page.getByText('Han River Crew')).toBeVisible();
  await expect(page.getByText('2 of 2 judges')).toHaveCount(3);
  await expectAccessible(page);

  // Take one entry from a judge and give it back by hand.
  await page.getByRole('button', { name: 'Take Slow Boat from Judge Lee' }).click();
  await expect(page.getByText('1 of 2 judges')).toBeVisible();
  await page.getByLabel('Entry', { exact: true }).selectOption({ label: 'Slow Boat' });
  await page.getByLabel('Judge', { exact: true }).selectOption({ label: 'Judge Lee' });
  await page.getByRole('button', { name: 'Give the entry to this judge' }).click();
  await expect(page.getByText('2 of 2 judges')).toHaveCount(3);

  await page.getByRole('button', { name: 'Open the round for scoring' }).click();
  await expect(
    page.getByText('2 judges can then score their entries.', { exact: false }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Yes, open it' }).click();
  await expect(page.getByText('Open for scoring')).toBeVisible();

  // The judges score through the API: Judge Lee is strict, Judge Park generous.
  const marks: Record<string, [number, number]> = {
    'Two Rivers': [9, 8],
    'Slow Boat': [6, 6],
    'Water Village': [4, 7],
  };
  for (const [i, judge] of judges.entries()) {
    const mine = await call<{ id: string; submission: { title: string } }[]>(
      kenal,
      'GET',
      '/me/assignments',
      judge.token,
    );
    for (const a of mine) {
      const [story, craft] = marks[a.submission.title];
      await call(kenal, 'PUT', `/assignments/${a.id}/score`, judge.token, {
        scores: { story: Math.min(10, story + i), craft },
        final: true,
      });
    }
  }
  await page.reload();
  await expect(page.locator('.judge-progress', { hasText: 'Judge Lee' })).toContainText(
    '3 of 3 final',
  );

  await page.getByRole('link', { name: 'Ranking and results' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ranking: First round');
  const rows = page.locator('table.ranking tbody tr:not(.why-row)');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Two Rivers');
  // Under each entry, what put it ahead of its neighbour, in words.
  await expect(page.locator('table.ranking tr.why-row').first()).toHaveText(
    'Higher score than #2.',
  );
  await expect(rows.nth(2)).toContainText('Water Village');
  await narrowStaffScreenshots(page, 'ranking', ['table.ranking']);
  await expectAccessible(page);

  await page.getByLabel('How many from the top').fill('2');
  await page.getByRole('button', { name: 'Shortlist the top 2' }).click();
  await expect(page.getByText('2 entries are on the shortlist.')).toBeVisible();
  await expect(rows.nth(1)).toContainText('Shortlisted');

  await page.getByLabel('#1 Two Rivers').selectOption('winner');
  await page.getByLabel('#2 Slow Boat').selectOption('runner_up');
  await page.getByRole('button', { name: 'Record these awards' }).click();
  await expect(page.getByText('Recorded. Nobody sees them until you publish.')).toBeVisible();
  await page.getByRole('button', { name: 'Publish the results' }).click();
  await expect(
    page.getByText('3 people, the members of the 3 teams with an entry still in the competition', {
      exact: false,
    }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Yes, publish and tell everyone' }).click();
  await page.getByRole('link', { name: 'See them on the public competition page' }).click();

  const results = page.getByRole('region', { name: 'Results' });
  await expect(results).toContainText('Winner: Two Rivers');
  await expect(results).toContainText('Runner-up: Slow Boat');
});
