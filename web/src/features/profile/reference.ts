import { dateTimeFormat } from '../../app/dates';
import type { I18n, MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { countryName } from '../../app/countries';
import { intlLocale, isLocale } from '../../app/locales';
import type { ProfileInput } from '../account/queries';

/** The 11 countries of Kenal (ISO 3166-1 alpha-2), as the API's ProfileDto lists them. */
export const COUNTRIES = [
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
  'KR',
] as const satisfies readonly ProfileInput['country'][];

/** Languages offered in the picker first (ISO 639-1; Filipino is `tl` there). */
export const LANGUAGES = [
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
  'ja',
  'fr',
  'de',
  'es',
  'ar',
  'hi',
  'ru',
  'pt',
  'ta',
  'jv',
  'su',
  'bn',
  'ur',
] as const;

export const LEVELS: Record<'native' | 'fluent' | 'conversational' | 'basic', MessageDescriptor> = {
  native: msg`First language`,
  fluent: msg`Fluent`,
  conversational: msg`I can chat`,
  basic: msg`Beginner`,
};

export const GENDERS: Record<
  'female' | 'male' | 'non_binary' | 'prefer_not_to_say',
  MessageDescriptor
> = {
  female: msg`Female`,
  male: msg`Male`,
  non_binary: msg`Non-binary`,
  prefer_not_to_say: msg`I'd rather not say`,
};

/** The API's interest tags (GET /interests), in every language of the app. */
export const INTEREST_LABELS: Record<string, MessageDescriptor> = {
  film: msg`Film`,
  'k-pop': msg`K-pop`,
  music: msg`Music`,
  football: msg`Football`,
  badminton: msg`Badminton`,
  esports: msg`Esports`,
  cooking: msg`Cooking`,
  climate: msg`Climate action`,
  coding: msg`Coding`,
  photography: msg`Photography`,
  travel: msg`Travel`,
  languages: msg`Learning languages`,
  reading: msg`Reading`,
  writing: msg`Writing`,
  drawing: msg`Drawing and art`,
  dance: msg`Dance`,
  fashion: msg`Fashion`,
  anime: msg`Anime and comics`,
  history: msg`History`,
  science: msg`Science`,
  entrepreneurship: msg`Entrepreneurship`,
  volunteering: msg`Volunteering`,
  nature: msg`Nature and hiking`,
  'traditional-culture': msg`Traditional culture`,
  food: msg`Street food`,
  gaming: msg`Gaming`,
};

/**
 * Language names for readers whose browser has no Intl data for their language (Debian's Chromium
 * has none for Khmer, Lao and Burmese: Intl answers in English there).
 */
const LANGUAGE_NAMES: Record<string, MessageDescriptor> = {
  ko: msg`Korean`,
  en: msg`English`,
  id: msg`Indonesian`,
  ms: msg`Malay`,
  th: msg`Thai`,
  vi: msg`Vietnamese`,
  tl: msg`Filipino`,
  km: msg`Khmer`,
  lo: msg`Lao`,
  my: msg`Burmese`,
  zh: msg`Chinese`,
};

const tag = (i18n: I18n) => (isLocale(i18n.locale) ? intlLocale(i18n.locale) : 'en');

/** Names of countries (app/countries.ts) and languages (Intl, else the catalogue) for the reader. */
export function displayNames(i18n: I18n) {
  const locale = tag(i18n);
  const intl = Intl.DisplayNames.supportedLocalesOf([locale]).length > 0;
  const languages = new Intl.DisplayNames([locale, 'en'], { type: 'language' });
  const ownName = (code: string) =>
    new Intl.DisplayNames([code, 'en'], { type: 'language' }).of(code);
  return {
    country: (code: string) => countryName(i18n.locale, code),
    // Intl calls Filipino "Tagalog"; a language without a name here is shown in its own words.
    language: (code: string) =>
      (code === 'tl' || !intl
        ? LANGUAGE_NAMES[code]
          ? i18n._(LANGUAGE_NAMES[code])
          : ownName(code)
        : languages.of(code)) ?? code,
  };
}

/** Sorted as the reader's alphabet sorts. */
export const sortByName = <T>(items: readonly T[], name: (item: T) => string, i18n: I18n): T[] => {
  const collator = new Intl.Collator(tag(i18n));
  return [...items].sort((a, b) => collator.compare(name(a), name(b)));
};

/**
 * A date as the reader writes it; day/month/year in digits where the browser lacks the language.
 * A day alone (YYYY-MM-DD) is read as that day wherever the reader is, not as UTC midnight.
 */
export const formatDate = (i18n: I18n, iso: string) =>
  dateTimeFormat(tag(i18n), {
    dateStyle: 'long',
    ...(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? { timeZone: 'UTC' } : {}),
  }).format(new Date(iso));

/** Age in whole years on `at`, from YYYY-MM-DD (the API's rule: src/identity/age.ts). */
export function ageOn(dateOfBirth: string, at = new Date()): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let age = at.getUTCFullYear() - y;
  const month = at.getUTCMonth() + 1;
  if (month < mo || (month === mo && at.getUTCDate() < d)) age -= 1;
  return age;
}
