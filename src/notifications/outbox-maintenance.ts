import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { MaintenanceTasks } from '../jobs/maintenance';
import { deleteDeliveredBefore } from './notifications.store';
import { Transactions } from '../database/transactions';

const CHUNK = 10_000;

/**
 * Deletes delivered notifications OUTBOX_RETENTION_DAYS after delivery (the in-app copy stays in
 * the inbox). Rows not delivered yet, and those that failed for good, are kept for the operator.
 */
@Injectable()
export class OutboxMaintenance {
  constructor(
    private readonly tx: Transactions,
    private readonly config: AppConfig,
    tasks: MaintenanceTasks,
  ) {
    tasks.register('outbox retention', () => this.purgeDelivered());
  }

  async purgeDelivered(): Promise<Record<string, number>> {
    let deleted = 0;
    for (;;) {
      const n = await deleteDeliveredBefore(
        this.tx.manager,
        this.config.OUTBOX_RETENTION_DAYS,
        CHUNK,
      );
      deleted += n;
      if (n < CHUNK) return { deleted };
    }
  }
}
