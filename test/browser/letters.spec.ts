import { mkdirSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { expectAccessible, openMenu, signIn } from './helpers';
import { expect, type Kenal, person, test } from './kenal';
import { type Account, adminToken, call, programme, staff } from './staff-api';

const SHOTS = '/tmp/kenal-shots';

/** A minor with a verified address, a profile in `country` and their guardian's confirmation. */
async function minor(kenal: Kenal, name: string, country: string, locale: string) {
  const who = { ...person(name), name };
  const reg = await call<{ user: { id: string }; accessToken: string }>(
    kenal,
    'POST',
    '/auth/register',
    undefined,
    { email: who.email, password: who.password, displayName: name, locale },
  );
  const link = await kenal.linkInEmail(who.email, /./);
  await call(kenal, 'POST', `/auth/verify-email/${new URL(link).pathname.split('/').pop()}`);
  const guardian = `guardian-${reg.user.id}@kenal.test`;
  await call(kenal, 'PUT', '/me/profile', reg.accessToken, {
    country,
    dateOfBirth: '2011-04-04',
    languages: [
      { code: locale, level: 'native' },
      { code: 'en', level: 'basic' },
    ],
    interests: ['music', 'film'],
    guardian: { name: 'Guardian', email: guardian },
  });
  const consent = await kenal.linkInEmail(guardian, /./);
  await call(
    kenal,
    'POST',
    `/guardian-consents/${new URL(consent).pathname.split('/').pop()}/confirm`,
  );
  return { id: reg.user.id, ...who, token: reg.accessToken } as Account;
}

/** Two minors matched in a round of the programme, both accepted: the match's id. */
async function matched(
  kenal: Kenal,
  coordinator: string,
  programmeId: string,
  a: Account,
  b: Account,
) {
  const hour = 3600_000;
  const round = await call<{ id: string }>(
    kenal,
    'POST',
    `/programmes/${programmeId}/penpal-rounds`,
    coordinator,
    {
      name: 'Letters round',
      enrolmentOpensAt: new Date(Date.now() - hour).toISOString(),
      enrolmentClosesAt: new Date(Date.now() + hour).toISOString(),
    },
  );
  for (const p of [a, b])
    await call(kenal, 'POST', `/penpal-rounds/${round.id}/enrolments`, p.token, {});
  await call(kenal, 'PATCH', `/penpal-rounds/${round.id}`, coordinator, {
    enrolmentClosesAt: new Date().toISOString(),
  });
  const run = await call<{ id: string }>(
    kenal,
    'POST',
    `/penpal-rounds/${round.id}/matching-runs`,
    coordinator,
    {},
  );
  await expect
    .poll(
      async () =>
        (await call<{ status: string }>(kenal, 'GET', `/matching-runs/${run.id}`, coordinator))
          .status,
      { timeout: 60_000 },
    )
    .toBe('succeeded');
  await call(kenal, 'POST', `/matching-runs/${run.id}/publish`, coordinator);
  const [match] = await call<{ matchId: string }[]>(kenal, 'GET', '/me/penpals', a.token);
  for (const p of [a, b])
    await call(kenal, 'POST', `/penpal-matches/${match.matchId}/respond`, p.token, {
      accept: true,
    });
  return match.matchId;
}

/** A second person's own browser window, at 360 px like the first. */
async function windowFor(browser: Browser, kenal: Kenal): Promise<Page> {
  const context = await browser.newContext({
    baseURL: kenal.url,
    viewport: { width: 360, height: 740 },
  });
  return context.newPage();
}

async function speak(page: Page, locale: string) {
  await page.locator('.language-switcher select').selectOption(locale);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test('two pen pals write to each other in Korean and Lao; a minor’s phone number is held and released by a coordinator', async ({
  page,
  kenal,
  browser,
}) => {
  test.setTimeout(240_000);
  const admin = await adminToken(kenal);
  const coordinator = await staff(kenal, admin, ['coordinator'], 'Coordinator Ana');
  const programmeName = `Letters ${Math.random().toString(36).slice(2, 8)}`;
  const programmeId = await programme(kenal, coordinator.token, 'Asia/Seoul', programmeName);
  const minji = await minor(kenal, 'Minji', 'KR', 'ko');
  const noy = await minor(kenal, 'Noy', 'LA', 'lo');
  const matchId = await matched(kenal, coordinator.token, programmeId, minji, noy);

  // Minji, in Korean: the thread is empty, starters show, the draft survives a reload.
  await signIn(page, minji.email, minji.password);
  await openMenu(page); // signed in (the page is already in the account's Korean)
  await speak(page, 'ko');
  await page.goto(`/penpals/${matchId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noy와(과) 주고받은 편지');
  await expect(page.getByText('아직 편지가 없어요. 첫 편지를 써 볼까요?')).toBeVisible();
  await expect(page.getByRole('heading', { name: '어떻게 시작할지 모르겠나요?' })).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'letters-composer-ko');
  const letterKo =
    '안녕 Noy! 나는 서울에 사는 민지야. 요즘 K-pop 춤을 배우고 있어. 라오스에서는 어떤 음악을 들어?';
  await page.getByLabel('내 편지').fill(letterKo);
  await expect(page.getByText(`${letterKo.length} / 20,000자`)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('내 편지')).toHaveValue(letterKo);
  await page.getByRole('button', { name: '편지 보내기' }).click();
  await expect(page.getByText('보냈어요! 이제 Noy님이 편지를 읽을 수 있어요.')).toBeVisible();
  await expect(page.getByLabel('내 편지')).toHaveValue('');
  await expect(page.getByRole('listitem').filter({ hasText: letterKo })).toContainText(
    '도착했어요',
  );

  // Noy, in Lao: one unread letter on the nav and on the match, read on opening.
  const noyPage = await windowFor(browser, kenal);
  await signIn(noyPage, noy.email, noy.password);
  await openMenu(noyPage);
  await speak(noyPage, 'lo');
  await openMenu(noyPage);
  const nav = noyPage.getByRole('navigation').getByRole('link', { name: /ໝູ່ທາງຈົດໝາຍ/ });
  await expect(nav.locator('.unread-count')).toContainText('1');
  await nav.click();
  const open = noyPage.getByRole('link', { name: /ຈົດໝາຍກັບ Minji/ });
  await expect(open).toContainText('1');
  await expectAccessible(noyPage);
  await open.click();
  await expect(noyPage.getByRole('heading', { level: 1 })).toHaveText('ຈົດໝາຍກັບ Minji');
  await expect(noyPage.getByText(letterKo)).toBeVisible();
  await expect(nav.locator('.unread-count')).toHaveCount(0);
  await expectAccessible(noyPage);

  // Noy writes twice: a letter in Lao, then one with a phone number, which is held for a check.
  const letterLo = 'ສະບາຍດີ Minji! ຂ້ອຍຊື່ນ້ອຍ ຢູ່ວຽງຈັນ. ຂ້ອຍມັກຟັງເພງລາວ ແລະ K-pop ຄືກັນ!';
  await noyPage.getByLabel('ຈົດໝາຍຂອງເຈົ້າ').fill(letterLo);
  await noyPage.getByRole('button', { name: 'ສົ່ງຈົດໝາຍ' }).click();
  await expect(noyPage.getByText('ສົ່ງແລ້ວ! ຕອນນີ້ Minji ອ່ານຈົດໝາຍຂອງເຈົ້າໄດ້ແລ້ວ.')).toBeVisible();
  const phone = 'ໂທຫາຂ້ອຍເດີ 020 5555 1234';
  await noyPage.getByLabel('ຈົດໝາຍຂອງເຈົ້າ').fill(phone);
  await noyPage.getByRole('button', { name: 'ສົ່ງຈົດໝາຍ' }).click();
  await expect(
    noyPage.getByRole('status').filter({ hasText: 'ຈົດໝາຍຂອງເຈົ້າກຳລັງລໍຖ້າການກວດ' }),
  ).toBeVisible();
  await expect(noyPage.getByRole('listitem').filter({ hasText: phone })).toContainText(
    'ກຳລັງລໍຖ້າການກວດ',
  );
  await shot(noyPage, 'letters-thread-lo');
  await noyPage.getByLabel('ຈົດໝາຍຂອງເຈົ້າ').fill('');
  await shot(noyPage, 'letters-composer-lo');

  // Minji sees the Lao letter, not the held one.
  await page.reload();
  await expect(page.getByText(letterLo)).toBeVisible();
  await expect(page.getByText(phone)).toHaveCount(0);
  await shot(page, 'letters-thread-ko');

  // The coordinator releases the held letter from the programme's moderation queue.
  const staffPage = await windowFor(browser, kenal);
  await staffPage.setViewportSize({ width: 1280, height: 900 });
  await signIn(staffPage, coordinator.email, coordinator.password);
  await staffPage.getByRole('link', { name: 'Coordinate' }).click();
  await staffPage
    .getByRole('listitem')
    .filter({ has: staffPage.getByRole('heading', { name: programmeName }) })
    .getByRole('link', { name: 'Moderation: held and reported letters' })
    .click();
  await expect(staffPage.getByRole('heading', { level: 1 })).toHaveText('Moderation');
  const held = staffPage.getByRole('listitem').filter({ hasText: 'Held letter' });
  await expect(held).toHaveCount(1);
  await expect(held.locator('mark').first()).toHaveText('020 5555 1234');
  await expect(held).toContainText('Noy (Laos) under 18');
  // That one letter only: none of the thread's other letters.
  await expect(staffPage.getByText(letterKo)).toHaveCount(0);
  await expect(staffPage.getByText(letterLo)).toHaveCount(0);
  await expectAccessible(staffPage);
  await staffPage.setViewportSize({ width: 360, height: 740 });
  await shot(staffPage, 'moderation-en-360');
  await held.getByLabel('Release: deliver the letter').check();
  await held
    .getByLabel('Reason for the record')
    .fill('A school landline, checked with the guardian.');
  await held.getByRole('button', { name: 'Decide' }).click();
  await expect(staffPage.getByText('Nothing is waiting for you. Well done!')).toBeVisible();
  await staffPage.getByRole('button', { name: 'Decided' }).click();
  await expect(staffPage.getByRole('listitem').filter({ hasText: 'Held letter' })).toContainText(
    'A school landline',
  );

  // Released: Minji now reads it, with an unread count on the nav until she opens the thread.
  await page.goto('/penpals');
  await openMenu(page);
  const penpals = page.getByRole('navigation').getByRole('link', { name: /^펜팔/ });
  await expect(penpals).toHaveAccessibleName('펜팔 읽지 않은 편지 1통');
  await expect(penpals.locator('.unread-count')).toContainText('1');
  await page.goto(`/penpals/${matchId}`);
  await expect(page.getByText(phone)).toBeVisible();
  await expect(penpals.locator('.unread-count')).toHaveCount(0);
  await expectAccessible(page);

  // Burmese screenshots of the thread and the composer.
  await speak(page, 'my');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noy နှင့် စာများ');
  await shot(page, 'letters-thread-my');
  await page
    .getByRole('heading', { level: 2 })
    .filter({ hasText: 'Noy ထံ စာရေးရန်' })
    .scrollIntoViewIfNeeded();
  await shot(page, 'letters-composer-my');
  await noyPage.context().close();
  await staffPage.context().close();
});
