import type { Page } from '@playwright/test';
import { expectAccessible, narrowStaffScreenshots, navTo, screenshots, signIn } from './helpers';
import { expect, test } from './kenal';
import {
  type Account,
  adminToken,
  applicant,
  call,
  inDays,
  programme,
  rubric,
  staff,
} from './staff-api';
import type { Kenal } from './kenal';

/** A project competition whose one entry (a team of one, from Laos) won; results published. */
async function awardedProject(kenal: Kenal, coordinator: Account, leader: Account) {
  const programmeId = await programme(kenal, coordinator.token, 'Asia/Vientiane');
  const competition = await call<{ id: string }>(
    kenal,
    'POST',
    `/programmes/${programmeId}/competitions`,
    coordinator.token,
    {
      kind: 'project',
      title: 'Projects 2027',
      slug: `c-${Math.random().toString(36).slice(2, 10)}`,
      submissionOpensAt: inDays(-1),
      submissionClosesAt: inDays(30),
      rubric,
    },
  );
  await call(kenal, 'POST', `/competitions/${competition.id}/teams`, leader.token, {
    name: 'Mekong Makers',
  });
  const entry = await call<{ id: string }>(
    kenal,
    'POST',
    `/competitions/${competition.id}/submissions`,
    leader.token,
    {
      title: 'Clean Wells',
      problem: 'Village wells dry up and get dirty in the hot season',
      sdgs: [6, 3],
      targetCountries: ['LA'],
      plan: 'Filters built with the village, then a school programme',
      milestones: [{ title: 'Pilot in one village', due: '2027-06-30' }],
      budgetUsd: 1500,
      partnersSought: ['engineers'],
    },
  );
  await call(kenal, 'POST', `/submissions/${entry.id}/submit`, leader.token);
  await call(kenal, 'POST', `/competitions/${competition.id}/results`, coordinator.token, {
    awards: [{ submissionId: entry.id, award: 'winner' }],
  });
  await call(kenal, 'POST', `/competitions/${competition.id}/results/publish`, coordinator.token);
}

async function signOut(page: Page) {
  await navTo(page, 'Sign out', 'button');
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
}

