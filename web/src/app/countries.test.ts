import { describe, expect, it } from 'vitest';
import { countryName as apiCountryName } from '../../../src/common/i18n/locales';
import { countryName } from './countries';
import { LOCALES } from './locales';

const CODES = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN', 'KR'];
const locales = Object.keys(LOCALES) as (keyof typeof LOCALES)[];
// The script each language writes country names in.
const SCRIPT: Record<string, RegExp> = {
  ko: /^[\p{Script=Hangul}\s]+$/u,
  th: /^[\p{Script=Thai}\s]+$/u,
  km: /^[\p{Script=Khmer}\s\u200b]+$/u,
  lo: /^[\p{Script=Lao}\s]+$/u,
  my: /^[\p{Script=Myanmar}\s]+$/u,
  zh: /^\p{Script=Han}+$/u,
};

describe('country names', () => {
  it('names each of the 11 countries in each of the 11 languages, in its own script', () => {
    for (const locale of locales) {
      const names = CODES.map((code) => countryName(locale, code));
      expect(new Set(names).size, locale).toBe(CODES.length);
      for (const [i, name] of names.entries()) {
        expect(name, `${locale} ${CODES[i]}`).not.toBe(CODES[i]);
        expect(name, `${locale} ${CODES[i]}`).toMatch(SCRIPT[locale] ?? /^[\p{Script=Latin} ]+$/u);
      }
    }
  });

  it("says what the API's emails say (English keeps the pages' short names)", () => {
    for (const locale of locales.filter((l) => l !== 'en')) {
      for (const code of CODES) {
        expect(countryName(locale, code), `${locale} ${code}`).toBe(apiCountryName(code, locale));
      }
    }
  });

  it("has the names Debian's Chromium lacks (its Intl answers in English for Khmer, Lao, Burmese)", () => {
    expect(countryName('km', 'LA')).toBe('ឡាវ');
    expect(countryName('lo', 'KH')).toBe('ກຳປູເຈຍ');
    expect(countryName('my', 'KR')).toBe('တောင်ကိုရီးယား');
  });

  it('falls back to English for an unknown language, and to the code for an unknown country', () => {
    expect(countryName('xx', 'LA')).toBe('Laos');
    expect(countryName('ko', 'JP')).toBe('JP');
    expect(countryName('ko', null)).toBe('');
  });
});
