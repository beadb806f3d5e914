import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MaintenanceTasks } from '../jobs/maintenance';
import { IDEMPOTENCY_TTL_HOURS } from './idempotency.service';
import { ASSET_STORAGE, type AssetStorage } from './storage/asset-storage';
import { uploadSessionKey } from './upload-session.entity';

/**
 * Idempotency keys past their 24 h are swept for users who never come back, and resumable
 * uploads left unfinished past their 24 h with their bytes.
 */
@Injectable()
export class CompetitionsMaintenance {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ASSET_STORAGE) private readonly storage: AssetStorage,
    tasks: MaintenanceTasks,
  ) {
    tasks.register('idempotency keys', () => this.sweepIdempotencyKeys());
    tasks.register('expired uploads', () => this.sweepExpiredUploads());
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
