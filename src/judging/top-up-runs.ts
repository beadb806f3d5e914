import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobName } from '../jobs/job-registry';
import { QueueService } from '../jobs/queue.service';
import type { Withdrawal } from './assigner';
import { JudgeAssignmentRun, type RunCause } from './judge-assignment-run.entity';

/** What a request answers about the top-ups it queued: the runs to follow (GET /judging-rounds/{id}). */
export interface Reassignment {
  status: 'queued' | 'none';
  jobIds: string[];
}

/**
 * The request side of a top-up: a recusal or a pool change commits its own change with a queued
 * run per round that now lacks judges, then adds the runs' jobs, so no request solves while it
 * holds a round's lock. The worker (AssignmentJob) does the solving.
 */
@Injectable()
export class TopUpRuns {
  constructor(private readonly queues: QueueService) {}

  /** In the caller's transaction, which holds the rounds locked. */
  async queue(
    m: EntityManager,
    createdById: string,
    runs: readonly { roundId: string; cause: RunCause }[],
  ): Promise<Reassignment> {
    if (runs.length === 0) return { status: 'none', jobIds: [] };
    const saved = await m.save(
      runs.map((r) =>
        m.create(JudgeAssignmentRun, { ...r, status: 'queued' as const, createdById }),
      ),
    );
    return { status: 'queued', jobIds: saved.map((r) => r.id) };
  }

  /** A run per round the withdrawal took entries from. */
  queueWithdrawal(m: EntityManager, createdById: string, userId: string, moved: Withdrawal) {
    return this.queue(
      m,
      createdById,
      [...moved.byRound].map(([roundId, entryIds]) => ({
        roundId,
        cause: { type: 'withdrawal' as const, userId, entryIds },
      })),
    );
  }

  /** After the commit; a failed add waits for the hourly maintenance, which re-adds queued runs. */
  async enqueue(reassignment: Reassignment): Promise<void> {
    for (const runId of reassignment.jobIds) {
      await this.queues.enqueueCommitted(JobName.RunJudgeAssignment, { runId }, runId);
    }
  }
}
