import { Injectable, Logger } from '@nestjs/common';
import { JobName } from '../jobs/job-registry';
import { QueueService } from '../jobs/queue.service';
import {
  extensionReminderJobId,
  reminderJobId,
  reminderPlan,
  REMINDER_HOURS,
} from './rules/reminders';

/**
 * Keeps the delayed reminder jobs in step with a competition's close. Called after the change
 * commits; should Redis fail here, the reminder handler still compares each job's deadline with
 * the stored one, so a stale job never reminds anyone.
 */
@Injectable()
export class ReminderScheduler {
  private readonly logger = new Logger(ReminderScheduler.name);

  constructor(private readonly queues: QueueService) {}

  async reschedule(competitionId: string, previous: Date | null, closesAt: Date): Promise<void> {
    await this.replan(
      `competition ${competitionId}`,
      previous,
      closesAt,
      (hours, at) => reminderJobId(competitionId, hours, at),
      { competitionId },
    );
  }

  /** The same for one team's extension: reminders before their own, later deadline. */
  async rescheduleExtension(
    competitionId: string,
    submissionId: string,
    previous: Date | null,
    until: Date,
  ): Promise<void> {
    await this.replan(
      `the extension of ${submissionId}`,
      previous,
      until,
      (hours, at) => extensionReminderJobId(submissionId, hours, at),
      { competitionId, submissionId },
    );
  }

  private async replan(
    what: string,
    previous: Date | null,
    deadline: Date,
    jobId: (hours: number, deadline: Date) => string,
    target: { competitionId: string; submissionId?: string },
  ): Promise<void> {
    try {
      const moved = previous !== null && previous.getTime() !== deadline.getTime();
      await this.queues.replan(
        JobName.DeadlineReminder,
        moved ? REMINDER_HOURS.map((h) => jobId(h, previous)) : [],
        reminderPlan(deadline, new Date()).map((r) => ({
          payload: { ...target, hoursBefore: r.hoursBefore, closesAt: deadline.toISOString() },
          jobId: jobId(r.hoursBefore, deadline),
          delay: r.delayMs,
        })),
      );
    } catch (err) {
      this.logger.error(`Could not schedule reminders for ${what}: ${(err as Error).message}`);
    }
  }
}
