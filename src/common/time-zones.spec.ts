import { isTimeZone, zonedHuman, zonedIso } from './time-zones';

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
