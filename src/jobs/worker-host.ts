import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Worker } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { bullConnection } from './bull-connection';
import { JobHandlers } from './job-handlers';
import { QUEUES } from './job-registry';

/** Runs in the worker process only: one BullMQ Worker per queue, dispatching by job name. */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerHost.name);
  private workers: Worker[] = [];

  constructor(
    private readonly config: AppConfig,
    private readonly handlers: JobHandlers,
  ) {}

  onApplicationBootstrap(): void {
    this.handlers.assertComplete();
    this.workers = Object.values(QUEUES).map((queue) => {
      const worker = new Worker(queue, (job) => this.handlers.dispatch(job), {
        connection: bullConnection(this.config),
        prefix: this.config.QUEUE_PREFIX,
        concurrency: 8,
      });
      worker.on('failed', (job, err) =>
        this.logger.warn(
          `Job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${err.message}`,
        ),
      );
      worker.on('error', (err) => this.logger.error(`Worker error on ${queue}: ${err.message}`));
      return worker;
    });
    this.logger.log(`Processing queues: ${Object.values(QUEUES).join(', ')}`);
  }

  /**
   * Waits for the jobs in hand to finish before the process exits (SIGTERM), and before anything
   * they use closes: Nest runs every beforeApplicationShutdown before any onApplicationShutdown,
   * where the database pool and the SMTP transport close. A notification claimed and sent must
   * still be marked sent, or its row would wait out its claim and be sent again.
   */
  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.logger.log(`Stopping${signal ? ` on ${signal}` : ''}: finishing the jobs in hand`);
    await Promise.all(this.workers.map((w) => w.close()));
    this.logger.log('Stopped');
  }
}
