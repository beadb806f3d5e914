import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { JobName, JobPayloads, JOBS, QueueName } from './job-registry';
import { bullConnection } from './bull-connection';

/** Producer side: both processes enqueue through here, with the retry policy of the registry. */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly config: AppConfig) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: bullConnection(this.config),
        prefix: this.config.QUEUE_PREFIX,
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** A fixed jobId makes a second add of the same work a no-op. */
  async add<K extends JobName>(
    name: K,
    payload: JobPayloads[K],
    opts: { jobId: string; delay?: number },
  ): Promise<void> {
    await this.queue(JOBS[name].queue).add(name, payload, this.options(name, opts));
  }

  async addBulk<K extends JobName>(
    name: K,
    jobs: { payload: JobPayloads[K]; jobId: string }[],
  ): Promise<void> {
    if (jobs.length === 0) return;
    await this.queue(JOBS[name].queue).addBulk(
      jobs.map((j) => ({ name, data: j.payload, opts: this.options(name, { jobId: j.jobId }) })),
    );
  }

  /**
   * Moves the delayed jobs planned for a deadline that changed: the `stale` ones (named by the
   * old deadline) are removed, then `next` is added; a job that exists already is kept.
   */
  async replan<K extends JobName>(
    name: K,
    stale: string[],
    next: { payload: JobPayloads[K]; jobId: string; delay: number }[],
  ): Promise<void> {
    const queue = this.queue(JOBS[name].queue);
    await Promise.all(stale.map((jobId) => queue.remove(jobId)));
    for (const job of next)
      await this.add(name, job.payload, { jobId: job.jobId, delay: job.delay });
  }

  private options(name: JobName, opts: { jobId: string; delay?: number }): JobsOptions {
    const def = JOBS[name];
    return {
      jobId: opts.jobId,
      delay: opts.delay,
      attempts: def.attempts,
      backoff: {
        type: 'exponential',
        delay: Math.round(def.backoffMs * this.config.JOB_BACKOFF_SCALE),
      },
      removeOnComplete: { age: 24 * 3600, count: 10000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
