import { Injectable } from '@nestjs/common';
import { Transactions } from '../database/transactions';
import { JobName } from '../jobs/job-registry';
import { MaintenanceTasks } from '../jobs/maintenance';
import { JudgeAssigner } from './assigner';
import { unsettledTopUpIds } from './assignment-runs.store';
import { competitionsWithPendingConflicts } from './judge-pool.store';

/**
 * Puts back the job of an assignment run whose add failed after its row committed, gives a new job
 * to a top-up whose job is gone, and applies the conflicts judges declared about themselves (held
 * until then: see declareOwn).
 */
@Injectable()
export class JudgingMaintenance {
  constructor(
    private readonly tx: Transactions,
    private readonly assigner: JudgeAssigner,
    private readonly tasks: MaintenanceTasks,
  ) {
    tasks.registerRequeue(
      'queued assignment runs',
      'judge_assignment_runs',
      JobName.RunJudgeAssignment,
    );
    tasks.register('unsettled top-ups', () => this.requeueTopUps());
    tasks.register('declared judge conflicts', () => this.applyDeclaredConflicts());
  }

  /**
   * Top-ups still queued or running that no transaction is settling. Their job may be finished
   * (a worker lost for good after claiming one, its attempts spent, its last write lost).
   */
  async requeueTopUps(): Promise<{ queued: number }> {
    const ids = await unsettledTopUpIds(this.tx.manager);
    await this.tasks.requeue(JobName.RunJudgeAssignment, ids);
    return { queued: ids.length };
  }

  /** Applies the conflicts judges declared themselves that no assignment run has applied yet. */
  async applyDeclaredConflicts(): Promise<Record<string, number>> {
    const competitions = await competitionsWithPendingConflicts(this.tx.manager);
    const total = { competitions: competitions.length, judges: 0, assignmentsWithdrawn: 0 };
    for (const competitionId of competitions) {
      const done = await this.tx.run((m) => this.assigner.applyDeclaredConflicts(m, competitionId));
      total.judges += done.judges;
      total.assignmentsWithdrawn += done.assignmentsWithdrawn;
    }
    return total;
  }
}
