import type { I18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import type { Role } from './queries';

const NAMES = {
  applicant: msg`Participant`,
  judge: msg`Judge`,
  coordinator: msg`Coordinator`,
  admin: msg`Administrator`,
};

/** A role as people read it, in their language. */
export const roleName = (i18n: I18n, role: string): string =>
  role in NAMES ? i18n._(NAMES[role as Role]) : role;

export const roleList = (i18n: I18n, roles: string[]): string =>
  new Intl.ListFormat(i18n.locale, { type: 'conjunction' }).format(
    roles.map((r) => roleName(i18n, r)),
  );
