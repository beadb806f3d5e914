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
