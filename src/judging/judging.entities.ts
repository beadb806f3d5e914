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
import { Competition } from '../competitions/competition.entity';
import { Submission } from '../competitions/submission.entity';
import { User } from '../identity/user.entity';

export interface JudgeConflicts {
  countries?: string[];
  institutions?: string[];
  teamIds?: string[];
}

/** A judge in a competition's pool, with what they declared about themselves. */
@Entity('judge_pool_members')
@Index(['competitionId', 'userId'], { unique: true })
export class JudgePoolMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  competitionId: string;

  @ManyToOne(() => Competition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'competition_id' })
  competition?: Competition;

  @Index()
  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  conflicts: JudgeConflicts;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  expertise: string[];

  @Column('uuid')
  addedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

export type RoundStatus = 'draft' | 'open' | 'closed';
export type RoundSource = { type: 'all_submitted' } | { type: 'shortlist'; roundId: string };

@Entity('judging_rounds')
export class JudgingRound {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  competitionId: string;

  @ManyToOne(() => Competition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'competition_id' })
  competition?: Competition;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'int' })
  judgesPerEntry: number;

  @Column({ type: 'boolean' })
  blind: boolean;

  @Column({ type: 'timestamptz' })
  closesAt: Date;

  @Column({ type: 'jsonb' })
  source: RoundSource;

  @Column({ type: 'int', nullable: true })
  maxLoad: number | null;

  /** As set by the coordinator; an open round whose closesAt has passed is closed all the same. */
  @Column({ type: 'text', default: 'draft' })
  status: RoundStatus;

  /** The entries this round put on its shortlist, the source of a later round. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  shortlist: string[];

  @Column('uuid')
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

@Entity('judge_assignment_runs')
// One queued or running assignment job per round: a second request gets a 409, whatever the race.
@Index('UQ_judge_assignment_runs_one_active', ['roundId'], {
  unique: true,
  where: `status IN ('queued', 'running')`,
})
@Index(['roundId', 'createdAt'])
export class JudgeAssignmentRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  roundId: string;

  @ManyToOne(() => JudgingRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: JudgingRound;

  @Column({ type: 'text', default: 'queued' })
  status: RunStatus;

  @Column({ type: 'jsonb', nullable: true })
  report: JsonObject | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column('uuid')
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}

/** `recused` and `removed` rows stay: they keep the pair from being assigned again. */
export type AssignmentStatus = 'active' | 'recused' | 'removed';
export type ScoreState = 'none' | 'draft' | 'final';

@Entity('judge_assignments')
@Index(['roundId', 'submissionId', 'judgeId'], { unique: true })
@Index(['judgeId', 'status'])
export class JudgeAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  roundId: string;

  @ManyToOne(() => JudgingRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: JudgingRound;

  @Index()
  @Column('uuid')
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  /** The judge's user id. */
  @Column('uuid')
  judgeId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'judge_id' })
  judge?: User;

  @Column({ type: 'text', default: 'active' })
  status: AssignmentStatus;

  /** `solver` or `manual`. */
  @Column({ type: 'text' })
  origin: string;

  @Column({ type: 'text', nullable: true })
  recuseReason: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  scores: Record<string, number>;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'text', default: 'none' })
  scoreState: ScoreState;

  /** Bumped by every save of the score; a save naming an older one is refused. */
  @Column({ type: 'int', default: 0 })
  scoreVersion: number;

  @Column({ type: 'timestamptz', nullable: true })
  scoredAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export interface Award {
  submissionId: string;
  award: string;
}

/** A competition's awards, recorded and then published once. */
@Entity('competition_results')
export class CompetitionResult {
  @PrimaryColumn('uuid')
  competitionId: string;

  @ManyToOne(() => Competition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'competition_id' })
  competition?: Competition;

  @Column({ type: 'jsonb' })
  awards: Award[];

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column('uuid')
  recordedById: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One row per reminder sent, so a reminder job that runs twice reminds nobody twice. */
@Entity('judging_reminders')
export class JudgingReminder {
  @PrimaryColumn('uuid')
  roundId: string;

  @ManyToOne(() => JudgingRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: JudgingRound;

  @PrimaryColumn('uuid')
  judgeId: string;

  @PrimaryColumn({ type: 'int' })
  hoursBefore: number;

  @PrimaryColumn({ type: 'timestamptz' })
  closesAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  sentAt: Date;
}
