import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { JobName } from '../jobs/job-registry';
import { QueueService } from '../jobs/queue.service';

const BATCH = 500;
/** A row marked queued whose job vanished (Redis flushed) is handed to BullMQ again after this. */
const REQUEUE_AFTER = '10 minutes';

/**
 * Moves pending outbox rows to BullMQ, the row id as job id. Rows are locked with SKIP LOCKED
 * so several workers relay side by side, and marked queued only after BullMQ took them: a crash
 * in between re-adds the same job id, which BullMQ ignores.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: QueueService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const tick = async () => {
      if (this.stopped) return;
      this.running = this.relayOnce().catch((err: Error) => {
        this.logger.error(`Outbox relay failed: ${err.message}`);
        return 0;
      });
      const moved = await this.running;
      if (!this.stopped)
        this.timer = setTimeout(tick, moved === BATCH ? 0 : this.config.OUTBOX_POLL_MS);
    };
    this.timer = setTimeout(tick, 0);
  }

  async relayOnce(): Promise<number> {
    return this.db.transaction(async (m) => {
      const rows: { id: string }[] = await m.query(
        `SELECT id FROM outbox_messages
          WHERE status = 'pending' OR (status = 'queued' AND queued_at < now() - interval '${REQUEUE_AFTER}')
          ORDER BY created_at
          LIMIT ${BATCH}
          FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return 0;
      await this.queues.addBulk(
        JobName.DeliverNotification,
        rows.map((r) => ({ payload: { outboxId: r.id }, jobId: r.id })),
      );
      await m.query(
        `UPDATE outbox_messages SET status = 'queued', queued_at = now() WHERE id = ANY($1)`,
        [rows.map((r) => r.id)],
      );
      return rows.length;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
