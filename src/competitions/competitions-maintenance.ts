import { Inject, Injectable } from '@nestjs/common';
import { Transactions } from '../database/transactions';
import { MaintenanceTasks } from '../jobs/maintenance';
import { deleteExpiredIdempotencyKeys, deleteExpiredUploadSessions } from './competitions.store';
import { ASSET_STORAGE, type AssetStorage } from './storage/asset-storage';
import { uploadSessionKey } from './upload-session.entity';

/**
 * Idempotency keys past their 24 h are swept for users who never come back, and resumable
 * uploads left unfinished past their 24 h with their bytes.
 */
@Injectable()
export class CompetitionsMaintenance {
  constructor(
    private readonly tx: Transactions,
    @Inject(ASSET_STORAGE) private readonly storage: AssetStorage,
    tasks: MaintenanceTasks,
  ) {
    tasks.register('idempotency keys', () => this.sweepIdempotencyKeys());
    tasks.register('expired uploads', () => this.sweepExpiredUploads());
  }

  async sweepIdempotencyKeys(): Promise<Record<string, number>> {
    return { deleted: await deleteExpiredIdempotencyKeys(this.tx.manager) };
  }

  /** Resumable uploads past their time, not being written to, go with their bytes. */
  async sweepExpiredUploads(): Promise<Record<string, number>> {
    const rows = await deleteExpiredUploadSessions(this.tx.manager);
    for (const { id } of rows) await this.storage.remove(uploadSessionKey(id));
    return { deleted: rows.length };
  }
}
