/**
 * A date-time formatter in the reader's language. Where the browser has no data for it (Debian's
 * Chromium lacks Lao), day/month/year in digits, rather than another language's month names.
 */
export function dateTimeFormat(
  tag: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  if (Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0) {
    return new Intl.DateTimeFormat(tag, options);
  }
  const digits: Intl.DateTimeFormatOptions = { ...options };
  if (digits.dateStyle) digits.dateStyle = 'short';
  if (digits.month && digits.month !== 'numeric') digits.month = '2-digit';
  return new Intl.DateTimeFormat('en-GB', digits);
}
