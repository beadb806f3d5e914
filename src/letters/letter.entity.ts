import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ContactKind } from './detector/contact-detector';

/**
 * scheduled: travelling (a distance delay), delivered by a delayed job at deliverAt;
 * delivered: the recipient can read it; held: waits for a coordinator (contact details);
 * removed: never shown to the recipient (a coordinator removed it, or the match ended first).
 */
export type LetterStatus = 'scheduled' | 'delivered' | 'held' | 'removed';

@Entity('letters')
@Index(['matchId', 'createdAt'])
@Index(['matchId', 'senderId', 'createdAt'])
@Index('IDX_letters_due', ['deliverAt'], { where: `"status" = 'scheduled'` })
export class Letter {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  matchId: string;

  @Index()
  @Column('uuid')
  senderId: string;

  @Index()
  @Column('uuid')
  recipientId: string;

  @Column({ type: 'text' })
  body: string;

  /** ISO 639-1 code of the language the letter is written in. */
  @Column({ type: 'text', nullable: true })
  language: string | null;

  @Column({ type: 'text' })
  status: LetterStatus;

  @Column({ type: 'timestamptz' })
  deliverAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  /** Why the letter was held ('contact_details'), for the writer. */
  @Column({ type: 'text', nullable: true })
  heldReason: string | null;

  /** Which kinds of contact details the detector found. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  heldKinds: ContactKind[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** When the recipient of a match's letters was last emailed about one: at most once in 6 hours. */
@Entity('letter_email_marks')
export class LetterEmailMark {
  @Column({ type: 'uuid', primary: true })
  matchId: string;

  @Column({ type: 'uuid', primary: true })
  recipientId: string;

  @Column({ type: 'timestamptz' })
  emailedAt: Date;
}
