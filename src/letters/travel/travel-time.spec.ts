import { CAPITALS, distanceKm, MAX_HOURS, travelTimeMs } from './travel-time';

const hours = (ms: number) => ms / 3600_000;

describe('travel time of a letter', () => {
  it('measures the great-circle distance between capitals', () => {
    expect(Math.round(distanceKm('KR', 'ID'))).toBeGreaterThan(5200);
    expect(Math.round(distanceKm('KR', 'ID'))).toBeLessThan(5350);
    expect(Math.round(distanceKm('SG', 'MY'))).toBeGreaterThan(300);
    expect(Math.round(distanceKm('SG', 'MY'))).toBeLessThan(320);
    expect(distanceKm('TH', 'TH')).toBe(0);
  });

  it('takes 1 h plus 1 h per 1,000 km, in whole minutes, the same both ways', () => {
    expect(hours(travelTimeMs('TH', 'TH'))).toBe(1);
    expect(hours(travelTimeMs('SG', 'MY'))).toBeCloseTo(1.3, 1);
    expect(hours(travelTimeMs('KR', 'ID'))).toBeCloseTo(6.3, 1);
    for (const a of Object.keys(CAPITALS))
      for (const b of Object.keys(CAPITALS)) {
        const t = travelTimeMs(a, b);
        expect(t).toBe(travelTimeMs(b, a));
        expect(t % 60_000).toBe(0);
        expect(hours(t)).toBeGreaterThanOrEqual(1);
        expect(hours(t)).toBeLessThanOrEqual(MAX_HOURS);
      }
  });

  it('refuses a country it does not know', () => {
    expect(() => travelTimeMs('KR', 'FR')).toThrow(/Unknown country FR/);
  });
});
