import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobHandlers } from '../jobs/job-handlers';
import { JobName, JOBS } from '../jobs/job-registry';
import { InboxEntry } from './inbox-entry.entity';
import { Mailer } from './mailer';
import { OutboxMessage } from './outbox-message.entity';
import { render } from './templates';
import { redactTokens } from '../common/crypto/token-links';

/**
 * Delivers one outbox row inside a transaction that holds the row's lock, so two deliveries of
 * one row (a stalled job run again) are serialised and the second finds it delivered. The email
 * is the last side effect before COMMIT: only a crash between the SMTP server's "250 OK" and the
 * commit can repeat a message, and the stable Message-ID lets a mail client fold that repeat.
 */
@Injectable()
export class DeliveryHandler implements OnModuleInit {
  private readonly logger = new Logger(DeliveryHandler.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mailer: Mailer,
    private readonly handlers: JobHandlers,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.DeliverNotification, (p, job) => this.deliver(p.outboxId, job));
  }

  async deliver(outboxId: string, job?: Job): Promise<void> {
    try {
      await this.db.transaction(async (m) => {
        const row = await m
          .getRepository(OutboxMessage)
          .findOne({ where: { id: outboxId }, lock: { mode: 'pessimistic_write' } });
        if (!row || row.status === 'delivered' || row.status === 'failed') return;
        const message = render(row.type, row.locale, row.payload);
        if (row.channels.includes('in_app') && row.recipientUserId) {
          await m
            .createQueryBuilder()
            .insert()
            .into(InboxEntry)
            .values({
              userId: row.recipientUserId,
              outboxId: row.id,
              type: row.type,
              title: message.title,
              body: message.body,
              payload: redactTokens(row.payload), // rendered again in the reader's language
            })
            .orIgnore()
            .execute();
        }
        const sendEmail = row.channels.includes('email') && !row.emailSentAt;
        if (sendEmail) {
          await this.mailer.send({
            to: row.recipientEmail,
            subject: message.subject,
            text: message.text,
            messageId: `<${row.id}@kenal>`,
          });
        }
        await m.update(
          OutboxMessage,
          { id: row.id },
          {
            status: 'delivered',
            deliveredAt: new Date(),
            payload: redactTokens(row.payload), // the link has done its job: keep no live token
            ...(sendEmail ? { emailSentAt: new Date() } : {}),
            attempts: () => 'attempts + 1',
            lastError: null,
          },
        );
      });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const attempts = (job?.attemptsMade ?? 0) + 1;
      const final = attempts >= JOBS[JobName.DeliverNotification].attempts;
      const outbox = this.db.getRepository(OutboxMessage);
      // A message that will never be sent keeps no live token either.
      const payload = final ? (await outbox.findOneBy({ id: outboxId }))?.payload : undefined;
      await outbox.update(
        { id: outboxId },
        {
          attempts: () => 'attempts + 1',
          lastError: error.slice(0, 2000),
          ...(final ? { status: 'failed' as const } : {}),
          ...(payload ? { payload: redactTokens(payload) } : {}),
        },
      );
      this.logger.warn(`Notification ${outboxId} attempt ${attempts} failed: ${error}`);
      throw err;
    }
  }
}
