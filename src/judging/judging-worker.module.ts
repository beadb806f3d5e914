import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { AssignmentJob } from './assignment-job';
import { JudgeAssigner } from './assigner';
import { JudgingMaintenance } from './judging-maintenance';
import { JudgeReminderSender } from './reminder-sender';
import { JudgingReminderHandler } from './reminder.handler';

/** What the worker adds for judging: assignment runs, reminders and their housekeeping. */
@Module({
  imports: [NotificationsModule],
  providers: [
    AssignmentJob,
    JudgeAssigner,
    JudgeReminderSender,
    JudgingReminderHandler,
    JudgingMaintenance,
  ],
})
export class JudgingWorkerModule {}
