import { dueReminder } from '../jobs/reminder-plan';
import { JUDGE_REMINDER_HOURS } from './reminders';

const H = 3600_000;
const closesAt = new Date('2027-04-30T12:00:00Z');
const due = (hoursLeft: number) =>
  dueReminder(JUDGE_REMINDER_HOURS, closesAt, new Date(closesAt.getTime() - hoursLeft * H));

describe('judge reminders', () => {
  it('are due 48 h and 12 h before the close, each for an hour', () => {
    expect([240, 48, 47.5, 47, 12, 11.5, 11, 0].map(due)).toEqual([
      null,
      48,
      48,
      null,
      12,
      12,
      null,
      null,
    ]);
  });
});
