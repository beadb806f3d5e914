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
import type { Reason } from './core/types';

/** active: published and running; ended: the mentor or a team left (e.g. a deleted account). */
export type MentorshipStatus = 'active' | 'ended';

/** A published pairing of a team's entry with a mentor. */
@Entity('mentorships')
@Index(['roundId', 'submissionId', 'mentorId'], { unique: true })
export class Mentorship {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  roundId: string;

  @ManyToOne(() => MentoringRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: MentoringRound;

  @Column('uuid')
  runId: string;

  @Column('uuid')
  submissionId: string;

  @Index()
  @Column('uuid')
  teamId: string;

  @Index()
  @Column('uuid')
  mentorId: string;

  @Column({ type: 'int' })
  score: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  reasons: Reason[];

  @Column({ type: 'text', default: 'active' })
  status: MentorshipStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** The last check-in, or the introduction: the silence reminder counts from here. */
  @Column({ type: 'timestamptz' })
  lastActivityAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  remindedAt: Date | null;
}

/** What a pair did: when they met, what they discussed, what comes next. */
@Entity('mentoring_check_ins')
export class MentoringCheckIn {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  mentorshipId: string;

  @ManyToOne(() => Mentorship, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentorship_id' })
  mentorship?: Mentorship;

  /** null once its author deleted their account (the pair keeps the record). */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'date' })
  happenedOn: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'text', nullable: true })
  nextSteps: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
