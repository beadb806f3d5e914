import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { JobHandlers } from './job-handlers';
import { JobName } from './job-registry';
import { QueueService } from './queue.service';
import { Transactions } from '../database/transactions';
import { queuedRunIds, type RunTable } from './queued-runs.store';

/** How often the maintenance job runs (and once when a worker starts). */
export const MAINTENANCE_EVERY_MS = 3600_000;
const RESCHEDULE_AFTER_MS = 5000;

type Task = () => Promise<Record<string, number>>;

/**
 * Housekeeping that must not depend on one moment going well: feature modules register tasks
 * (re-plan reminders a failed Redis call may have lost, sweep expired keys), and one scheduled
 * job runs them all every hour. Each task is idempotent; one failing does not stop the others.
 */
@Injectable()
export class MaintenanceTasks {
  private readonly logger = new Logger(MaintenanceTasks.name);
  private readonly tasks = new Map<string, Task>();

  constructor(
    private readonly tx: Transactions,
    private readonly queues: QueueService,
  ) {}

  register(name: string, task: Task): void {
    if (this.tasks.has(name)) throw new Error(`Maintenance task "${name}" is registered twice`);
    this.tasks.set(name, task);
  }

  /**
   * Registers the repair of a kind of run whose job is added after its row commits: every row of
   * `table` still queued gets its job again (the row id is the job id, so a job that exists stays).
   */
  registerRequeue(
    name: string,
    table: RunTable,
    job: JobName.RunPenpalMatching | JobName.RunJudgeAssignment | JobName.RunMentoringMatching,
  ): void {
    this.register(name, async () => {
      const ids = await queuedRunIds(this.tx.manager, table);
      await this.queues.addBulk(
        job,
        ids.map((id) => ({ payload: { runId: id }, jobId: id })),
      );
      return { queued: ids.length };
    });
  }

  async runAll(): Promise<Record<string, Record<string, number> | { error: string }>> {
    const out: Record<string, Record<string, number> | { error: string }> = {};
    for (const [name, task] of this.tasks) {
      try {
        out[name] = await task();
      } catch (err) {
        const message = (err as Error).message;
        this.logger.error(`Maintenance task ${name} failed: ${message}`);
        out[name] = { error: message };
      }
    }
    this.logger.log(`Maintenance done: ${JSON.stringify(out)}`);
    return out;
  }
}

/** In the worker: the handler, and the job scheduler that runs it (one for all workers). */
@Injectable()
export class MaintenanceJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MaintenanceJob.name);
  private retry?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    handlers: JobHandlers,
    private readonly tasks: MaintenanceTasks,
    private readonly queues: QueueService,
  ) {
    handlers.register(JobName.Maintenance, () => this.tasks.runAll());
  }

  /** Tries again every few seconds while Redis is away: the repairs depend on this schedule. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.queues.scheduleEvery(JobName.Maintenance, 'maintenance', MAINTENANCE_EVERY_MS);
    } catch (err) {
      this.logger.error(`Could not schedule maintenance, trying again: ${(err as Error).message}`);
      if (!this.stopped)
        this.retry = setTimeout(() => void this.onApplicationBootstrap(), RESCHEDULE_AFTER_MS);
    }
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.retry);
  }
}
