import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Competition } from '../competitions/competition.entity';
import type { Award as AwardName } from './dto/judging.dto';

export interface Award {
  submissionId: string;
  award: AwardName;
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
