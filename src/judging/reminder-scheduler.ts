import { Injectable, Logger } from '@nestjs/common';
import { JobName } from '../jobs/job-registry';
import { QueueService } from '../jobs/queue.service';
import { JUDGE_REMINDER_HOURS, judgeReminderJobId, judgeReminderPlan } from './reminders';

/**
 * Keeps a round's delayed reminder jobs in step with its close. Called after the change commits;
 * should Redis fail here, the handler compares each job's close with the stored one, so a stale
 * job reminds nobody.
 */
@Injectable()
export class JudgingReminderScheduler {
  private readonly logger = new Logger(JudgingReminderScheduler.name);

  constructor(private readonly queues: QueueService) {}

  async reschedule(roundId: string, previous: Date | null, closesAt: Date): Promise<void> {
    try {
      const moved = previous !== null && previous.getTime() !== closesAt.getTime();
      await this.queues.replan(
        JobName.JudgingReminder,
        moved ? JUDGE_REMINDER_HOURS.map((h) => judgeReminderJobId(roundId, h, previous)) : [],
        judgeReminderPlan(closesAt, new Date()).map((r) => ({
          payload: { roundId, hoursBefore: r.hoursBefore, closesAt: closesAt.toISOString() },
          jobId: judgeReminderJobId(roundId, r.hoursBefore, closesAt),
          delay: r.delayMs,
        })),
      );
    } catch (err) {
      this.logger.error(
        `Could not schedule reminders for judging round ${roundId}: ${(err as Error).message}`,
      );
    }
  }
}
