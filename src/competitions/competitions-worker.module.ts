import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { DeadlineReminderHandler } from './deadline-reminder.handler';

/** What the worker adds for competitions: the deadline reminder handler. */
@Module({ imports: [NotificationsModule], providers: [DeadlineReminderHandler] })
export class CompetitionsWorkerModule {}
