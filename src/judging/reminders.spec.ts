import { reminderPlan } from '../jobs/reminder-plan';
import { JUDGE_REMINDER_HOURS, judgeReminderJobId } from './reminders';

const judgeReminderPlan = (closesAt: Date, now: Date) =>
  reminderPlan(JUDGE_REMINDER_HOURS, closesAt, now).map(({ hoursBefore, delayMs }) => ({
    hoursBefore,
    delayMs,
  }));

describe('judge reminders', () => {
  const closesAt = new Date('2027-04-30T12:00:00Z');

  it('plans 48 h and 12 h before the close', () => {
    const now = new Date('2027-04-20T12:00:00Z');
    expect(judgeReminderPlan(closesAt, now)).toEqual([
      { hoursBefore: 48, delayMs: 8 * 86400_000 },
      { hoursBefore: 12, delayMs: 9.5 * 86400_000 },
    ]);
  });

  it('drops a reminder whose moment has passed', () => {
    const now = new Date('2027-04-29T12:00:00Z');
    expect(judgeReminderPlan(closesAt, now).map((r) => r.hoursBefore)).toEqual([12]);
    expect(judgeReminderPlan(closesAt, new Date('2027-04-30T11:00:00Z'))).toEqual([]);
  });

  it('names the close in the job id, so a moved close gets new jobs', () => {
    const moved = new Date(closesAt.getTime() + 3600_000);
    expect(judgeReminderJobId('r', 12, closesAt)).not.toBe(judgeReminderJobId('r', 12, moved));
  });
});
