import { loadFont } from '../../app/fonts';
import type { Locale } from '../../app/locales';

/** Scripts whose web font a phone may lack, and the language whose font carries them. */
const SCRIPTS: [RegExp, Locale][] = [
  [/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/, 'ko'],
  [/[\u0e00-\u0e7f]/, 'th'],
  [/[\u0e80-\u0eff]/, 'lo'],
  [/[\u1780-\u17ff]/, 'km'],
  [/[\u1000-\u109f]/, 'my'],
  [/[\u4e00-\u9fff]/, 'zh'],
];

/**
 * Loads the web font of every script in a letter: a Lao reader's phone shows a Korean letter in
 * Korean letters, not empty boxes (the page itself loads only the reader's language's font).
 */
export function loadFontsFor(text: string): void {
  for (const [re, locale] of SCRIPTS) if (re.test(text)) loadFont(locale);
}
