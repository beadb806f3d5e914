import type { I18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import type { Role } from './queries';

const NAMES = {
  applicant: msg`Participant`,
  judge: msg`Judge`,
  coordinator: msg`Coordinator`,
  admin: msg`Administrator`,
  mentor: msg`Mentor`,
};

/** A role as people read it, in their language. */
export const roleName = (i18n: I18n, role: string): string =>
  role in NAMES ? i18n._(NAMES[role as Role]) : role;

export const roleList = (i18n: I18n, roles: string[]): string => {
  const names = roles.map((r) => roleName(i18n, r));
  // A language the browser has no list data for (Lao in Chromium) would get an English "and".
  return Intl.ListFormat.supportedLocalesOf(i18n.locale).length > 0
    ? new Intl.ListFormat(i18n.locale, { type: 'conjunction' }).format(names)
    : names.join(', ');
};
