import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { MentoringMatchingJob } from './matching-job';
import { MentoringMaintenance } from './silence-reminders';

/** What the worker adds for mentoring: matching runs, the silence sweep and run repair. */
@Module({
  imports: [NotificationsModule],
  providers: [MentoringMatchingJob, MentoringMaintenance],
})
export class MentoringWorkerModule {}
