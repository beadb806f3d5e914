import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobName } from '../jobs/job-registry';
import { MaintenanceTasks } from '../jobs/maintenance';
import { JudgeAssigner } from './assigner';

/**
 * Puts back the job of an assignment run whose add failed after its row committed, and applies
 * the conflicts judges declared about themselves (held until then: see declareOwn).
 */
@Injectable()
export class JudgingMaintenance {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly assigner: JudgeAssigner,
    tasks: MaintenanceTasks,
  ) {
    tasks.registerRequeue(
      'queued assignment runs',
      'judge_assignment_runs',
      JobName.RunJudgeAssignment,
    );
    tasks.register('declared judge conflicts', () => this.applyDeclaredConflicts());
  }

  /** Applies the conflicts judges declared themselves that no assignment run has applied yet. */
  async applyDeclaredConflicts(): Promise<Record<string, number>> {
    const rows: { competitionId: string }[] = await this.db.query(
      `SELECT DISTINCT competition_id AS "competitionId" FROM judge_pool_members
        WHERE conflicts_pending_since IS NOT NULL`,
    );
    const total = { competitions: rows.length, judges: 0, assignmentsWithdrawn: 0 };
    for (const { competitionId } of rows) {
      const done = await this.db.transaction((m) =>
        this.assigner.applyDeclaredConflicts(m, competitionId),
      );
      total.judges += done.judges;
      total.assignmentsWithdrawn += done.assignmentsWithdrawn;
    }
    return total;
  }
}
