import fc from 'fast-check';
import { ageOn, isCalendarDate, isMinorOn } from './age';

describe('ageOn', () => {
  const at = new Date('2026-11-28T12:00:00Z');
  it('counts a birthday reached today', () => {
    expect(ageOn('2008-11-28', at)).toBe(18);
    expect(isMinorOn('2008-11-28', at)).toBe(false);
  });
  it('does not count a birthday tomorrow', () => {
    expect(ageOn('2008-11-29', at)).toBe(17);
    expect(isMinorOn('2008-11-29', at)).toBe(true);
  });
  it('handles a leap-day birth', () => {
    expect(ageOn('2008-02-29', new Date('2026-02-28T00:00:00Z'))).toBe(17);
    expect(ageOn('2008-02-29', new Date('2026-03-01T00:00:00Z'))).toBe(18);
  });
  it('takes a calendar date as well as an instant, and both agree on every day', () => {
    expect(ageOn('2010-06-15', '2027-06-14')).toBe(16);
    expect(ageOn('2010-06-15', '2027-06-15')).toBe(17);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2060-12-31'), noInvalidDate: true }),
        (birth, at) => {
          const dob = birth.toISOString().slice(0, 10);
          expect(ageOn(dob, at.toISOString().slice(0, 10))).toBe(ageOn(dob, at));
        },
      ),
    );
  });
});

describe('isCalendarDate', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2010-01-31')).toBe(true);
    expect(isCalendarDate('2023-02-30')).toBe(false);
    expect(isCalendarDate('2010-1-3')).toBe(false);
    expect(isCalendarDate('yesterday')).toBe(false);
  });
});
