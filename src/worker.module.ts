import { Module } from '@nestjs/common';
import { coreModules, FEATURE_MODULES } from './app.module';
import { CompetitionsWorkerModule } from './competitions/competitions-worker.module';
import { MaintenanceJob } from './jobs/maintenance';
import { ReminderSweepJob } from './jobs/reminder-sweep';
import { WorkerHost } from './jobs/worker-host';
import { JudgingWorkerModule } from './judging/judging-worker.module';
import { LettersWorkerModule } from './letters/letters-worker.module';
import { MentoringWorkerModule } from './mentoring/mentoring-worker.module';
import { NotificationsWorkerModule } from './notifications/notifications-worker.module';
import { PenpalWorkerModule } from './penpal/penpal-worker.module';

/** The queue-processing process: the same feature modules, plus handlers, relay and BullMQ workers. */
@Module({
  imports: [
    ...coreModules('worker'),
    ...FEATURE_MODULES,
    NotificationsWorkerModule,
    PenpalWorkerModule,
    CompetitionsWorkerModule,
    JudgingWorkerModule,
    LettersWorkerModule,
    MentoringWorkerModule,
  ],
  providers: [WorkerHost, MaintenanceJob, ReminderSweepJob],
})
export class WorkerModule {}
