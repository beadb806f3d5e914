import { i18n, type Messages } from '@lingui/core';
import { loadFont } from './fonts';
import { isLocale, type Locale } from './locales';

const STORAGE_KEY = 'kenal.locale';

/**
 * The first language: the one index.html's inline script chose (saved choice, else the
 * browser's languages, else English) and already started loading.
 */
export function initialLocale(): Locale {
  const fromHtml = document.documentElement.lang;
  if (isLocale(fromHtml)) return fromHtml;
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // storage may be blocked: fall through
  }
  return 'en';
}

/** One chunk per language, compiled from its .po file at build time. */
async function loadCatalog(locale: Locale): Promise<Messages> {
  const { messages } = (await import(`../locales/${locale}/messages.po`)) as { messages: Messages };
  return messages;
}

/** A catalogue that only some pages load (lingui.config.ts): its messages in one language. */
export type PageCatalogue = (locale: Locale) => Promise<Messages>;

/**
 * The competition pages' messages (a third of an applicant's words): a chunk per language that
 * the first page does without. Its loader stays here so that the chunk is asked for together
 * with the page's own (on Slow 3G every round trip after the other costs 2 s).
 */
export const competitionsCatalogue: PageCatalogue = async (locale) => {
  const { messages } = (await import(`../locales/${locale}/competitions.po`)) as {
    messages: Messages;
  };
  return messages;
};

// Once a page has asked for a catalogue, every later language comes with it.
const wanted = new Set<PageCatalogue>();

/** Loads and switches to a language: catalogue, font, <html lang>, and the saved choice. */
export async function activateLocale(locale: Locale): Promise<void> {
  loadFont(locale);
  const parts = await Promise.all([
    loadCatalog(locale),
    ...[...wanted].map((load) => load(locale)),
  ]);
  i18n.loadAndActivate({ locale, messages: Object.assign({}, ...parts) as Messages });
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // the choice then lasts for this visit only
  }
}

/** Adds a page catalogue's messages in the current language (src/app/App.tsx, withCatalogues). */
export async function addCatalogue(load: PageCatalogue): Promise<void> {
  wanted.add(load);
  const locale = i18n.locale;
  if (!isLocale(locale)) return;
  const messages = await load(locale);
  // The language may have changed meanwhile: activateLocale has then loaded its own.
  if (i18n.locale === locale) i18n.load(locale, messages);
}

export { i18n };
