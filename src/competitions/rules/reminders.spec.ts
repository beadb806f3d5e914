import { reminderPlan as planFor } from '../../jobs/reminder-plan';
import {
  ENTRY_REMINDERS,
  extensionReminderJobId,
  REMINDER_HOURS,
  reminderJobId,
} from './reminders';

const reminderPlan = (closesAt: Date, now: Date) => planFor(REMINDER_HOURS, closesAt, now);

describe('entry reminders', () => {
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

  it('plans a team’s extension apart from the competition’s close', () => {
    const at = new Date('2027-03-10T00:00:00Z');
    expect(ENTRY_REMINDERS.jobId({ competitionId: 'c1' }, 24, at)).toBe(
      reminderJobId('c1', 24, at),
    );
    expect(ENTRY_REMINDERS.jobId({ competitionId: 'c1', submissionId: 's1' }, 24, at)).toBe(
      extensionReminderJobId('s1', 24, at),
    );
  });
});
