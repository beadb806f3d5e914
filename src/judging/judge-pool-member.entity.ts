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

  /**
   * Set when the judge declares a conflict of their own, until it is applied (their assignments
   * here are on hold meanwhile: see JudgePoolService.declareOwn).
   */
  @Column({ type: 'timestamptz', nullable: true })
  conflictsPendingSince: Date | null;

  @Column('uuid')
  addedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
