import { Injectable } from '@nestjs/common';
import { JobHandlers } from './job-handlers';
import { JobName } from './job-registry';
import { PeriodicJob, TaskList } from './periodic-tasks';
import { QueueService } from './queue.service';
import { Transactions } from '../database/transactions';
import { unfinishedRuns, type RunTable } from './queued-runs.store';

type RunJob = JobName.RunPenpalMatching | JobName.RunJudgeAssignment | JobName.RunMentoringMatching;

/** How often the maintenance job runs (and once when a worker starts). */
export const MAINTENANCE_EVERY_MS = 3600_000;

/**
 * Housekeeping that must not depend on one moment going well: feature modules register tasks
 * (queue again the runs a failed Redis call left without a job, sweep expired keys), and one
 * scheduled job runs them all every hour.
 */
@Injectable()
export class MaintenanceTasks extends TaskList {
  constructor(
    private readonly tx: Transactions,
    private readonly queues: QueueService,
  ) {
    super('Maintenance');
  }

  /**
   * Registers the repair of a kind of run whose job is added after its row commits (the row id is
   * the job id): every row of `table` still queued gets its job again, and so does a row left
   * running by a job that no longer lives (a worker killed twice during it: BullMQ fails a job
   * that stalls twice, and the row would stay running, blocking its round, for good).
   */
  registerRequeue(name: string, table: RunTable, job: RunJob): void {
    this.register(name, async () => {
      const runs = await unfinishedRuns(this.tx.manager, table);
      const queued = runs.filter((r) => r.status === 'queued').map((r) => r.id);
      const running = runs.filter((r) => r.status === 'running').map((r) => r.id);
      const lost = await this.queues.withoutLiveJob(job, running);
      await this.requeue(job, [...queued, ...lost]);
      return { queued: queued.length, lost: lost.length };
    });
  }

  /**
   * Gives each run its job again. A finished job of the same id is removed first: BullMQ keeps it
   * for days (removeOnComplete/removeOnFail) and would ignore an add under its id. A job still
   * waiting or running is kept (BullMQ does not remove a job a worker holds), and its add changes
   * nothing.
   */
  async requeue(job: RunJob, runIds: string[]): Promise<void> {
    await this.queues.discard(job, runIds);
    await this.queues.addBulk(
      job,
      runIds.map((id) => ({ payload: { runId: id }, jobId: id })),
    );
  }
}

/** In the worker: runs the maintenance tasks every hour. */
@Injectable()
export class MaintenanceJob extends PeriodicJob {
  constructor(handlers: JobHandlers, tasks: MaintenanceTasks, queues: QueueService) {
    super(handlers, tasks, queues, JobName.Maintenance, 'maintenance', MAINTENANCE_EVERY_MS);
  }
}