test('a mentor and a team see each other after the coordinator publishes the matching', async ({
  page,
  kenal,
}) => {
  test.setTimeout(300_000);
  const admin = await adminToken(kenal);
  const coordinator = await staff(kenal, admin, ['coordinator'], 'Coordinator Ana');
  const mentor = await staff(kenal, admin, ['mentor'], 'Dr Somchai');
  const leader = await applicant(kenal, 'Noy', 'LA');
  await awardedProject(kenal, coordinator, leader);

  // The mentor fills in their profile, on a phone.
  await signIn(page, mentor.email, mentor.password);
  await navTo(page, 'Mentoring');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mentoring');
  await expect(page.getByText('No team yet.')).toBeVisible();
  await page.getByRole('link', { name: /My mentor profile/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My mentor profile');
  await page.getByLabel('Organisation').fill('Chulalongkorn University');
  await page.getByLabel('Sector').selectOption({ label: 'Academia' });
  await page.getByLabel('6. Clean water and sanitation').check();
  await page.getByLabel('13. Climate action').check();
  await page.getByLabel('Topics (separate with commas)').fill('water, filters');
  await page.getByRole('group', { name: 'Countries you know' }).getByLabel('Laos').check();
  await page.getByLabel('Language 1').selectOption({ label: 'English' });
  await page.getByLabel('Level').selectOption({ label: 'Fluent' });
  await page.getByLabel('How many teams you can mentor at once').fill('2');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save my mentor profile' }).click();
  await expect(page.getByText('Your mentor profile is saved.')).toBeVisible();
  await screenshots(page, 'mentor-profile');
  await signOut(page);

  // The coordinator opens a round for the awarded team, adds the mentor, runs and publishes.
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, coordinator.email, coordinator.password);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hello');
  await page.getByRole('link', { name: 'Coordinate' }).click();
  await page.getByRole('link', { name: 'Mentoring of Projects 2027' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mentoring: Projects 2027');
  await page.getByText('New mentoring round').click();
  await page.getByLabel('Round name').fill('Mentoring 2027');
  await page.getByLabel('Mentors per team').fill('1');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Create the round' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mentoring 2027');
  await expect(page.getByRole('heading', { name: 'Teams: 1' })).toBeVisible();
  await expect(page.getByText('Mekong Makers')).toBeVisible();
  await page.getByLabel('Find a mentor by name or email').fill('Somchai');
  await page.getByRole('button', { name: 'Add Dr Somchai' }).click();
  await expect(page.getByRole('region', { name: 'Mentors: 1' })).toContainText(
    'Dr Somchai Chulalongkorn University · Academia · up to 2 teams',
  );
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Run the matching' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mentor matching');
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'Pairs: 1' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Teams short of mentors: 0' })).toBeVisible();
  const pairs = page.locator('table.pairs');
  await expect(pairs).toContainText('Mekong Makers — Clean Wells');
  await expect(pairs).toContainText('Dr Somchai');
  await expect(pairs.getByRole('listitem').first()).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'mentoring-run');
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole('button', { name: 'Publish these mentorships' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Publish these mentorships?' });
  await expect(confirm).toContainText('1 mentors and every member of 1 teams will be told');
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Yes, publish and introduce them' }).click();
  await expect(page.getByText('Published: 1 mentorships start.')).toBeVisible();
  await signOut(page);

  // The team, on a phone: My entries leads to the mentor; they record their first meeting.
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, leader.email, leader.password);
  await navTo(page, 'My entries');
  await expect(page.getByRole('region', { name: 'Our mentors' })).toContainText('Dr Somchai');
  await page.getByRole('link', { name: 'Meet our mentors and record check-ins' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mentoring');
  const card = page.getByRole('listitem').filter({ hasText: 'Your mentor: Dr Somchai' });
  await expect(card).toContainText('Chulalongkorn University · Academia');
  await expect(card.getByRole('heading', { name: 'Why you were matched' })).toBeVisible();
  await expect(card.getByRole('heading', { name: '0 check-ins' })).toBeVisible();
  await card.getByText('Add a check-in').click();
  await card.getByLabel('What was discussed').fill('Which filters work with hard water');
  await card.getByLabel('Next steps (optional)').fill('Noy sends water test results');
  await expectAccessible(page);
  await card.getByRole('button', { name: 'Save the check-in' }).click();
  await expect(card.getByRole('heading', { name: '1 check-in' })).toBeVisible();
  await expect(card).toContainText('Which filters work with hard water');
  await expect(card).toContainText('written by Noy');
  await screenshots(page, 'mentoring-team');
  await signOut(page);

  // The mentor sees the team, its project and the check-in.
  await signIn(page, mentor.email, mentor.password);
  await navTo(page, 'Mentoring');
  const team = page.getByRole('listitem').filter({ hasText: 'Mekong Makers: Clean Wells' });
  await expect(team).toContainText('Noy · Laos');
  await expect(team).toContainText('6. Clean water and sanitation');
  await expect(team).toContainText('Noy sends water test results');
  await expectAccessible(page);
  await screenshots(page, 'mentoring-mentor');
  await signOut(page);

  // The coordinator's report of the round: the pair, its check-in and last activity.
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, coordinator.email, coordinator.password);
  await page.getByRole('link', { name: 'Coordinate' }).click();
  await page.getByRole('link', { name: 'Mentoring of Projects 2027' }).click();
  await page.getByRole('link', { name: 'Mentoring 2027' }).click();
  await page.getByRole('link', { name: /Round report/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report: Mentoring 2027');
  await expect(
    page.getByText('1 mentorship, 1 active, 0 silent for 30 days or more. 1 check-in in all.'),
  ).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Mekong Makers' });
  await expect(row).toContainText('Dr Somchai');
  await expect(row).toContainText('Active');
  await row.getByText('1 check-in of Mekong Makers with Dr Somchai').click();
  await expect(row).toContainText('Which filters work with hard water');
  await expectAccessible(page);
  await screenshots(page, 'mentoring-report');
  // Three columns fit a phone in the scripts with the longest words: nothing scrolls sideways.
  await narrowStaffScreenshots(page, 'mentoring-report', ['table.pairs']);
});
