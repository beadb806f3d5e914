import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('refresh_tokens')
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  sessionId: string;

  @Column({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** Set when rotated; presenting a used token again is theft and revokes the session. */
  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  /**
   * The pair this token was rotated into, sealed (AES-256-GCM) with a key derived from this
   * token's secret, which Kenal never stores: a second tab presenting the same token within
   * REFRESH_REUSE_GRACE_SECONDS gets the same pair. Cleared once the grace has passed.
   */
  @Column({ type: 'text', nullable: true })
  successorSealed: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
