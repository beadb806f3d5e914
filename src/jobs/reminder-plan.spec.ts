import fc from 'fast-check';
import { dueReminder, REMINDER_GRACE_MS, REMINDER_SWEEP_EVERY_MS } from './reminder-plan';

const H = 3600_000;
const deadline = new Date('2027-03-11T00:00:00Z');
const before = (ms: number) => new Date(deadline.getTime() - ms);

describe('dueReminder', () => {
  it('gives the reminder whose moment has come, within its grace', () => {
    const hours = [72, 24];
    expect(dueReminder(hours, deadline, before(73 * H))).toBeNull();
    expect(dueReminder(hours, deadline, before(72 * H))).toBe(72);
    expect(dueReminder(hours, deadline, before(71 * H + 1))).toBe(72);
    expect(dueReminder(hours, deadline, before(71 * H))).toBeNull();
    expect(dueReminder(hours, deadline, before(24 * H))).toBe(24);
    expect(dueReminder(hours, deadline, before(23.5 * H))).toBe(24);
    expect(dueReminder(hours, deadline, before(2 * H))).toBeNull();
    expect(dueReminder(hours, deadline, deadline)).toBeNull();
  });

  it('never sends an earlier reminder once a later one’s moment has come', () => {
    // Hours closer than the grace: at 11 h 50 min before, the 12 h reminder supersedes the 12 h 10 min one.
    expect(dueReminder([12 + 1 / 6, 12], deadline, before(11.9 * H))).toBe(12);
  });

  it('stops at the deadline even inside the grace', () => {
    expect(dueReminder([0.5], deadline, before(0.25 * H))).toBe(0.5);
    expect(dueReminder([0.5], deadline, new Date(deadline.getTime() + 1))).toBeNull();
  });

  /** A brute-force reference: each reminder's own window, and the latest moment reached wins. */
  const reference = (hours: number[], end: number, t: number): number | null => {
    if (t >= end) return null;
    const reached = hours.filter((h) => end - h * H <= t);
    if (reached.length === 0) return null;
    const latest = Math.min(...reached);
    return t - (end - latest * H) < REMINDER_GRACE_MS ? latest : null;
  };

  const hoursArb = fc.uniqueArray(fc.integer({ min: 1, max: 96 }), { minLength: 1, maxLength: 4 });

  it('agrees with the reference', () => {
    fc.assert(
      fc.property(hoursArb, fc.integer({ min: -100 * H, max: 2 * H }), (hours, offset) => {
        const now = new Date(deadline.getTime() + offset);
        expect(dueReminder(hours, deadline, now)).toBe(
          reference(hours, deadline.getTime(), now.getTime()),
        );
      }),
    );
  });

  it('sweeping every period sends each reminder ahead once, in order, at most a period late', () => {
    fc.assert(
      fc.property(
        hoursArb,
        fc.integer({ min: 0, max: REMINDER_SWEEP_EVERY_MS - 1 }),
        (hours, phase) => {
          // The deadline is set well ahead, so every reminder's moment is still to come.
          const end = deadline.getTime();
          const ledger = new Map<number, number>();
          for (let t = end - 100 * H + phase; t < end + H; t += REMINDER_SWEEP_EVERY_MS) {
            const due = dueReminder(hours, deadline, new Date(t));
            if (due !== null && !ledger.has(due)) ledger.set(due, t);
          }
          expect([...ledger.keys()]).toEqual([...hours].sort((a, b) => b - a));
          for (const [h, sentAt] of ledger) {
            expect(sentAt - (end - h * H)).toBeGreaterThanOrEqual(0);
            expect(sentAt - (end - h * H)).toBeLessThan(REMINDER_SWEEP_EVERY_MS);
          }
        },
      ),
    );
  });
});
