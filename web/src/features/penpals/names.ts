import { dateTimeFormat } from '../../app/dates';
import type { I18n } from '@lingui/core';
import { intlLocale, isLocale } from '../../app/locales';

import { COUNTRIES, displayNames, INTEREST_LABELS, LANGUAGES } from '../profile/reference';

export { COUNTRIES };

/** Languages a person may want to practise: those of the 11 countries, and English. */
export const PRACTISE_LANGUAGES = LANGUAGES.slice(0, 11);

const tag = (i18n: I18n) => (isLocale(i18n.locale) ? intlLocale(i18n.locale) : 'en');

/** A language's name in the reader's language (Intl, else the catalogue). */
export function languageName(i18n: I18n, code: string): string {
  return displayNames(i18n).language(code);
}

/** An interest tag as its label in the reader's language ("board_games" → "board games" if unknown). */
export function interestWords(i18n: I18n, tagName: string): string {
  const label = INTEREST_LABELS[tagName];
  return label ? i18n._(label) : tagName.replace(/_/g, ' ');
}

/** A date and time in the reader's language, optionally in a named time zone. */
export function dateTime(i18n: I18n, iso: string, timeZone?: string): string {
  try {
    // dateStyle cannot be combined with timeZoneName: name the fields when the zone is shown.
    const options: Intl.DateTimeFormatOptions = timeZone
      ? {
          year: 'numeric',
          month: 'short',
          day: 'numeric',
          hour: 'numeric',
          minute: '2-digit',
          timeZone,
          timeZoneName: 'short',
        }
      : { dateStyle: 'medium', timeStyle: 'short' };
    return dateTimeFormat(tag(i18n), options).format(new Date(iso));
  } catch {
    return iso;
  }
}
