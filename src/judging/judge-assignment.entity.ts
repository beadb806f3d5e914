import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Submission } from '../competitions/submission.entity';
import { User } from '../identity/user.entity';
import { JudgingRound } from './judging-round.entity';

export type AssignmentStatus = 'active' | 'recused' | 'removed';
export type ScoreState = 'none' | 'draft' | 'final';
/** Made by the assignment job, or by hand. */
export type AssignmentOrigin = 'solver' | 'manual';

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

  @Column({ type: 'text' })
  origin: AssignmentOrigin;

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
