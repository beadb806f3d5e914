import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { JobHandlers } from './job-handlers';
import type { PeriodicJobName } from './job-registry';
import { QueueService } from './queue.service';

const RESCHEDULE_AFTER_MS = 5000;

type Task = () => Promise<Record<string, number>>;

/**
 * Named tasks that feature modules register and one scheduled job runs one after another. Each
 * task is idempotent (the next run repeats it); one failing does not stop the others.
 */
export class TaskList {
  protected readonly logger: Logger;
  private readonly tasks = new Map<string, Task>();

  constructor(private readonly kind: string) {
    this.logger = new Logger(kind);
  }

  register(name: string, task: Task): void {
    if (this.tasks.has(name)) throw new Error(`${this.kind} task "${name}" is registered twice`);
    this.tasks.set(name, task);
  }

  async runAll(): Promise<Record<string, Record<string, number> | { error: string }>> {
    const out: Record<string, Record<string, number> | { error: string }> = {};
    for (const [name, task] of this.tasks) {
      try {
        out[name] = await task();
      } catch (err) {
        const message = (err as Error).message;
        this.logger.error(`Task ${name} failed: ${message}`);
        out[name] = { error: message };
      }
    }
    this.logger.log(`Done: ${JSON.stringify(out)}`);
    return out;
  }
}

/**
 * In the worker: the handler of a task list's job, and the job scheduler that runs it every
 * `everyMs` (one for all workers, and once when a worker starts). Tries again every few seconds
 * while Redis is away: the work depends on this schedule.
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private retry?: NodeJS.Timeout;
  private stopped = false;

  protected constructor(
    handlers: JobHandlers,
    tasks: TaskList,
    private readonly queues: QueueService,
    private readonly job: PeriodicJobName,
    private readonly key: string,
    private readonly everyMs: number,
  ) {
    handlers.register(job, () => tasks.runAll());
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.queues.scheduleEvery(this.job, this.key, this.everyMs);
    } catch (err) {
      this.logger.error(`Could not schedule ${this.key}, trying again: ${(err as Error).message}`);
      if (!this.stopped)
        this.retry = setTimeout(() => void this.onApplicationBootstrap(), RESCHEDULE_AFTER_MS);
    }
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.retry);
  }
}
