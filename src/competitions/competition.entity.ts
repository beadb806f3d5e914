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
import { Programme } from '../programmes/programme.entity';
import type { CompetitionKind, Eligibility, Limits, RubricCriterion } from './rules/types';

@Entity('competitions')
@Index(['programmeId', 'slug'], { unique: true })
export class Competition {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme?: Programme;

  @Column({ type: 'text' })
  kind: CompetitionKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'timestamptz' })
  submissionOpensAt: Date;

  @Column({ type: 'timestamptz' })
  submissionClosesAt: Date;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  eligibility: Eligibility;

  @Column({ type: 'jsonb' })
  rubric: RubricCriterion[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  limits: Limits;

  /**
   * Set by judging when a round records its first score: from then on the rubric is frozen,
   * because scores already given would no longer mean what they meant.
   */
  @Column({ type: 'timestamptz', nullable: true })
  rubricLockedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
