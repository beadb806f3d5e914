import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { JsonObject } from '../common/json';
import { JudgingRound } from './judging-round.entity';

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/**
 * Why a round is topped up outside a coordinator's run: a judge recused from an entry, or a
 * judge's open work was withdrawn (taken out of the pool, conflicts added, account erased).
 */
export type RunCause =
  | { type: 'recusal'; assignmentId: string; reason: string }
  | { type: 'withdrawal'; userId: string; entryIds: string[] };

@Entity('judge_assignment_runs')
// One queued or running coordinator's run per round: a second request gets a 409, whatever the
// race. Top-ups (with a cause) queue beside it and run one after another under the round's lock.
@Index('UQ_judge_assignment_runs_one_active', ['roundId'], {
  unique: true,
  where: `status IN ('queued', 'running') AND cause IS NULL`,
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

  /** Null for a coordinator's run. */
  @Column({ type: 'jsonb', nullable: true })
  cause: RunCause | null;

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
