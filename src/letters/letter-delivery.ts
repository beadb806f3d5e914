import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { getUser, UserRow } from '../identity/user-rows';
import { JobName } from '../jobs/job-registry';
import { QueueService } from '../jobs/queue.service';
import { OutboxService } from '../notifications/outbox.service';
import { Letter } from './letter.entity';
import { claimLetterEmail, matchStatus } from './letters.store';

/** The recipient is emailed about new letters on one match at most this often. */
export const EMAIL_EVERY_HOURS = 6;

export type WriterNotice = 'letter.held' | 'letter.released' | 'letter.removed';

/** Who a notice names: the writer's side already read by the caller saves reading them again. */
export type Correspondent = Pick<UserRow, 'id' | 'email' | 'displayName' | 'locale'>;
export interface Correspondents {
  writer: Correspondent;
  penpal: Correspondent;
}

/** What telling about a letter needs of it. */
type NoticeOf = Pick<Letter, 'matchId' | 'senderId' | 'recipientId' | 'heldKinds'>;

/**
 * Delivering a letter and telling people about it, for the API (at once, on release) and the
 * worker (a travelling letter's job, the maintenance sweep). Every delivery holds the letter's
 * row lock and checks it is still scheduled, so a job run twice, or a job and the sweep, deliver
 * it once. Redis is only called after the commit: a failed call is repaired by the sweep.
 */
@Injectable()
export class LetterDelivery {
  private readonly logger = new Logger(LetterDelivery.name);

  constructor(
    private readonly tx: Transactions,
    private readonly outbox: OutboxService,
    private readonly queues: QueueService,
    private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Marks the letter delivered now and tells the recipient, in the caller's transaction. */
  async deliverNow(m: EntityManager, letter: Letter): Promise<void> {
    letter.status = 'delivered';
    letter.deliveredAt = this.clock.now();
    await m.update(
      Letter,
      { id: letter.id },
      { status: 'delivered', deliveredAt: letter.deliveredAt },
    );
    await this.tellRecipient(m, letter);
  }

  /**
   * In-app at once; by email only when the last email about this match to this person is
   * 6 hours old or more (claimed with one upsert, so two deliveries at once email once).
   */
  async tellRecipient(m: EntityManager, letter: NoticeOf, people?: Correspondents): Promise<void> {
    const claimed = await claimLetterEmail(
      m,
      letter.matchId,
      letter.recipientId,
      this.clock.now(),
      EMAIL_EVERY_HOURS,
    );
    const to = people?.penpal ?? (await getUser(m, letter.recipientId));
    const from = people?.writer ?? (await getUser(m, letter.senderId));
    await this.outbox.enqueue(m, {
      type: 'letter.delivered',
      recipient: { userId: to.id, email: to.email, locale: to.locale },
      channels: claimed ? ['email', 'in_app'] : ['in_app'],
      payload: {
        displayName: to.displayName,
        penpalName: from.displayName,
        matchId: letter.matchId,
        link: `${this.config.PUBLIC_URL}/penpals`,
      },
    });
  }

  /** Tells the writer, in their language, that their letter is held, released or removed. */
  async tellWriter(
    m: EntityManager,
    letter: NoticeOf,
    type: WriterNotice,
    people?: Correspondents,
  ): Promise<void> {
    const writer = people?.writer ?? (await getUser(m, letter.senderId));
    const penpal = people?.penpal ?? (await getUser(m, letter.recipientId));
    await this.outbox.enqueue(m, {
      type,
      recipient: { userId: writer.id, email: writer.email, locale: writer.locale },
      payload: {
        displayName: writer.displayName,
        penpalName: penpal.displayName,
        kinds: letter.heldKinds,
        link: `${this.config.PUBLIC_URL}/penpals`,
      },
    });
  }

  /**
   * Delivers a travelling letter once it is due (the job's handler and the sweep). Returns
   * whether this call delivered it. A letter whose match ended on the way is not delivered.
   */
  async deliverIfDue(letterId: string): Promise<boolean> {
    return this.tx.run(async (m) => {
      const letter = await m.findOne(Letter, {
        where: { id: letterId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!letter || letter.status !== 'scheduled') return false;
      if (letter.deliverAt.getTime() > this.clock.now().getTime()) return false;
      if ((await matchStatus(m, letter.matchId)) !== 'accepted') {
        await m.update(Letter, { id: letter.id }, { status: 'removed' });
        return false;
      }
      await this.deliverNow(m, letter);
      return true;
    });
  }

  /** After the commit: the delayed job that delivers the letter at deliverAt (id = letter id). */
  async schedule(letter: { id: string; deliverAt: Date }): Promise<void> {
    try {
      await this.queues.add(
        JobName.DeliverLetter,
        { letterId: letter.id },
        {
          jobId: letter.id,
          delay: Math.max(0, letter.deliverAt.getTime() - this.clock.now().getTime()),
        },
      );
    } catch (err) {
      // The hourly maintenance delivers due letters whose job was lost.
      this.logger.error(`Could not schedule letter ${letter.id}: ${(err as Error).message}`);
    }
  }
}
