import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, JobPayloads, PAYLOAD_CHECKS } from './job-registry';

export type JobHandler<K extends JobName> = (payload: JobPayloads[K], job: Job) => Promise<unknown>;

/** Feature modules register one handler per job name; the worker refuses to start with gaps. */
@Injectable()
export class JobHandlers {
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();

  register<K extends JobName>(name: K, handler: JobHandler<K>): void {
    if (this.handlers.has(name)) throw new Error(`Job "${name}" has two handlers`);
    this.handlers.set(name, handler as JobHandler<JobName>);
  }

  /** Throws unless every job name has exactly one handler. */
  assertComplete(): void {
    const missing = Object.values(JobName).filter((n) => !this.handlers.has(n));
    if (missing.length > 0) throw new Error(`No handler for job(s): ${missing.join(', ')}`);
  }

  async dispatch(job: Job): Promise<unknown> {
    const name = job.name as JobName;
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No handler for job "${job.name}"`);
    const check = PAYLOAD_CHECKS[name] as (d: unknown) => boolean;
    if (!check(job.data)) throw new Error(`Job "${job.name}" ${job.id} has an invalid payload`);
    return handler(job.data as JobPayloads[JobName], job);
  }
}
