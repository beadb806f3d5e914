import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { MASK } from '../common/crypto/token-links';
import { conflict, notFound } from '../common/errors/app-error';
import { pageOf, skipTake } from '../common/http/pagination';
import { JobName } from '../jobs/job-registry';
import { QueueService } from '../jobs/queue.service';
import { PipelinePageDto, PipelineQuery, RetriedDto } from './dto/pipeline.dto';
import { OutboxMessage } from './outbox-message.entity';
import { pageOutbox } from './notifications.store';
import { toOutboxMessageDto } from './outbox-view';
import { Transactions } from '../database/transactions';

/** A payload whose link lost its token when the message failed (see DeliveryHandler). */
const FORGOTTEN_LINK = `%/${MASK}%`;

/** The notification pipeline as an admin sees it: what waits, what went, what failed and why. */
@Injectable()
export class PipelineService {
  constructor(
    private readonly tx: Transactions,
    private readonly queues: QueueService,
    private readonly audit: AuditService,
  ) {}

  async list(q: PipelineQuery): Promise<PipelinePageDto> {
    const { rows, total, counts } = await pageOutbox(
      this.tx.manager,
      { status: q.status, type: q.type, ...skipTake(q) },
      FORGOTTEN_LINK,
    );
    const byStatus = { pending: 0, queued: 0, delivered: 0, failed: 0 };
    for (const c of counts)
      if (c.status in byStatus) byStatus[c.status as keyof typeof byStatus] = c.n;
    return { ...pageOf(rows.map(toOutboxMessageDto), total, q), counts: byStatus };
  }

  /**
   * Sends a failed message again: its finished job leaves the queue (it holds the row's id, so
   * the relay could not hand the row over again), then the row is pending with a fresh count of
   * attempts. A message whose link was forgotten is refused: it would carry a dead link.
   */
  async retry(actor: Principal, id: string): Promise<RetriedDto> {
    const row = await this.tx.manager.getRepository(OutboxMessage).findOneBy({ id });
    if (!row) throw notFound('Notification');
    if (row.status !== 'failed') {
      throw conflict('Only a failed notification can be sent again', 'NOT_FAILED');
    }
    if (JSON.stringify(row.payload).includes(`/${MASK}`)) {
      throw conflict(
        'This message carried a single-use link that was forgotten when it failed: send a new link instead',
        'LINK_FORGOTTEN',
      );
    }
    await this.queues.discard(JobName.DeliverNotification, [id]);
    return this.tx.run(async (m) => {
      const result = await m.update(
        OutboxMessage,
        { id, status: 'failed' },
        { status: 'pending', queuedAt: null, attempts: 0 },
      );
      if (!result.affected) {
        throw conflict('Only a failed notification can be sent again', 'NOT_FAILED');
      }
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'notification.retried',
        targetType: 'outbox_message',
        targetId: id,
        details: { type: row.type, lastError: row.lastError },
      });
      return { id, status: 'pending' as const };
    });
  }
}
