import { reminderJobId, reminderPlan } from './reminders';

describe('reminderPlan', () => {
  const now = new Date('2027-03-01T00:00:00Z');

  it('plans 72 h and 24 h before a distant close', () => {
    const plan = reminderPlan(new Date('2027-03-11T00:00:00Z'), now);
    expect(plan.map((r) => [r.hoursBefore, r.at.toISOString()])).toEqual([
      [72, '2027-03-08T00:00:00.000Z'],
      [24, '2027-03-10T00:00:00.000Z'],
    ]);
    expect(plan[1].delayMs).toBe(9 * 86400_000);
  });

  it('skips reminders whose moment has already passed', () => {
    expect(reminderPlan(new Date('2027-03-02T12:00:00Z'), now).map((r) => r.hoursBefore)).toEqual([
      24,
    ]);
    expect(reminderPlan(new Date('2027-03-01T23:00:00Z'), now)).toEqual([]);
    expect(reminderPlan(new Date('2027-02-01T00:00:00Z'), now)).toEqual([]);
  });

  it('gives each deadline its own job ids, free of colons', () => {
    const a = reminderJobId('c1', 24, new Date('2027-03-10T00:00:00Z'));
    const b = reminderJobId('c1', 24, new Date('2027-03-11T00:00:00Z'));
    expect(a).not.toBe(b);
    expect(a).not.toContain(':');
  });
});
