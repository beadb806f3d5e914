import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../identity/user.entity';
import type { AssetRole } from './rules/sniff';
import { bigintAsNumber, Submission } from './submission.entity';

/**
 * A file being sent in pieces (resumable upload). The bytes received so far live in the asset
 * storage under `uploadSessionKey(id)`; their count there is the offset a client resumes from.
 */
@Entity('upload_sessions')
export class UploadSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  @Index()
  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  role: AssetRole;

  /** The file's name on the uploader's device, kept as the asset's original name. */
  @Column({ type: 'text', nullable: true })
  name: string | null;

  /** The size declared when the session began: the upload completes at exactly this many bytes. */
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  size: number;

  /** Set while a request writes to the session, so two requests never write or finish it at once. */
  @Column({ type: 'timestamptz', nullable: true })
  busyUntil: Date | null;

  @Index()
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export const uploadSessionKey = (id: string) => `uploads/${id}`;
