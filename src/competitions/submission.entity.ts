import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { JsonObject } from '../common/json';
import { Competition } from './competition.entity';
import type { AssetRole } from './rules/sniff';
import type {
  CompetitionKind,
  SubmissionFields,
  SubmissionStatus,
  VersionAction,
} from './rules/types';
import { Team } from './team.entity';

@Entity('submissions')
@Index(['competitionId', 'status'])
export class Submission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  competitionId: string;

  @ManyToOne(() => Competition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'competition_id' })
  competition?: Competition;

  @Index()
  @Column('uuid')
  teamId: string;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team?: Team;

  @Column({ type: 'text' })
  kind: CompetitionKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: 'draft' })
  status: SubmissionStatus;

  /** The movie or project fields, as the kind's DTO validated them. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  fields: SubmissionFields;

  /** Bumped by every change; an edit naming an older one is refused rather than overwriting. */
  @Column({ type: 'int', default: 1 })
  version: number;

  /** A coordinator's extension for this team only; the later of this and the close applies. */
  @Column({ type: 'timestamptz', nullable: true })
  extensionUntil: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column('uuid')
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('submission_versions')
@Index(['submissionId', 'version'], { unique: true })
export class SubmissionVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  action: VersionAction;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes: JsonObject;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export const bigintAsNumber = {
  to: (v: number) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

@Entity('submission_assets')
export class SubmissionAsset {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  @Column({ type: 'text' })
  role: AssetRole;

  /** Sniffed from the content, not taken from the client. */
  @Column({ type: 'text' })
  mime: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  size: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'text' })
  storageKey: string;

  @Column({ type: 'text', nullable: true })
  originalName: string | null;

  @Column('uuid')
  uploadedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** The stored answer to a request that carried an Idempotency-Key, per caller and key. */
@Entity('idempotency_keys')
export class IdempotencyKey {
  @PrimaryColumn('uuid')
  userId: string;

  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  requestHash: string;

  @Column({ type: 'int' })
  responseStatus: number;

  @Column({ type: 'jsonb' })
  responseBody: JsonObject;

  @Index()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * The entry reminders' ledger: one row per team reminded, per moment and deadline value, written
 * with the outbox rows, so no sweep reminds a team twice (EntryReminderSweep).
 */
@Entity('deadline_reminders')
export class DeadlineReminder {
  @PrimaryColumn('uuid')
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  @PrimaryColumn({ type: 'int' })
  hoursBefore: number;

  @PrimaryColumn({ type: 'timestamptz' })
  closesAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  sentAt: Date;
}
