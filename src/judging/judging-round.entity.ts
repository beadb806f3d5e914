import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Competition } from '../competitions/competition.entity';

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
