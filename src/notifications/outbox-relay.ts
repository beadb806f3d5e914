import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { JobName } from '../jobs/job-registry';
import { QueueService } from '../jobs/queue.service';
import { backToPending, pickForRelay } from './notifications.store';
import { Transactions } from '../database/transactions';

const BATCH = 500;
/** A row marked queued whose job vanished (Redis flushed) is handed to BullMQ again after this. */
const REQUEUE_AFTER = '10 minutes';

/** How long the relay waits after a failed round (Redis away) before it tries again. */
const BACKOFF_MS = 2000;

/**
 * A pending row's job has the row's id, which admin retries discard by. A row handed over again
 * gets a job id of its own: BullMQ ignores an add whose id a finished job still holds (kept for a
 * day, a failed one for a week), so reusing the id would leave the row waiting that long. Two live
 * jobs for one row are harmless: delivery claims the row and never sends a message twice.
 */
const jobIdOf = (r: { id: string; was: string; at: string }): string =>
  r.was === 'pending' ? r.id : `${r.id}-again-${r.at}`;

/**
 * Moves pending outbox rows to BullMQ, the row id as job id. One statement claims a batch (SKIP
 * LOCKED, so several workers relay side by side) and marks it queued; BullMQ gets it after that
 * commit, never inside a transaction. Should BullMQ refuse, the batch goes back to pending; a
 * crash in between leaves it queued without a job, and it is handed over again after
 * REQUEUE_AFTER under a job id of its own (see jobIdOf).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;
  private failing = false;

  constructor(
    private readonly tx: Transactions,
    private readonly queues: QueueService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const tick = async () => {
      if (this.stopped) return;
      let failed = false;
      this.running = this.relayOnce().catch((err: Error) => {
        // Once per outage: the relay tries again every BACKOFF_MS until it works.
        if (!this.failing) this.logger.error(`Outbox relay failed: ${err.message}`);
        failed = true;
        return 0;
      });
      const moved = await this.running;
      if (this.failing && !failed) this.logger.log('Outbox relay resumed');
      this.failing = failed;
      if (!this.stopped) {
        const wait = failed ? BACKOFF_MS : moved === BATCH ? 0 : this.config.OUTBOX_POLL_MS;
        this.timer = setTimeout(tick, wait);
      }
    };
    this.timer = setTimeout(tick, 0);
  }

  async relayOnce(): Promise<number> {
    const rows = await pickForRelay(this.tx.manager, BATCH, REQUEUE_AFTER);
    if (rows.length === 0) return 0;
    const ids = rows.map((r) => r.id);
    try {
      await this.queues.addBulk(
        JobName.DeliverNotification,
        rows.map((r) => ({ payload: { outboxId: r.id }, jobId: jobIdOf(r) })),
      );
    } catch (err) {
      await backToPending(this.tx.manager, ids);
      throw err;
    }
    return ids.length;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
