import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One request for a guardian's consent; a new profile guardian makes a new row. */
@Entity('guardian_consents')
export class GuardianConsent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  userId: string;

  @Column({ type: 'text' })
  guardianName: string;

  @Column({ type: 'text' })
  guardianEmail: string;

  /** sha256 of the emailed token: a leaked table does not let anyone confirm. */
  @Column({ type: 'text', unique: true })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /**
   * Set when the guardian takes their consent back (or declines before confirming) with the link
   * in their confirmation email; the token stays usable for this only.
   */
  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  /** Set when a newer request replaces this one; a superseded link no longer works. */
  @Column({ type: 'timestamptz', nullable: true })
  supersededAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
