/**
 * PURE: the 11 languages Kenal writes to people in, and the words every feature needs in each
 * (country and language names, lists, dates). Names come from the ICU data Node ships with
 * (full-icu in Node 20), with English and Korean from Kenal's own tables where they differ.
 */
export const LOCALES = ['en', 'ko', 'id', 'ms', 'th', 'vi', 'fil', 'km', 'lo', 'my', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];

/** A stored or requested locale as one of the 11: "ko-KR" is Korean, "tl" Filipino, else English. */
export function localeOf(raw: string | null | undefined): Locale {
  const l = (raw ?? 'en').toLowerCase();
  if ((LOCALES as readonly string[]).includes(l)) return l as Locale;
  const base = l.split(/[-_]/)[0];
  if (base === 'tl') return 'fil';
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : 'en';
}

/** Intl objects cost about a millisecond to make: one per kind and locale, made once. */
const cache = new Map<string, Intl.DisplayNames | Intl.ListFormat | Intl.DateTimeFormat>();
function once<T extends Intl.DisplayNames | Intl.ListFormat | Intl.DateTimeFormat>(
  key: string,
  make: () => T,
): T {
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/**
 * Kenal's own names where ICU's differ: English as in the platform's reference data
 * (src/common/reference-data.ts), "한국" rather than "대한민국".
 */
const COUNTRY_OVERRIDES: Partial<Record<Locale, Record<string, string>>> = {
  en: {
    BN: 'Brunei Darussalam',
    LA: 'Lao PDR',
    MM: 'Myanmar',
    PH: 'the Philippines',
    VN: 'Viet Nam',
    KR: 'Korea',
  },
  ko: { KR: '한국' },
};

/** A country's name for a reader of `locale`, e.g. "ລາວ" for LA in Lao; the code if unknown. */
export function countryName(code: string, locale: Locale): string {
  const own = COUNTRY_OVERRIDES[locale]?.[code];
  if (own) return own;
  try {
    const regions = once(
      `region:${locale}`,
      () => new Intl.DisplayNames([locale, 'en'], { type: 'region' }),
    );
    const name = regions.of(code) ?? code;
    return name.replace(/\s*[(（].*[)）]\s*$/, ''); // "Myanmar (Burma)" → "Myanmar"
  } catch {
    return code;
  }
}

/**
 * A language's name as a noun mid-sentence: "Korean", "bahasa Korea", "ภาษาเกาหลี", "tiếng Hàn".
 * `tl` is Filipino (Intl would say Tagalog).
 */
export function languageName(code: string, locale: Locale): string {
  const c = code.toLowerCase() === 'tl' ? 'fil' : code.toLowerCase();
  let name: string;
  try {
    const languages = once(
      `language:${locale}`,
      () => new Intl.DisplayNames([locale, 'en'], { type: 'language' }),
    );
    name = languages.of(c) ?? c;
  } catch {
    return code;
  }
  if (name.toLowerCase() === c) return code.toUpperCase();
  switch (locale) {
    case 'id':
      return `bahasa ${c === 'zh' ? 'Mandarin' : name}`;
    case 'ms':
      return `bahasa ${name}`;
    case 'th':
      return name.startsWith('ภาษา') ? name : `ภาษา${name}`;
    case 'km':
      return name.startsWith('ភាសា') ? name : `ភាសា${name}`;
    case 'lo':
      return name.startsWith('ພາສາ') ? name : `ພາສາ${name}`;
    case 'my':
      return name.endsWith('ဘာသာ') ? name : `${name}ဘာသာ`;
    case 'vi':
      return name[0].toLowerCase() + name.slice(1); // "Tiếng Hàn" reads "tiếng Hàn" mid-sentence
    default:
      return name;
  }
}

/** "A, B and C" in the reader's language (English without the serial comma, as Kenal writes it). */
export function joinList(items: readonly string[], locale: Locale): string {
  if (items.length === 0) return '';
  if (locale === 'en') {
    return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
  }
  if (locale === 'ko') return items.join(', ');
  return once(`list:${locale}`, () => new Intl.ListFormat(locale, { type: 'conjunction' })).format(
    items,
  );
}

/**
 * An instant as the reader writes it, in UTC and saying so ("5 Desember 2026 pukul 09.30 UTC");
 * anything that is not an ISO timestamp is returned as it is (texts already formatted in a zone).
 */
export function dateTime(value: unknown, locale: Locale): string {
  const text = String(value ?? '');
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return text;
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) return text;
  const format = once(
    `date:${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }),
  );
  return `${format.format(at)} UTC`;
}
