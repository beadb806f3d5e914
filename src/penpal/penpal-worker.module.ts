import { Module } from '@nestjs/common';
import { MatchingJob } from './matching-job';

/** What the worker adds: the matching run itself. */
@Module({ providers: [MatchingJob] })
export class PenpalWorkerModule {}
