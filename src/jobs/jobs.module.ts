import { Global, Module } from '@nestjs/common';
import { JobHandlers } from './job-handlers';
import { MaintenanceTasks } from './maintenance';
import { QueueService } from './queue.service';

@Global()
@Module({
  providers: [QueueService, JobHandlers, MaintenanceTasks],
  exports: [QueueService, JobHandlers, MaintenanceTasks],
})
export class JobsModule {}
