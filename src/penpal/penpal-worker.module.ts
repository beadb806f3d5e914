import { Module } from '@nestjs/common';
import { MatchingJob } from './matching-job';
import { PenpalMaintenance } from './penpal-maintenance';

/** What the worker adds: the matching run itself, and the repair of a run left without its job. */
@Module({ providers: [MatchingJob, PenpalMaintenance] })
export class PenpalWorkerModule {}
