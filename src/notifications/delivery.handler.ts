import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import type { JsonObject } from '../common/json';
import { JobHandlers } from '../jobs/job-handlers';
import { JobName, JOBS } from '../jobs/job-registry';
import { Mailer } from './mailer';
import { Channel, OutboxMessage } from './outbox-message.entity';
import { render } from './templates';
import { redactTokens } from '../common/crypto/token-links';

/** How long a claim holds a row: longer than any send the mailer lets run (see Mailer). */
export const CLAIM_SECONDS = 120;

interface Claimed {
  type: string;
  locale: string;
  payload: JsonObject;
  channels: Channel[];
  recipientUserId: string | null;
  recipientEmail: string;
  emailSentAt: Date | null;
}

/**
 * Delivers one outbox row without holding a transaction, a row lock or a pooled connection while
 * it talks to the SMTP server: one committed statement claims the row for CLAIM_SECONDS, the
 * in-app entry is written (idempotent), the email goes out, and one statement marks the row sent.
 * A second delivery of the same row (a stalled job run again) waits while the claim holds, then
 * finds the row delivered; only a crash between the SMTP server's "250 OK" and the mark can repeat
 * a message, and the stable Message-ID lets a mail client fold that repeat.
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

  /** The row, claimed for this delivery; null once it needs none (delivered, failed or gone). */
  private async claim(outboxId: string): Promise<Claimed | null> {
    for (;;) {
      const [rows] = (await this.db.query(
        `UPDATE outbox_messages SET claimed_until = now() + make_interval(secs => $2)
          WHERE id = $1 AND status NOT IN ('delivered', 'failed')
            AND (claimed_until IS NULL OR claimed_until < now())
          RETURNING type, locale, payload, channels, recipient_user_id AS "recipientUserId",
                    recipient_email AS "recipientEmail", email_sent_at AS "emailSentAt"`,
        [outboxId, CLAIM_SECONDS],
      )) as [Claimed[], number];
      if (rows[0]) return rows[0];
      const [held]: { waitMs: number }[] = await this.db.query(
        `SELECT GREATEST(0, extract(epoch FROM claimed_until - now()) * 1000)::int AS "waitMs"
           FROM outbox_messages
          WHERE id = $1 AND status NOT IN ('delivered', 'failed') AND claimed_until >= now()`,
        [outboxId],
      );
      if (!held) return null;
      // Another delivery holds it (or held it and died): wait for its claim to end, then look again.
      await sleep(held.waitMs + 50);
    }
  }

  async deliver(outboxId: string, job?: Job): Promise<void> {
    try {
      const row = await this.claim(outboxId);
      if (!row) return;
      const message = render(row.type, row.locale, row.payload);
      const sendEmail = row.channels.includes('email') && !row.emailSentAt;
      if (sendEmail) {
        await this.mailer.send({
          to: row.recipientEmail,
          subject: message.subject,
          text: message.text,
          messageId: `<${outboxId}@kenal>`,
        });
      }
      // One statement: the in-app entry (at most one per message; its payload is rendered again
      // in the reader's language) and the row marked sent.
      const inApp = row.channels.includes('in_app') && row.recipientUserId !== null;
      await this.db.query(
        `WITH entry AS (
           INSERT INTO inbox_entries (user_id, outbox_id, type, title, body, payload)
           SELECT $4, $1, $5, $6, $7, $2::jsonb WHERE $8::boolean
           ON CONFLICT DO NOTHING)
         UPDATE outbox_messages
            SET status = 'delivered', delivered_at = now(), payload = $2,
                email_sent_at = CASE WHEN $3::boolean THEN now() ELSE email_sent_at END,
                attempts = attempts + 1, last_error = NULL, claimed_until = NULL
          WHERE id = $1`,
        [
          outboxId,
          // The link has done its job: keep no live token.
          JSON.stringify(redactTokens(row.payload)),
          sendEmail,
          row.recipientUserId,
          row.type,
          message.title,
          message.body,
          inApp,
        ],
      );
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
          claimedUntil: null, // the next attempt may start at once
          ...(final ? { status: 'failed' as const } : {}),
          ...(payload ? { payload: redactTokens(payload) } : {}),
        },
      );
      this.logger.warn(`Notification ${outboxId} attempt ${attempts} failed: ${error}`);
      throw err;
    }
  }
}
