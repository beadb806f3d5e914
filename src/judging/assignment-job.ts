import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobHandlers } from '../jobs/job-handlers';
import { JobName } from '../jobs/job-registry';
import { JudgeAssigner } from './assigner';
import { JudgeAssignmentRun } from './judge-assignment-run.entity';
import { JudgingRound } from './judging-round.entity';

/**
 * The worker side of an assignment run: the solve and its inserts happen in one transaction that
 * holds the round row, so a hand-made change or a recusal cannot slip in between, and a crash
 * leaves nothing half-written for the retry.
 */
@Injectable()
export class AssignmentJob implements OnModuleInit {
  private readonly logger = new Logger(AssignmentJob.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly handlers: JobHandlers,
    private readonly assigner: JudgeAssigner,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.RunJudgeAssignment, (p) => this.run(p.runId));
  }

  async run(runId: string): Promise<void> {
    const runs = this.db.getRepository(JudgeAssignmentRun);
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
      await this.db.transaction(async (m) => {
        const run = await m.findOneByOrFail(JudgeAssignmentRun, { id: runId });
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
        const report = {
          perJudgeLoad: result.perJudgeLoad.map((l) => ({ ...l })),
          unassigned: result.unassigned.map((u) => ({ ...u })),
          added: result.assignments.length,
          conflictCount: result.conflictCount,
          conflictsByKind: { ...result.conflictsByKind },
          conflictedExisting: result.conflictedExisting.length,
          objective: { ...result.objective },
          durationMs: Math.round(performance.now() - t0),
        };
        await m.query(
          `UPDATE judge_assignment_runs SET status = 'succeeded', report = $2, finished_at = now() WHERE id = $1`,
          [runId, JSON.stringify(report)],
        );
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
}
