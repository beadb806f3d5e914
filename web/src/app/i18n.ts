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

/** The staff pages' messages: a chunk per language of their own, which applicants never load. */
async function loadStaffCatalog(locale: Locale): Promise<Messages> {
  const { messages } = (await import(`../locales/${locale}/staff.po`)) as { messages: Messages };
  return messages;
}

// Once a staff page has asked for its messages, every later language comes with them.
let staffMessagesWanted = false;

/** Loads and switches to a language: catalogue, font, <html lang>, and the saved choice. */
export async function activateLocale(locale: Locale): Promise<void> {
  loadFont(locale);
  const [messages, staff] = await Promise.all([
    loadCatalog(locale),
    staffMessagesWanted ? loadStaffCatalog(locale) : {},
  ]);
  i18n.loadAndActivate({ locale, messages: { ...messages, ...staff } });
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // the choice then lasts for this visit only
  }
}

/** Adds the staff pages' messages in the current language (src/app/App.tsx, staffPage). */
export async function loadStaffMessages(): Promise<void> {
  staffMessagesWanted = true;
  const locale = i18n.locale;
  if (!isLocale(locale)) return;
  const staff = await loadStaffCatalog(locale);
  // The language may have changed meanwhile: activateLocale has then loaded its own.
  if (i18n.locale === locale) i18n.load(locale, staff);
}

export { i18n };
