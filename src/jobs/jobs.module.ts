import { Global, Module } from '@nestjs/common';
import { JobHandlers } from './job-handlers';
import { MaintenanceTasks } from './maintenance';
import { QueueService } from './queue.service';
import { ReminderSweeps } from './reminder-sweep';

@Global()
@Module({
  providers: [QueueService, JobHandlers, MaintenanceTasks, ReminderSweeps],
  exports: [QueueService, JobHandlers, MaintenanceTasks, ReminderSweeps],
})
export class JobsModule {}
