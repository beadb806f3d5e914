import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { AssignmentJob } from './assignment-job';
import { JudgeAssigner } from './assigner';
import { JudgeReminderSender } from './reminder-sender';
import { JudgingReminderHandler } from './reminder.handler';

/** What the worker adds for judging: assignment runs and reminders. */
@Module({
  imports: [NotificationsModule],
  providers: [AssignmentJob, JudgeAssigner, JudgeReminderSender, JudgingReminderHandler],
})
export class JudgingWorkerModule {}
