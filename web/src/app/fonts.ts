import type { Locale } from './locales';
import khmer from '@fontsource/noto-sans-khmer/400.css?url';
import korean from '@fontsource/noto-sans-kr/400.css?url';
import lao from '@fontsource/noto-sans-lao/400.css?url';
import myanmar from '@fontsource/noto-sans-myanmar/400.css?url';
import chinese from '@fontsource/noto-sans-sc/400.css?url';
import thai from '@fontsource/noto-sans-thai/400.css?url';

/**
 * A web font per script, so that a phone without Lao or Khmer fonts still reads them. Only the
 * reader's language loads its stylesheet (the files are split by unicode-range, so the browser
 * fetches only the glyph ranges the page uses). Same table as scripts/locale-preload.ts.
 */
const FONTS: Partial<Record<Locale, string>> = {
  ko: korean,
  th: thai,
  km: khmer,
  lo: lao,
  my: myanmar,
  zh: chinese,
};

export function loadFont(locale: Locale): void {
  const href = FONTS[locale];
  if (!href || document.querySelector(`link[rel="stylesheet"][href="${href}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.appendChild(link);
}
