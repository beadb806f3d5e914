import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import Redis from 'ioredis';
import { dependencyUnavailable } from '../common/errors/app-error';
import { failFastRedisOptions, logOutages, within } from '../common/redis/redis-options';
import { AppConfig } from '../config/app-config';
import { JobName, JobPayloads, JOBS, PeriodicJobName, QueueName, QUEUES } from './job-registry';

/**
 * Producer side: both processes enqueue through here, with the retry policy of the registry.
 * Every call fails fast (503 DEPENDENCY_UNAVAILABLE) while Redis is away, and none is ever made
 * inside a database transaction: work is enqueued after its row commits, and the hourly
 * maintenance job enqueues again what a failed call left behind (the row id is the job id).
 */
@Injectable()
export class QueueService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QueueService.name);
  private readonly queues = new Map<QueueName, Queue>();
  private readonly redis: Redis;

  constructor(private readonly config: AppConfig) {
    // One connection for every queue of this process; a producer never blocks on it.
    this.redis = new Redis(config.REDIS_URL, failFastRedisOptions(config));
    logOutages(this.redis, this.logger);
  }

  /**
   * Opens every queue at boot (without waiting): a queue made on its first add had that add, and
   * every add behind it, wait for BullMQ's set-up round trips (INFO, then the queue's meta).
   */
  onApplicationBootstrap(): void {
    for (const name of Object.values(QUEUES)) this.queue(name);
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.redis, prefix: this.config.QUEUE_PREFIX });
      queue.on('error', () => undefined); // the connection's outage is logged once, above
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Throws 503 DEPENDENCY_UNAVAILABLE unless Redis answers now: call before a change that needs a job. */
  async assertAvailable(): Promise<void> {
    await this.call('ping', () => this.redis.ping());
  }

  /** A fixed jobId makes a second add of the same work a no-op. */
  async add<K extends JobName>(
    name: K,
    payload: JobPayloads[K],
    opts: { jobId: string; delay?: number },
  ): Promise<void> {
    await this.call(`add ${name}`, () =>
      this.queue(JOBS[name].queue).add(name, payload, this.options(name, opts)),
    );
  }

  /**
   * Adds the job of a row that has just committed (its id is the job id). Failing here loses
   * nothing: the row stays queued and the hourly maintenance job adds its job again.
   */
  async enqueueCommitted<K extends JobName>(
    name: K,
    payload: JobPayloads[K],
    rowId: string,
  ): Promise<void> {
    await this.add(name, payload, { jobId: rowId }).catch(() =>
      this.logger.warn(`${name} ${rowId} waits for the maintenance job to be queued`),
    );
  }

  async addBulk<K extends JobName>(
    name: K,
    jobs: { payload: JobPayloads[K]; jobId: string }[],
  ): Promise<void> {
    if (jobs.length === 0) return;
    await this.call(`add ${jobs.length} × ${name}`, () =>
      this.queue(JOBS[name].queue).addBulk(
        jobs.map((j) => ({ name, data: j.payload, opts: this.options(name, { jobId: j.jobId }) })),
      ),
    );
  }

  /** Runs `name` every `everyMs` (the first run at once); one scheduler for every worker. */
  async scheduleEvery(name: PeriodicJobName, key: string, everyMs: number): Promise<void> {
    await this.call(`schedule ${name}`, () =>
      this.queue(JOBS[name].queue).upsertJobScheduler(
        key,
        { every: everyMs },
        { name, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
      ),
    );
  }

  /** Removes finished jobs, so that their ids can be added again (a retry asked for by hand). */
  async discard(name: JobName, jobIds: string[]): Promise<void> {
    const queue = this.queue(JOBS[name].queue);
    await this.call(`remove ${name}`, () => Promise.all(jobIds.map((id) => queue.remove(id))));
  }

  /** Of these job ids, those whose job is finished or gone (not waiting, delayed or running). */
  async withoutLiveJob(name: JobName, jobIds: string[]): Promise<string[]> {
    if (jobIds.length === 0) return [];
    const queue = this.queue(JOBS[name].queue);
    const states = await this.call(`state of ${name}`, () =>
      Promise.all(jobIds.map((id) => queue.getJobState(id))),
    );
    return jobIds.filter((_, i) => ['completed', 'failed', 'unknown'].includes(states[i]));
  }

  /**
   * Runs one BullMQ call, bounded: ioredis bounds each command, and this bounds the wait for a
   * connection BullMQ has not finished setting up (it would wait for Redis to come back).
   */
  private async call<T>(what: string, op: () => Promise<T>): Promise<T> {
    try {
      return await within(op(), this.config.REDIS_COMMAND_TIMEOUT_MS + 500, `Redis ${what}`);
    } catch (err) {
      this.logger.warn(`Redis ${what} failed: ${(err as Error).message}`);
      throw dependencyUnavailable('The job queue');
    }
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
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
