import { Global, Module } from '@nestjs/common';
import { JobHandlers } from './job-handlers';
import { QueueService } from './queue.service';

@Global()
@Module({ providers: [QueueService, JobHandlers], exports: [QueueService, JobHandlers] })
export class JobsModule {}
