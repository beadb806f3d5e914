import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { JobName, JobPayloads } from './job-registry';
import { QueueService } from './queue.service';
import { reminderPlan, type ReminderKind, type ReminderTarget } from './reminder-plan';

/**
 * Keeps the delayed reminder jobs of a deadline in step with it, for every kind (entries' closes
 * and extensions, judging rounds). Called after the change commits; should Redis fail here, each
 * handler compares its job's deadline with the stored one (a stale job reminds nobody) and the
 * hourly maintenance plans the missing jobs again.
 */
@Injectable()
export class ReminderScheduler {
  private readonly logger = new Logger(ReminderScheduler.name);

  constructor(
    private readonly queues: QueueService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async replan<J extends JobName.DeadlineReminder | JobName.JudgingReminder>(
    kind: ReminderKind<J>,
    target: ReminderTarget<J>,
    previous: Date | null,
    deadline: Date,
  ): Promise<void> {
    try {
      const moved = previous !== null && previous.getTime() !== deadline.getTime();
      await this.queues.replan(
        kind.job,
        moved ? kind.hours.map((h) => kind.jobId(target, h, previous)) : [],
        reminderPlan(kind.hours, deadline, this.clock.now()).map((r) => ({
          payload: {
            ...target,
            hoursBefore: r.hoursBefore,
            closesAt: deadline.toISOString(),
          } as JobPayloads[J],
          jobId: kind.jobId(target, r.hoursBefore, deadline),
          delay: r.delayMs,
        })),
      );
    } catch (err) {
      this.logger.error(
        `Could not schedule reminders for ${JSON.stringify(target)}: ${(err as Error).message}`,
      );
    }
  }
}
