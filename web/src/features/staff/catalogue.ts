import type { Messages } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { addErrorSentences } from '../../app/errors';
import type { PageCatalogue } from '../../app/i18n';

/**
 * The staff and mentoring pages' messages (staff.po, about 600 per language). App.tsx imports this
 * module only when such a page opens, so neither the loader's table of chunk addresses nor these
 * error sentences weigh on an applicant's first page.
 */
export const staffCatalogue: PageCatalogue = async (locale) => {
  const { messages } = (await import(`../../locales/${locale}/staff.po`)) as {
    messages: Messages;
  };
  return messages;
};

// The API's codes that only judges, coordinators and mentoring pages meet.
addErrorSentences({
  // Judging
  SCORE_FINAL: msg`This score is final and can no longer change.`,
  ROUND_CLOSED: msg`This judging round is closed: scores can no longer change.`,
  ROUND_NOT_OPEN: msg`This judging round has not opened yet. You can score once it opens.`,
  NOT_ACTIVE: msg`This entry is no longer yours to judge.`,
  CONFLICTS_UNDER_REVIEW: msg`Your entries here are on hold while a coordinator reviews the conflict you declared.`,
  // Mentoring
  NOT_A_PROJECT_COMPETITION: msg`Mentoring rounds are for project competitions only.`,
  UNKNOWN_ROUND: msg`That judging round is not part of this competition.`,
  NOT_IN_ROUND: msg`This team or mentor is not part of the round.`,
  INSTITUTION_CONFLICT: msg`This mentor is from the same institution as a team member: they can't be paired.`,
  RUN_IN_PROGRESS: msg`A matching run is already going. Wait for it to finish.`,
  RUN_NOT_FINISHED: msg`This run has not finished yet.`,
  ALREADY_PUBLISHED: msg`These mentorships are published already.`,
  STALE_RUN: msg`The round changed after this run (mentors, pins or forbids): run the matching again before publishing.`,
  MENTORSHIP_ENDED: msg`This mentorship has ended: no more check-ins can be added.`,
});
