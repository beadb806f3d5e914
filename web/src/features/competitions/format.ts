import { dateTimeFormat } from '../../app/dates';
import { intlLocale, isLocale } from '../../app/locales';

/** The visitor's own time zone, as their device says. */
export const visitorTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const tag = (locale: string) => (isLocale(locale) ? intlLocale(locale) : 'en');

/** A date and time in the chosen language and the given time zone, with the zone's name. */
export function formatInstant(iso: string, locale: string, timeZone?: string): string {
  return dateTimeFormat(tag(locale), {
    // dateStyle/timeStyle cannot be combined with timeZoneName: the parts one by one.
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

export function formatNumber(n: number, locale: string): string {
  return new Intl.NumberFormat(tag(locale)).format(n);
}

/** A file size a person reads (e.g. "1.2 MB"), in the chosen language's digits. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(tag(locale), {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** Language names in the chosen language (Intl; country names: app/countries.ts). */
export const namesOf = (locale: string, type: 'language') =>
  new Intl.DisplayNames([tag(locale)], { type });
