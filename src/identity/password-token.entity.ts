import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * reset, invite: set a password (a reset, or a new staff account's first password);
 * verify_email: proves the address; staff_roles: an existing account's owner accepts staff roles.
 */
export type PasswordTokenPurpose = 'reset' | 'invite' | 'verify_email' | 'staff_roles';

/** A single-use emailed link for one account (see the purposes above); stored hashed. */
@Entity('password_tokens')
export class PasswordToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  userId: string;

  @Column({ type: 'text' })
  purpose: PasswordTokenPurpose;

  @Column({ type: 'text', unique: true })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  /** The roles a staff_roles link grants when accepted. */
  @Column({ type: 'text', array: true, nullable: true })
  roles: string[] | null;

  /** The admin who sent a staff invitation (invite, staff_roles); null for the others. */
  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
