import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { AssignmentJob } from './assignment-job';
import { JudgeAssigner } from './assigner';
import { JudgingMaintenance } from './judging-maintenance';
import { JudgeReminderSender } from './reminder-sender';
import { JudgingReminderSweep } from './reminder-sweep';

/** What the worker adds for judging: assignment runs, reminders and their housekeeping. */
@Module({
  imports: [NotificationsModule],
  providers: [
    AssignmentJob,
    JudgeAssigner,
    JudgeReminderSender,
    JudgingReminderSweep,
    JudgingMaintenance,
  ],
})
export class JudgingWorkerModule {}
