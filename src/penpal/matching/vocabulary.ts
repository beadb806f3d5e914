import { ASEAN_COUNTRIES, type CountryCode, type LanguageLevel } from './types';
import { COUNTRY_NAMES as PLATFORM_COUNTRY_NAMES, INTERESTS } from '../../common/reference-data';

/** Country slots 0..9 are the ASEAN countries in ASEAN_COUNTRIES order; KR is slot 10. */
export const KR_SLOT = 10;
export const COUNTRY_SLOTS = 11;

export function countrySlot(code: string): number {
  if (code === 'KR') return KR_SLOT;
  return (ASEAN_COUNTRIES as readonly string[]).indexOf(code);
}

export function slotCountry(slot: number): CountryCode {
  return slot === KR_SLOT ? 'KR' : ASEAN_COUNTRIES[slot];
}

/** English names, from the one country table the whole platform uses. */
export const COUNTRY_NAMES: Record<CountryCode, string> = Object.fromEntries(
  Object.entries(PLATFORM_COUNTRY_NAMES).map(([code, name]) => [code, name.en]),
) as Record<CountryCode, string>;

export const COUNTRY_NAMES_KO: Record<CountryCode, string> = Object.fromEntries(
  Object.entries(PLATFORM_COUNTRY_NAMES).map(([code, name]) => [code, name.ko]),
) as Record<CountryCode, string>;

/** Higher is better; 0 means "does not speak it". */
export const LEVEL_RANK: Record<LanguageLevel, number> = {
  basic: 1,
  conversational: 2,
  fluent: 3,
  native: 4,
};
export const MAX_LEVEL = 4;
/** A language spoken at least this well can be practised with. */
export const PRACTISE_PARTNER_LEVEL = LEVEL_RANK.fluent;

const LANGUAGE_NAMES: Record<string, string> = {
  ar: 'Arabic',
  bn: 'Bengali',
  de: 'German',
  en: 'English',
  es: 'Spanish',
  fil: 'Filipino',
  fr: 'French',
  hi: 'Hindi',
  id: 'Indonesian',
  ja: 'Japanese',
  jv: 'Javanese',
  km: 'Khmer',
  ko: 'Korean',
  lo: 'Lao',
  ms: 'Malay',
  my: 'Burmese',
  pt: 'Portuguese',
  ru: 'Russian',
  su: 'Sundanese',
  ta: 'Tamil',
  th: 'Thai',
  tl: 'Tagalog',
  vi: 'Vietnamese',
  zh: 'Chinese',
};

const LANGUAGE_NAMES_KO: Record<string, string> = {
  ar: '아랍어',
  bn: '벵골어',
  de: '독일어',
  en: '영어',
  es: '스페인어',
  fil: '필리핀어',
  fr: '프랑스어',
  hi: '힌디어',
  id: '인도네시아어',
  ja: '일본어',
  jv: '자바어',
  km: '크메르어',
  ko: '한국어',
  lo: '라오어',
  ms: '말레이어',
  my: '미얀마어',
  pt: '포르투갈어',
  ru: '러시아어',
  su: '순다어',
  ta: '타밀어',
  th: '태국어',
  tl: '타갈로그어',
  vi: '베트남어',
  zh: '중국어',
};

export function languageName(code: string): string {
  return LANGUAGE_NAMES[code.toLowerCase()] ?? code.toUpperCase();
}

export function languageNameKo(code: string): string {
  return LANGUAGE_NAMES_KO[code.toLowerCase()] ?? code.toUpperCase();
}

/** Interest tags are slugs such as "k_pop" or "street-food": shown as "k pop", "street food". */
export function interestLabel(tag: string): string {
  const label = INTEREST_LABELS.get(tag);
  if (!label) return tag.replace(/[_-]+/g, ' ').trim();
  // "Street food" reads "street food" mid-sentence; "K-pop" stays as it is.
  return /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

const INTEREST_LABELS = new Map(INTERESTS.map((i) => [i.tag, i.label.en]));
const INTEREST_LABELS_KO = new Map(INTERESTS.map((i) => [i.tag, i.label.ko]));

export function interestLabelKo(tag: string): string {
  return INTEREST_LABELS_KO.get(tag) ?? tag.replace(/[_-]+/g, ' ').trim();
}

/** "a", "a and b", "a, b and c" */
export function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
