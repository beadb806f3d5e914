import type { JsonObject } from '../common/json';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'queued' | 'delivered' | 'failed';
export type Channel = 'email' | 'in_app';

/** A notification to deliver, written in the same transaction as the change that causes it. */
@Entity('outbox_messages')
@Index(['status', 'createdAt'])
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  type: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  recipientUserId: string | null;

  @Column({ type: 'text' })
  recipientEmail: string;

  @Column({ type: 'text', default: 'en' })
  locale: string;

  @Column({ type: 'text', array: true })
  channels: Channel[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: JsonObject;

  @Column({ type: 'text', default: 'pending' })
  status: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** Set right after the SMTP server accepted the message, so a retry never sends it again. */
  @Column({ type: 'timestamptz', nullable: true })
  emailSentAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  queuedAt: Date | null;

  /** A delivery holds the row until then (set in a committed claim, cleared when it ends). */
  @Column({ type: 'timestamptz', nullable: true })
  claimedUntil: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
