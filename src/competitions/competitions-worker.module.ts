import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { CompetitionsMaintenance } from './competitions-maintenance';
import { DeadlineReminderHandler } from './deadline-reminder.handler';
import { ReminderScheduler } from './reminder-scheduler';

/** What the worker adds for competitions: the deadline reminder handler and housekeeping. */
@Module({
  imports: [NotificationsModule],
  providers: [DeadlineReminderHandler, ReminderScheduler, CompetitionsMaintenance],
})
export class CompetitionsWorkerModule {}
