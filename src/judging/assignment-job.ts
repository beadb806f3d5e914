import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { JobHandlers } from '../jobs/job-handlers';
import { JobName } from '../jobs/job-registry';
import { OutboxService } from '../notifications/outbox.service';
import type { AssignmentResult } from './assignment';
import { JudgeAssigner } from './assigner';
import {
  claimRun,
  failRun,
  findRunState,
  lockUnsettled,
  requeueRun,
  succeedRun,
} from './assignment-runs.store';
import { JudgeAssignment } from './judge-assignment.entity';
import { JudgeAssignmentRun } from './judge-assignment-run.entity';
import { JudgingRound } from './judging-round.entity';
import { roundState } from './judging-access';
import { tellCoordinatorsOfRecusal } from './recusal-notice';

/** What the job needs to know of its BullMQ attempt: whether another one follows a failure. */
export type Attempt = Pick<Job, 'attemptsMade' | 'opts'>;

const retriesLeft = (attempt: Attempt | undefined): boolean =>
  attempt !== undefined && attempt.attemptsMade + 1 < (attempt.opts.attempts ?? 1);

/**
 * The worker side of an assignment run: the solve and its inserts happen in one transaction that
 * holds the round row, so a hand-made change or a recusal cannot slip in between, and a crash
 * leaves nothing half-written for the retry. A top-up (a run with a cause: a recusal, a pool
 * change) settles every top-up of its round still queued or running, so two recusals committed
 * together are both replaced by whichever job takes the round first, and the other finds its run
 * done.
 *
 * A top-up that fails (the connection lost, a statement timed out, ...) changed nothing: its
 * transaction rolled back every row it settled. While BullMQ has attempts left, the job puts its
 * own run back in the queue and throws, and the retry settles the round's top-ups again; the
 * last attempt fails exactly the top-ups the failed transaction held (each cause told, a recusal's
 * coordinators that nobody took the entry over), never one queued after it. A top-up whose job
 * is gone altogether (a worker lost for good) is queued again by the maintenance
 * (JudgingMaintenance).
 */
@Injectable()
export class AssignmentJob implements OnModuleInit {
  private readonly logger = new Logger(AssignmentJob.name);

  constructor(
    private readonly tx: Transactions,
    private readonly handlers: JobHandlers,
    private readonly assigner: JudgeAssigner,
    private readonly outbox: OutboxService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.RunJudgeAssignment, (p, job) => this.run(p.runId, job));
  }

  /** Runs the run; `attempt` (BullMQ's job) says whether a failed top-up is tried again. */
  async run(runId: string, attempt?: Attempt): Promise<void> {
    if (!(await claimRun(this.tx.manager, runId))) {
      // The job is added once its row commits, so a row missing or still queued here is
      // unexpected: throwing lets BullMQ retry a few times, then give up.
      const row = await findRunState(this.tx.manager, runId);
      if (!row || row.status === 'queued') {
        throw new Error(`Assignment run ${runId} is not committed (yet)`);
      }
      return; // already finished
    }
    // The top-ups the settling transaction held, known even once it has rolled back.
    const held: string[] = [];
    try {
      await this.tx.run(async (m) => {
        const run = await m.findOneByOrFail(JudgeAssignmentRun, { id: runId });
        if (run.cause) return this.settleTopUps(m, run.roundId, held);
        // Conflicts judges declared since are applied first (it locks every round of the
        // competition, in the order every other path locks them).
        const { competitionId } = await m.findOneByOrFail(JudgingRound, { id: run.roundId });
        await this.assigner.applyDeclaredConflicts(m, competitionId);
        const round = await m.findOneOrFail(JudgingRound, {
          where: { id: run.roundId },
          lock: { mode: 'pessimistic_write' },
        });
        const t0 = performance.now();
        const { result } = await this.assigner.topUp(m, round);
        await succeedRun(m, runId, runReport(result, t0));
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.logger.error(`Assignment run ${runId} failed: ${message}`);
      const row = await findRunState(this.tx.manager, runId);
      if (!row) return; // its round is gone, and the run with it
      if (!row.cause) {
        await failRun(this.tx.manager, runId, message, this.clock.now());
        return;
      }
      if (retriesLeft(attempt)) {
        await requeueRun(this.tx.manager, runId);
        throw err;
      }
      await this.failTopUps(row.roundId, held.length > 0 ? held : [runId], message);
    }
  }

  /**
   * Tops the round up once for every top-up of it still queued or running (their rows locked, so
   * a peer job waits and then finds its own run done), then tells each cause what it got. `held`
   * receives the ids of the rows it locked.
   */
  private async settleTopUps(m: EntityManager, roundId: string, held: string[]): Promise<void> {
    const round = await m.findOneOrFail(JudgingRound, {
      where: { id: roundId },
      lock: { mode: 'pessimistic_write' },
    });
    const runs = await m.find(JudgeAssignmentRun, {
      where: { roundId, status: In(['queued', 'running']), cause: Not(IsNull()) },
      order: { createdAt: 'ASC', id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    held.push(...runs.map((r) => r.id));
    if (runs.length === 0) return;
    const t0 = performance.now();
    // A round closed since the change takes no new judges; the causes learn nothing was replaced.
    const result =
      roundState(round, this.clock.now()) === 'closed'
        ? null
        : (await this.assigner.topUp(m, round)).result;
    const given = new Set(result?.assignments.map((p) => p.entryId));
    for (const run of runs) {
      const cause = run.cause!;
      let entryIds: string[];
      if (cause.type === 'recusal') {
        const assignment = await m.findOneByOrFail(JudgeAssignment, { id: cause.assignmentId });
        entryIds = [assignment.submissionId];
        const replaced = given.has(assignment.submissionId);
        await tellCoordinatorsOfRecusal(m, this.outbox, round, assignment, cause.reason, replaced);
      } else {
        entryIds = cause.entryIds;
      }
      const replaced = entryIds.filter((id) => given.has(id)).length;
      await succeedRun(m, run.id, { ...(result ? runReport(result, t0) : {}), replaced });
    }
  }

  /**
   * After the last attempt: the top-ups the failed transaction held fail with its error, in one
   * transaction, except those another job settled meanwhile; a recusal's coordinators learn that
   * nobody took the entry over (they can assign one by hand).
   */
  private async failTopUps(roundId: string, ids: string[], message: string): Promise<void> {
    await this.tx.run(async (m) => {
      const round = await m.findOne(JudgingRound, {
        where: { id: roundId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!round) return;
      for (const run of await lockUnsettled(m, roundId, ids)) {
        await failRun(m, run.id, message, this.clock.now());
        if (run.cause.type !== 'recusal') continue;
        const assignment = await m.findOneBy(JudgeAssignment, { id: run.cause.assignmentId });
        if (assignment) {
          await tellCoordinatorsOfRecusal(
            m,
            this.outbox,
            round,
            assignment,
            run.cause.reason,
            false,
          );
        }
      }
    });
  }
}

/** What GET /judging-rounds/{id} shows of a finished run. */
function runReport(result: AssignmentResult, t0: number) {
  return {
    perJudgeLoad: result.perJudgeLoad.map((l) => ({ ...l })),
    unassigned: result.unassigned.map((u) => ({ ...u })),
    added: result.assignments.length,
    conflictCount: result.conflictCount,
    conflictsByKind: { ...result.conflictsByKind },
    conflictedExisting: result.conflictedExisting.length,
    objective: { ...result.objective },
    durationMs: Math.round(performance.now() - t0),
  };
}
