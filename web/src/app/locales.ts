/** The languages of Kenal, each named in itself (what a reader looks for in the switcher). */
export const LOCALES = {
  en: 'English',
  ko: '한국어',
  id: 'Bahasa Indonesia',
  ms: 'Bahasa Melayu',
  th: 'ไทย',
  vi: 'Tiếng Việt',
  fil: 'Filipino',
  km: 'ខ្មែរ',
  lo: 'ລາວ',
  my: 'မြန်မာ',
  zh: '中文',
} as const;

export type Locale = keyof typeof LOCALES;

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(LOCALES, value);

/** BCP 47 tags for Intl where the app's code is not one (Chinese in Kenal is simplified). */
export const intlLocale = (locale: Locale): string => (locale === 'zh' ? 'zh-Hans' : locale);
