import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { MASK } from '../common/crypto/token-links';
import { conflict, notFound } from '../common/errors/app-error';
import { pageOf, skipTake } from '../common/http/pagination';
import { JobName } from '../jobs/job-registry';
import { QueueService } from '../jobs/queue.service';
import { PipelineQuery } from './dto/pipeline.dto';
import { OutboxMessage } from './outbox-message.entity';

/** A payload whose link lost its token when the message failed (see DeliveryHandler). */
const FORGOTTEN_LINK = `%/${MASK}%`;

/** The notification pipeline as an admin sees it: what waits, what went, what failed and why. */
@Injectable()
export class PipelineService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: QueueService,
    private readonly audit: AuditService,
  ) {}

  async list(q: PipelineQuery) {
    const params: unknown[] = [];
    const where: string[] = [];
    if (q.status) where.push(`status = $${params.push(q.status)}`);
    if (q.type) where.push(`type = $${params.push(q.type)}`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const { skip, take } = skipTake(q);
    const [rows, total, counts] = await Promise.all([
      this.db.query(
        `SELECT id, type, recipient_email AS "recipientEmail", channels, status, attempts,
                last_error AS "lastError", created_at AS "createdAt", delivered_at AS "deliveredAt",
                (status = 'failed' AND payload::text LIKE $${params.length + 1}) AS "linkForgotten"
           FROM outbox_messages ${filter}
          ORDER BY created_at DESC, id LIMIT ${take} OFFSET ${skip}`,
        [...params, FORGOTTEN_LINK],
      ) as Promise<unknown[]>,
      this.db.query(`SELECT count(*)::int AS n FROM outbox_messages ${filter}`, params) as Promise<
        { n: number }[]
      >,
      this.db.query(
        `SELECT status, count(*)::int AS n FROM outbox_messages GROUP BY status`,
      ) as Promise<{ status: string; n: number }[]>,
    ]);
    const byStatus = { pending: 0, queued: 0, delivered: 0, failed: 0 };
    for (const c of counts)
      if (c.status in byStatus) byStatus[c.status as keyof typeof byStatus] = c.n;
    return { ...pageOf(rows, total[0].n, q), counts: byStatus };
  }

  /**
   * Sends a failed message again: its finished job leaves the queue (it holds the row's id, so
   * the relay could not hand the row over again), then the row is pending with a fresh count of
   * attempts. A message whose link was forgotten is refused: it would carry a dead link.
   */
  async retry(actor: Principal, id: string) {
    const row = await this.db.getRepository(OutboxMessage).findOneBy({ id });
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
    return this.db.transaction(async (m) => {
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
