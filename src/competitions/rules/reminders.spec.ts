import { dueReminder } from '../../jobs/reminder-plan';
import { REMINDER_HOURS } from './reminders';

const H = 3600_000;
const closesAt = new Date('2027-03-11T00:00:00Z');
const due = (hoursLeft: number) =>
  dueReminder(REMINDER_HOURS, closesAt, new Date(closesAt.getTime() - hoursLeft * H));

describe('entry reminders', () => {
  it('are due 72 h and 24 h before the deadline, each for an hour', () => {
    expect([80, 72, 71.5, 71, 30, 24, 23.1, 23, 1, 0].map(due)).toEqual([
      null,
      72,
      72,
      null,
      null,
      24,
      24,
      null,
      null,
      null,
    ]);
  });

  it('skip a reminder whose moment passed before the deadline was set (or moved)', () => {
    // A close set 30 h ahead: the 72 h reminder is not due, ever; the 24 h one is.
    expect(due(30)).toBeNull();
    expect(due(24)).toBe(24);
  });
});
