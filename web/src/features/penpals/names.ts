import type { I18n } from '@lingui/core';
import { intlLocale, isLocale } from '../../app/locales';

/** The 11 countries of Kenal: Korea and the ten ASEAN countries. */
export const COUNTRIES = [
  'KR',
  'BN',
  'KH',
  'ID',
  'LA',
  'MY',
  'MM',
  'PH',
  'SG',
  'TH',
  'VN',
] as const;

/** Languages a person may want to practise: those of the 11 countries, and English. */
export const PRACTISE_LANGUAGES = [
  'ko',
  'en',
  'id',
  'ms',
  'th',
  'vi',
  'tl',
  'km',
  'lo',
  'my',
  'zh',
] as const;

const tag = (i18n: I18n) => (isLocale(i18n.locale) ? intlLocale(i18n.locale) : 'en');

function displayNames(i18n: I18n, type: 'region' | 'language') {
  try {
    return new Intl.DisplayNames([tag(i18n), 'en'], { type, fallback: 'code' });
  } catch {
    return null;
  }
}

/** A country's name in the reader's language (Intl), e.g. "라오스" for LA in Korean. */
export function countryName(i18n: I18n, code: string | null | undefined): string {
  if (!code) return '';
  return displayNames(i18n, 'region')?.of(code) ?? code;
}

/** A language's name in the reader's language (Intl). */
export function languageName(i18n: I18n, code: string): string {
  return displayNames(i18n, 'language')?.of(code) ?? code;
}

/** An interest tag as words ("k-pop" → "k-pop", "board_games" → "board games"). */
export const interestWords = (tagName: string): string => tagName.replace(/_/g, ' ');

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
    return new Intl.DateTimeFormat(tag(i18n), options).format(new Date(iso));
  } catch {
    return iso;
  }
}
