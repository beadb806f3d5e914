import { Global, Module } from '@nestjs/common';
import { JobHandlers } from './job-handlers';
import { MaintenanceTasks } from './maintenance';
import { QueueService } from './queue.service';
import { ReminderScheduler } from './reminder-scheduler';

@Global()
@Module({
  providers: [QueueService, JobHandlers, MaintenanceTasks, ReminderScheduler],
  exports: [QueueService, JobHandlers, MaintenanceTasks, ReminderScheduler],
})
export class JobsModule {}
