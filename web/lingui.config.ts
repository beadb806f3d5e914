import { defineConfig } from '@lingui/cli';
import { formatter } from '@lingui/format-po';

/**
 * The staff pages' folders and files (src/app/App.tsx loads them through staffPage()). Their
 * messages go to staff.po, which only those pages load, so that an applicant's first page carries
 * only messages.po (about half as large). scripts/extract-catalogs.mjs keeps a message used on both
 * sides in messages.po alone: it is translated once.
 */
export const STAFF_SOURCES = [
  'admin',
  'coordinate',
  'coordinate-competitions',
  'coordinate-judging',
  'coordinate-mentoring',
  'judging',
  'moderation',
  'staff',
]
  .map((folder) => `<rootDir>/src/features/${folder}/**`)
  .concat(['<rootDir>/src/features/auth/StaffInvitation.tsx'])
  // Mentoring's pages too: only mentors and the few winning teams open them. Its queries stay
  // outside (My entries asks whether the team has mentors), and hold no words.
  .concat(
    ['MentoringPage.tsx', 'MentorProfile.tsx', 'Mentorships.tsx', 'labels.ts'].map(
      (file) => `<rootDir>/src/features/mentoring/${file}`,
    ),
  );

/**
 * The competition pages (a third of an applicant's words): competitions.po, loaded with those
 * pages (App.tsx, competitionPage) and with staff pages, which share some of their modules.
 * The first page then carries messages.po alone (every language under 100 kB of JavaScript).
 */
export const COMPETITION_SOURCES = ['<rootDir>/src/features/competitions/**'];

/** Every language of the web app; `en` is the source. Emails use the same codes (API `locale`). */
export default defineConfig({
  sourceLocale: 'en',
  locales: ['en', 'ko', 'id', 'ms', 'th', 'vi', 'fil', 'km', 'lo', 'my', 'zh'],
  catalogs: [
    {
      path: '<rootDir>/src/locales/{locale}/messages',
      include: ['<rootDir>/src'],
      exclude: [...STAFF_SOURCES, ...COMPETITION_SOURCES],
    },
    { path: '<rootDir>/src/locales/{locale}/competitions', include: COMPETITION_SOURCES },
    { path: '<rootDir>/src/locales/{locale}/staff', include: STAFF_SOURCES },
  ],
  // No file:line origins: a catalogue changes only when a message does.
  format: formatter({ origins: false }),
  orderBy: 'messageId',
});
