import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonObject } from '../common/json';

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

@Entity('matching_runs')
// At most one run of a round is queued or running: the database refuses a second, whatever the race.
@Index('UQ_matching_runs_one_active', ['roundId'], {
  unique: true,
  where: `status IN ('queued', 'running')`,
})
@Index(['roundId', 'createdAt'])
export class MatchingRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  roundId: string;

  @Column({ type: 'text', default: 'queued' })
  status: RunStatus;

  @Column({ type: 'real', default: 0 })
  progress: number;

  @Column({ type: 'text' })
  seed: string;

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
