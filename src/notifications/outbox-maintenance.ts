import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { MaintenanceTasks } from '../jobs/maintenance';

const CHUNK = 10_000;

/**
 * Deletes delivered notifications OUTBOX_RETENTION_DAYS after delivery (the in-app copy stays in
 * the inbox). Rows not delivered yet, and those that failed for good, are kept for the operator.
 */
@Injectable()
export class OutboxMaintenance {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    tasks: MaintenanceTasks,
  ) {
    tasks.register('outbox retention', () => this.purgeDelivered());
  }

  async purgeDelivered(): Promise<Record<string, number>> {
    let deleted = 0;
    for (;;) {
      // created_at <= delivered_at: the first condition lets the (status, created_at) index serve.
      const [, n] = (await this.db.query(
        `DELETE FROM outbox_messages WHERE id IN (
           SELECT id FROM outbox_messages
            WHERE status = 'delivered'
              AND created_at < now() - make_interval(days => $1)
              AND delivered_at < now() - make_interval(days => $1)
            LIMIT ${CHUNK})`,
        [this.config.OUTBOX_RETENTION_DAYS],
      )) as [unknown, number];
      deleted += n;
      if (n < CHUNK) return { deleted };
    }
  }
}
