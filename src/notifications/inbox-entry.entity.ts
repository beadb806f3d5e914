import type { JsonObject } from '../common/json';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An in-app notification; one per outbox message at most. */
@Entity('inbox_entries')
@Index(['userId', 'createdAt'])
export class InboxEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @Column({ type: 'uuid', unique: true })
  outboxId: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text' })
  title: string;

  /** As written, in the language of the moment it was delivered: shown when there is no payload. */
  @Column({ type: 'text' })
  body: string;

  /**
   * What the notification says, as data (tokens masked): rendered in the reader's current
   * language whenever the inbox is read. Null for entries delivered before it was kept.
   */
  @Column({ type: 'jsonb', nullable: true })
  payload: JsonObject | null;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
