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

const HOUR = 3_600_000;
/** Hours kept per zone: far more than the deadlines a process shows; a zone past it starts over. */
const HOURS_KEPT = 4096;
/**
 * Where Date's own UTC fields print as Intl prints the local date: four-digit years, so neither
 * Intl's eras nor Date.UTC's 19xx reading of two-digit years differ. Others go to Intl each time.
 */
const ARITHMETIC_FROM = Date.UTC(1000, 0, 2);
const ARITHMETIC_UNTIL = Date.UTC(9999, 11, 30);

interface Zone {
  format: Intl.DateTimeFormat;
  /** UTC hour → the zone's offset in ms through all of that hour (hours with a transition: not kept). */
  offsets: Map<number, number>;
}

/** The fields of a local date and time, in the form localParts reads them. */
export const LOCAL_TIME: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
};

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
const zones = new Map<string, Zone>();

function zoneOf(timeZone: string): Zone {
  let zone = zones.get(timeZone);
  if (!zone) {
    const format = new Intl.DateTimeFormat('en-US', { timeZone, ...LOCAL_TIME });
    // Only zones the runtime knows get here (construction throws otherwise): a few hundred at most.
    zone = { format, offsets: new Map() };
    zones.set(timeZone, zone);
  }
  return zone;
}

/** Intl's local parts of the instant (whole seconds), and its offset in ms, as Intl says. */
function intlParts(at: number, zone: Zone) {
  const parts = zone.format.formatToParts(at);
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
  return { date: `${y}-${mo}-${d}`, time: `${h}:${mi}:${s}`, offsetMs: asUtc - at };
}

/**
 * The zone's offset through the UTC hour of the instant, or undefined if it changes within it.
 * Intl formatToParts was ~4 % of an entry's read; now each hour of a zone costs two calls, once.
 * Offsets and transitions fall on whole seconds, and no zone changes twice within an hour, so
 * equal offsets at the hour's first and last second mean one offset throughout.
 */
function hourOffset(second: number, zone: Zone): number | undefined {
  const hour = Math.floor(second / HOUR);
  const known = zone.offsets.get(hour);
  if (known !== undefined) return known;
  const first = intlParts(hour * HOUR, zone).offsetMs;
  if (intlParts(hour * HOUR + HOUR - 1000, zone).offsetMs !== first) return undefined;
  if (zone.offsets.size >= HOURS_KEPT) zone.offsets.clear();
  zone.offsets.set(hour, first);
  return first;
}

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

function offsetText(offsetMs: number): string {
  const minutes = Math.round(offsetMs / 60000);
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

function localParts(at: Date, timeZone: string): LocalParts {
  const zone = zoneOf(timeZone);
  const second = Math.floor(at.getTime() / 1000) * 1000;
  const offsetMs =
    second >= ARITHMETIC_FROM && second <= ARITHMETIC_UNTIL ? hourOffset(second, zone) : undefined;
  if (offsetMs === undefined) {
    const p = intlParts(second, zone);
    return { date: p.date, time: p.time, offset: offsetText(p.offsetMs) };
  }
  const l = new Date(second + offsetMs);
  return {
    date: `${l.getUTCFullYear()}-${two(l.getUTCMonth() + 1)}-${two(l.getUTCDate())}`,
    time: `${two(l.getUTCHours())}:${two(l.getUTCMinutes())}:${two(l.getUTCSeconds())}`,
    offset: offsetText(offsetMs),
  };
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
