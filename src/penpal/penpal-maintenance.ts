import { Injectable } from '@nestjs/common';
import { JobName } from '../jobs/job-registry';
import { MaintenanceTasks } from '../jobs/maintenance';

/** Queues again a matching run whose job could not be added after its row committed. */
@Injectable()
export class PenpalMaintenance {
  constructor(tasks: MaintenanceTasks) {
    tasks.registerRequeue('queued matching runs', 'matching_runs', JobName.RunPenpalMatching);
  }
}
