import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MaintenanceTasks } from '../jobs/maintenance';
import { IDEMPOTENCY_TTL_HOURS } from './idempotency.service';
import { ReminderScheduler } from '../jobs/reminder-scheduler';
import { ENTRY_REMINDERS } from './rules/reminders';
import { ASSET_STORAGE, type AssetStorage } from './storage/asset-storage';
import { uploadSessionKey } from './upload-session.entity';

/**
 * Reminders are planned after their change commits; if Redis failed just then, this puts them
 * back within the hour (a job that exists is not added twice, and the handler's ledger reminds
 * a team once). Idempotency keys past their 24 h are swept for users who never come back, and
 * resumable uploads left unfinished past their 24 h with their bytes.
 */
@Injectable()
export class CompetitionsMaintenance {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reminders: ReminderScheduler,
    @Inject(ASSET_STORAGE) private readonly storage: AssetStorage,
    tasks: MaintenanceTasks,
  ) {
    tasks.register('deadline reminders', () => this.replanReminders());
    tasks.register('idempotency keys', () => this.sweepIdempotencyKeys());
    tasks.register('expired uploads', () => this.sweepExpiredUploads());
  }

  async replanReminders(): Promise<Record<string, number>> {
    const competitions: { id: string; closesAt: Date }[] = await this.db.query(
      `SELECT id, submission_closes_at AS "closesAt" FROM competitions WHERE submission_closes_at > now()`,
    );
    for (const c of competitions) {
      await this.reminders.replan(ENTRY_REMINDERS, { competitionId: c.id }, null, c.closesAt);
    }
    const extended: { id: string; competitionId: string; until: Date }[] = await this.db.query(
      `SELECT id, competition_id AS "competitionId", extension_until AS until
         FROM submissions WHERE status = 'draft' AND extension_until > now()`,
    );
    for (const s of extended) {
      await this.reminders.replan(
        ENTRY_REMINDERS,
        { competitionId: s.competitionId, submissionId: s.id },
        null,
        s.until,
      );
    }
    return { competitions: competitions.length, extensions: extended.length };
  }

  async sweepIdempotencyKeys(): Promise<Record<string, number>> {
    const [, deleted] = (await this.db.query(
      `DELETE FROM idempotency_keys WHERE created_at < now() - interval '${IDEMPOTENCY_TTL_HOURS} hours'`,
    )) as [unknown, number];
    return { deleted };
  }

  /** Resumable uploads past their time, not being written to, go with their bytes. */
  async sweepExpiredUploads(): Promise<Record<string, number>> {
    const [rows] = (await this.db.query(
      `DELETE FROM upload_sessions
        WHERE expires_at < now() AND (busy_until IS NULL OR busy_until < now()) RETURNING id`,
    )) as [{ id: string }[], number];
    for (const { id } of rows) await this.storage.remove(uploadSessionKey(id));
    return { deleted: rows.length };
  }
}
