import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobHandlers } from './job-handlers';
import { JobName, JOBS } from './job-registry';
import { QueueService } from './queue.service';

/** How often the maintenance job runs (and once when a worker starts). */
export const MAINTENANCE_EVERY_MS = 3600_000;

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

  register(name: string, task: Task): void {
    if (this.tasks.has(name)) throw new Error(`Maintenance task "${name}" is registered twice`);
    this.tasks.set(name, task);
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
export class MaintenanceJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(MaintenanceJob.name);

  constructor(
    handlers: JobHandlers,
    private readonly tasks: MaintenanceTasks,
    private readonly queues: QueueService,
  ) {
    handlers.register(JobName.Maintenance, () => this.tasks.runAll());
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.queues.queue(JOBS[JobName.Maintenance].queue).upsertJobScheduler(
        'maintenance',
        { every: MAINTENANCE_EVERY_MS }, // the first run is at once
        {
          name: JobName.Maintenance,
          data: {},
          opts: { removeOnComplete: 100, removeOnFail: 100 },
        },
      );
    } catch (err) {
      this.logger.error(`Could not schedule maintenance: ${(err as Error).message}`);
    }
  }
}
