import { isTimeZone, LOCAL_TIME, zonedHuman, zonedIso } from './time-zones';
import fc from 'fast-check';

describe('time zones', () => {
  const at = new Date('2027-03-01T16:59:59.500Z');

  it('gives local wall-clock time with the offset', () => {
    expect(zonedIso(at, 'Asia/Jakarta')).toBe('2027-03-01T23:59:59+07:00');
    expect(zonedIso(at, 'Asia/Seoul')).toBe('2027-03-02T01:59:59+09:00');
    expect(zonedIso(at, 'UTC')).toBe('2027-03-01T16:59:59+00:00');
    expect(zonedIso(at, 'Asia/Kolkata')).toBe('2027-03-01T22:29:59+05:30');
    expect(zonedIso(at, 'America/St_Johns')).toBe('2027-03-01T13:29:59-03:30');
  });

  it('denotes the same instant as the UTC input', () => {
    for (const tz of ['Asia/Manila', 'Asia/Yangon', 'Pacific/Chatham', 'America/New_York']) {
      const back = new Date(zonedIso(at, tz));
      expect(back.getTime()).toBe(Math.floor(at.getTime() / 1000) * 1000);
    }
  });

  it('answers each instant and zone of its own when asked again (they are remembered)', () => {
    const later = new Date(at.getTime() + 1000);
    for (let i = 0; i < 2; i += 1) {
      expect(zonedIso(at, 'Asia/Jakarta')).toBe('2027-03-01T23:59:59+07:00');
      expect(zonedIso(later, 'Asia/Jakarta')).toBe('2027-03-02T00:00:00+07:00');
      expect(zonedIso(later, 'Asia/Seoul')).toBe('2027-03-02T02:00:00+09:00');
    }
  });

  it('handles midnight without printing hour 24', () => {
    expect(zonedIso(new Date('2027-01-01T15:00:00Z'), 'Asia/Seoul')).toBe(
      '2027-01-02T00:00:00+09:00',
    );
  });

  it('formats for people', () => {
    expect(zonedHuman(at, 'Asia/Bangkok')).toBe('2027-03-01 23:59 (Asia/Bangkok, UTC+07:00)');
  });

  it('knows real zones only', () => {
    expect(isTimeZone('Asia/Ho_Chi_Minh')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

/** What zonedIso printed before offsets were kept per hour: Intl's formatToParts every time. */
const references = new Map<string, Intl.DateTimeFormat>();
function intlIso(at: Date, timeZone: string): string {
  const format =
    references.get(timeZone) ?? new Intl.DateTimeFormat('en-US', { timeZone, ...LOCAL_TIME });
  references.set(timeZone, format);
  const parts = format.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const [y, mo, d, h, mi, s] = ['year', 'month', 'day', 'hour', 'minute', 'second'].map(get);
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const minutes = Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
  const abs = Math.abs(minutes);
  const offset = `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`;
}

describe('time zones, offsets kept per hour', () => {
  // Every zone a profile or programme may name: isTimeZone admits the runtime's zones and aliases.
  const ZONES = [
    ...Intl.supportedValuesOf('timeZone'),
    ...['UTC', 'Etc/GMT+5', 'Etc/GMT-14', 'US/Eastern', 'Asia/Calcutta', 'Asia/Saigon', 'GMT'],
  ];
  const zone = fc.constantFrom(...ZONES);

  it('prints what Intl prints, at any instant in any zone', () => {
    const instant = fc.oneof(
      fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2150, 0, 1) }),
      fc.integer({ min: -8.64e15, max: 8.64e15 }),
    );
    fc.assert(
      fc.property(zone, instant, (tz, t) => {
        expect(zonedIso(new Date(t), tz)).toBe(intlIso(new Date(t), tz));
      }),
      { numRuns: 5_000 },
    );
  });

  it('prints what Intl prints around every transition of every zone in 2026', () => {
    const offsetAt = (t: number, tz: string) => intlIso(new Date(t), tz).slice(19);
    const WEEK = 7 * 86_400_000;
    let transitions = 0;
    for (const tz of ZONES) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += WEEK) {
        if (offsetAt(t, tz) === offsetAt(t + WEEK, tz)) continue;
        // The last second of the old offset, the first of the new, each minute of the hours around.
        let [lo, hi] = [t, t + WEEK];
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
          if (offsetAt(mid, tz) === offsetAt(lo, tz)) lo = mid;
          else hi = mid;
        }
        transitions++;
        for (const at of [hi - 1000, hi]) {
          expect(zonedIso(new Date(at), tz)).toBe(intlIso(new Date(at), tz));
        }
        for (let at = hi - 3_600_000; at < hi + 3_600_000; at += 60_000) {
          expect(zonedIso(new Date(at + 59_999), tz)).toBe(intlIso(new Date(at + 59_999), tz));
        }
      }
    }
    expect(transitions).toBeGreaterThan(100);
  });
});
