import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobName } from '../jobs/job-registry';
import { MaintenanceTasks } from '../jobs/maintenance';
import { JudgingReminderScheduler } from './reminder-scheduler';

/**
 * Puts back judges' reminders a failed Redis call lost when a round was created or moved, and the
 * job of an assignment run whose add failed after its row committed.
 */
@Injectable()
export class JudgingMaintenance {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reminders: JudgingReminderScheduler,
    tasks: MaintenanceTasks,
  ) {
    tasks.register('judging reminders', () => this.replanReminders());
    tasks.registerRequeue(
      'queued assignment runs',
      'judge_assignment_runs',
      JobName.RunJudgeAssignment,
    );
  }

  async replanReminders(): Promise<Record<string, number>> {
    const rounds: { id: string; closesAt: Date }[] = await this.db.query(
      `SELECT id, closes_at AS "closesAt" FROM judging_rounds WHERE status <> 'closed' AND closes_at > now()`,
    );
    for (const r of rounds) await this.reminders.reschedule(r.id, null, r.closesAt);
    return { rounds: rounds.length };
  }
}
