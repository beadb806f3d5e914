import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { Transactions } from '../database/transactions';
import { JobHandlers } from '../jobs/job-handlers';
import { JobName } from '../jobs/job-registry';
import { OutboxService } from '../notifications/outbox.service';
import type { AssignmentResult } from './assignment';
import { JudgeAssigner } from './assigner';
import { JudgeAssignment } from './judge-assignment.entity';
import { JudgeAssignmentRun } from './judge-assignment-run.entity';
import { JudgingRound } from './judging-round.entity';
import { roundState } from './judging-access';
import { tellCoordinatorsOfRecusal } from './recusal-notice';
import { succeedRun } from './assignment-runs.store';

/**
 * The worker side of an assignment run: the solve and its inserts happen in one transaction that
 * holds the round row, so a hand-made change or a recusal cannot slip in between, and a crash
 * leaves nothing half-written for the retry. A top-up (a run with a cause: a recusal, a pool
 * change) settles every top-up of its round still queued, so two recusals committed together
 * are both replaced by whichever job takes the round first, and the other finds its run done.
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
    this.handlers.register(JobName.RunJudgeAssignment, (p) => this.run(p.runId));
  }

  async run(runId: string): Promise<void> {
    const runs = this.tx.manager.getRepository(JudgeAssignmentRun);
    const claimed = await runs
      .createQueryBuilder()
      .update()
      .set({ status: 'running' })
      .where(`id = :runId AND status IN ('queued', 'running')`, { runId })
      .execute();
    if (!claimed.affected) {
      // The job is added once its row commits, so a row missing or still queued here is
      // unexpected: throwing lets BullMQ retry a few times, then give up.
      const row = await runs.findOneBy({ id: runId });
      if (!row || row.status === 'queued') {
        throw new Error(`Assignment run ${runId} is not committed (yet)`);
      }
      return; // already finished
    }
    try {
      await this.tx.run(async (m) => {
        const run = await m.findOneByOrFail(JudgeAssignmentRun, { id: runId });
        if (run.cause) return this.settleTopUps(m, run.roundId);
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
      await runs.update(
        { id: runId },
        { status: 'failed', error: message.slice(0, 2000), finishedAt: new Date() },
      );
    }
  }

  /**
   * Tops the round up once for every top-up of it still queued or running (their rows locked, so
   * a peer job waits and then finds its own run done), then tells each cause what it got.
   */
  private async settleTopUps(m: EntityManager, roundId: string): Promise<void> {
    const round = await m.findOneOrFail(JudgingRound, {
      where: { id: roundId },
      lock: { mode: 'pessimistic_write' },
    });
    const runs = await m.find(JudgeAssignmentRun, {
      where: { roundId, status: In(['queued', 'running']), cause: Not(IsNull()) },
      order: { createdAt: 'ASC', id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
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
