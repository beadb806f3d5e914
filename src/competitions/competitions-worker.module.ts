import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { CompetitionsMaintenance } from './competitions-maintenance';
import { EntryReminderSweep } from './entry-reminder-sweep';
import { assetStorageProvider } from './storage/local-disk-storage';

/** What the worker adds for competitions: the entry deadline reminder sweep and housekeeping
 * (which removes the bytes of unfinished uploads from the same storage). */
@Module({
  imports: [NotificationsModule],
  providers: [EntryReminderSweep, CompetitionsMaintenance, assetStorageProvider],
})
export class CompetitionsWorkerModule {}
