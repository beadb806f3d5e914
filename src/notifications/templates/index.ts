import { localeOf, type Locale } from '../../common/i18n/locales';
import { en } from './en';
import { personName } from './labels';
import { fil } from './fil';
import { id } from './id';
import { km } from './km';
import { ko } from './ko';
import { lo } from './lo';
import { ms } from './ms';
import { my } from './my';
import { th } from './th';
import type { LocaleTemplates, NotificationPayloads, NotificationType, Rendered } from './types';
import { vi } from './vi';
import { zh } from './zh';

/** Every notification in every language of the web app. */
export const TEMPLATES: Record<Locale, LocaleTemplates> = {
  en,
  ko,
  id,
  ms,
  th,
  vi,
  fil,
  km,
  lo,
  my,
  zh,
};

export const NOTIFICATION_TYPES: readonly string[] = Object.keys(en);

/**
 * Payload keys that may hold someone else's name: the pen pal, the inviter, the participant...
 * and a team's name (a team of one takes its founder's name).
 */
export const NAMING_KEYS: readonly string[] = [
  'name',
  'penpalName',
  'inviterName',
  'actorName',
  'participantName',
  'teamName',
  'mentorName',
  'otherName',
];

/** The types whose in-app text names someone other than the recipient, through those keys. */
export const TYPES_NAMING_OTHERS: readonly string[] = [
  'guardian.consent_requested',
  'penpal.matched',
  'penpal.connected',
  'team.invitation',
  'submission.withdrawn',
  'mentoring.introduced_mentor',
  'mentoring.introduced_team',
  'mentoring.silent',
];

/**
 * A stored payload as its type's fields, a missing or null one read as empty text: an in-app
 * copy carries no link, and an older row may lack a field added since. A name the account
 * erasure replaced reads "Former member" in the reader's language.
 */
const lenient = <T extends object>(payload: Record<string, unknown>, locale: Locale): T =>
  new Proxy(payload, {
    get: (target, key) => {
      if (typeof key !== 'string') return undefined;
      const value = target[key] ?? '';
      return NAMING_KEYS.includes(key) ? personName(value, locale) : value;
    },
  }) as T;

/** Renders in the reader's language (one of the 11; anything else reads English). */
export function render(type: string, locale: string, payload: Record<string, unknown>): Rendered {
  const language = localeOf(locale);
  if (!NOTIFICATION_TYPES.includes(type))
    throw new Error(`No template for notification type "${type}"`);
  const template = TEMPLATES[language][type as NotificationType] as (
    p: NotificationPayloads[NotificationType],
    l: Locale,
  ) => Rendered;
  return template(lenient(payload, language), language);
}

export type { NotificationPayloads, NotificationType, Rendered };
