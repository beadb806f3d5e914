import { Trans } from '@lingui/react/macro';
import { useLingui } from '@lingui/react';
import { dateTimeFormat } from '../../app/dates';
import { intlLocale, isLocale } from '../../app/locales';

const localTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A moment as people read it in the chosen language, in a given time zone with its name. */
export function formatMoment(locale: string, at: string | Date, timeZone?: string): string {
  const tag = isLocale(locale) ? intlLocale(locale) : locale;
  return dateTimeFormat(tag, {
    // dateStyle/timeStyle cannot be combined with timeZoneName: the parts one by one.
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(at));
}

/**
 * A deadline in the reader's time zone and in the programme's (where its dates are set); once
 * when the two read the same.
 */
export function Deadline({ at, timeZone }: { at: string; timeZone: string }) {
  const { i18n } = useLingui();
  const mine = formatMoment(i18n.locale, at);
  const theirs = formatMoment(i18n.locale, at, timeZone);
  const same = localTimeZone() === timeZone || mine === theirs;
  return (
    <span className="deadline">
      <time dateTime={at}>{mine}</time>
      {!same && (
        <>
          {' '}
          <span className="muted">
            <Trans>
              ({theirs} in the programme’s time zone, {timeZone})
            </Trans>
          </span>
        </>
      )}
    </span>
  );
}

export function formatNumber(locale: string, n: number, digits = 1): string {
  const tag = isLocale(locale) ? intlLocale(locale) : locale;
  return new Intl.NumberFormat(tag, { maximumFractionDigits: digits }).format(n);
}
