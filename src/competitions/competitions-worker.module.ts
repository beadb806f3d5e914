import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { CompetitionsMaintenance } from './competitions-maintenance';
import { DeadlineReminderHandler } from './deadline-reminder.handler';
import { assetStorageProvider } from './storage/local-disk-storage';

/** What the worker adds for competitions: the deadline reminder handler and housekeeping
 * (which removes the bytes of unfinished uploads from the same storage). */
@Module({
  imports: [NotificationsModule],
  providers: [DeadlineReminderHandler, CompetitionsMaintenance, assetStorageProvider],
})
export class CompetitionsWorkerModule {}
