import { Injectable, Logger } from '@nestjs/common';
import { JobName, JOBS } from '../jobs/job-registry';
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
    try {
      if (previous && previous.getTime() !== closesAt.getTime()) {
        const queue = this.queues.queue(JOBS[JobName.DeadlineReminder].queue);
        await Promise.all(
          REMINDER_HOURS.map((h) => queue.remove(reminderJobId(competitionId, h, previous))),
        );
      }
      for (const r of reminderPlan(closesAt, new Date())) {
        await this.queues.add(
          JobName.DeadlineReminder,
          { competitionId, hoursBefore: r.hoursBefore, closesAt: closesAt.toISOString() },
          { jobId: reminderJobId(competitionId, r.hoursBefore, closesAt), delay: r.delayMs },
        );
      }
    } catch (err) {
      this.logger.error(
        `Could not schedule reminders for competition ${competitionId}: ${(err as Error).message}`,
      );
    }
  }

  /** The same for one team's extension: reminders before their own, later deadline. */
  async rescheduleExtension(
    competitionId: string,
    submissionId: string,
    previous: Date | null,
    until: Date,
  ): Promise<void> {
    try {
      if (previous && previous.getTime() !== until.getTime()) {
        const queue = this.queues.queue(JOBS[JobName.DeadlineReminder].queue);
        await Promise.all(
          REMINDER_HOURS.map((h) =>
            queue.remove(extensionReminderJobId(submissionId, h, previous)),
          ),
        );
      }
      for (const r of reminderPlan(until, new Date())) {
        await this.queues.add(
          JobName.DeadlineReminder,
          {
            competitionId,
            submissionId,
            hoursBefore: r.hoursBefore,
            closesAt: until.toISOString(),
          },
          { jobId: extensionReminderJobId(submissionId, r.hoursBefore, until), delay: r.delayMs },
        );
      }
    } catch (err) {
      this.logger.error(
        `Could not schedule reminders for the extension of ${submissionId}: ${(err as Error).message}`,
      );
    }
  }
}
