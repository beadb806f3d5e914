import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { MentoringRound } from './mentoring-round.entity';
import type { JsonObject } from '../common/json';
import type { Reason } from './core/types';

export type MentoringRunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

@Entity('mentoring_runs')
// One run of a round at a time is queued or running, whatever the race.
@Index('UQ_mentoring_runs_one_active', ['roundId'], {
  unique: true,
  where: `status IN ('queued', 'running')`,
})
@Index(['roundId', 'createdAt'])
export class MentoringRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  roundId: string;

  @ManyToOne(() => MentoringRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: MentoringRound;

  @Column({ type: 'text', default: 'queued' })
  status: MentoringRunStatus;

  @Column({ type: 'real', default: 0 })
  progress: number;

  @Column({ type: 'jsonb', nullable: true })
  stats: JsonObject | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column('uuid')
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}

/** A team and a mentor the run proposes, with the score and the reasons as codes. */
@Entity('mentoring_matches')
@Index(['runId', 'score'])
export class MentoringMatch {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  runId: string;

  @ManyToOne(() => MentoringRun, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id' })
  run?: MentoringRun;

  @Column('uuid')
  submissionId: string;

  @Column('uuid')
  teamId: string;

  @Index()
  @Column('uuid')
  mentorId: string;

  @Column({ type: 'int' })
  score: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  reasons: Reason[];

  @Column({ type: 'boolean', default: false })
  pinned: boolean;
}
