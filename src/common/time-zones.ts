import { BoundedMap } from './bounded-map';

/** An IANA zone this runtime knows, such as Asia/Seoul. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

interface LocalParts {
  date: string;
  time: string;
  offset: string;
}

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    // Only zones the runtime knows get here (construction throws otherwise): a few hundred at most.
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Instants already formatted, per zone: formatToParts (ICU) took ~9 µs of each GET
 * /competitions/{id}, whose window is the same two instants on every request. What an instant is in
 * a zone never changes while the process runs (its time-zone data is fixed), so nothing goes stale.
 */
const formatted = new BoundedMap<string, LocalParts>(10_000);

function localParts(at: Date, timeZone: string): LocalParts {
  const key = `${at.getTime()} ${timeZone}`;
  let parts = formatted.get(key);
  if (!parts) {
    parts = formatParts(at, timeZone);
    formatted.set(key, parts);
  }
  return parts;
}

function formatParts(at: Date, timeZone: string): LocalParts {
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '00';
  const [y, mo, d, h, mi, s] = [
    get('year'),
    get('month'),
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  ];
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const offsetMinutes = Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return { date: `${y}-${mo}-${d}`, time: `${h}:${mi}:${s}`, offset };
}

/**
 * The instant as local wall-clock time with its offset (2027-03-01T23:59:59+07:00), so an entrant
 * in Jakarta sees the deadline the server enforces without doing time-zone arithmetic.
 */
export function zonedIso(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.date}T${p.time}${p.offset}`;
}

/** A human form for emails: "2027-03-01 23:59 (Asia/Jakarta, UTC+07:00)". */
export function zonedHuman(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.date} ${p.time.slice(0, 5)} (${timeZone}, UTC${p.offset})`;
}
