import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { JobHandlers } from '../jobs/job-handlers';
import { JobName, JOBS } from '../jobs/job-registry';
import { Mailer } from './mailer';
import { OutboxMessage } from './outbox-message.entity';
import { claimHeldMs, ClaimedRow, claimOutboxRow, markDelivered } from './notifications.store';
import { render } from './templates';
import { redactTokens } from '../common/crypto/token-links';
import { Transactions } from '../database/transactions';

/** How long a claim holds a row: longer than any send the mailer lets run (see Mailer). */
export const CLAIM_SECONDS = 120;

/**
 * Delivers one outbox row without holding a transaction, a row lock or a pooled connection while
 * it talks to the SMTP server: one committed statement claims the row for CLAIM_SECONDS, the
 * email goes out, then one statement writes the in-app entry (idempotent) and marks the row sent.
 * A second delivery of the same row (a stalled job run again) waits while the claim holds, then
 * finds the row delivered; only a crash between the SMTP server's "250 OK" and the mark can repeat
 * a message, and the stable Message-ID lets a mail client fold that repeat.
 */
@Injectable()
export class DeliveryHandler implements OnModuleInit {
  private readonly logger = new Logger(DeliveryHandler.name);

  constructor(
    private readonly tx: Transactions,
    private readonly mailer: Mailer,
    private readonly handlers: JobHandlers,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.DeliverNotification, (p, job) => this.deliver(p.outboxId, job));
  }

  /** The row, claimed for this delivery; null once it needs none (delivered, failed or gone). */
  private async claim(outboxId: string): Promise<ClaimedRow | null> {
    for (;;) {
      const claimed = await claimOutboxRow(this.tx.manager, outboxId, CLAIM_SECONDS);
      if (claimed) return claimed;
      const waitMs = await claimHeldMs(this.tx.manager, outboxId);
      if (waitMs === undefined) return null;
      // Another delivery holds it (or held it and died): wait for its claim to end, then look again.
      await sleep(waitMs + 50);
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
      await markDelivered(this.tx.manager, {
        outboxId,
        // The link has done its job: keep no live token.
        payload: JSON.stringify(redactTokens(row.payload)),
        emailSent: sendEmail,
        recipientUserId: row.recipientUserId,
        type: row.type,
        title: message.title,
        body: message.body,
        inApp,
      });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const attempts = (job?.attemptsMade ?? 0) + 1;
      const final = attempts >= JOBS[JobName.DeliverNotification].attempts;
      const outbox = this.tx.manager.getRepository(OutboxMessage);
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
