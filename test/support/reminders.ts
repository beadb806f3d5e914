import { CLOCK, type Clock } from '../../src/common/clock';
import { QueueService } from '../../src/jobs/queue.service';
import type { Harness } from './harness';
import { waitUntil } from './wait';

/**
 * Stops the worker's scheduled reminder sweep, and waits out a run already under way, so that a
 * test decides when sweeps run and at what time.
 */
export async function unscheduleSweeps(h: Harness): Promise<void> {
  const queue = h.api.get(QueueService).queue('deadlines');
  await queue.removeJobScheduler('reminders');
  await queue.drain();
  await waitUntil('no sweep running', async () => (await queue.getActiveCount()) === 0);
}

/** Runs a sweep as the worker would at the instant `at`: the clock moves there, and back. */
export async function sweepAt<T>(
  h: Harness,
  at: Date | number,
  sweep: () => Promise<T>,
): Promise<T> {
  const now = jest.spyOn(h.worker!.get<Clock>(CLOCK), 'now').mockReturnValue(new Date(at));
  try {
    return await sweep();
  } finally {
    now.mockRestore();
  }
}
