import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';

export type TeamSource = { type: 'awarded' } | { type: 'shortlist'; roundId: string };

/** A competition's mentoring: which teams take part, how many mentors each, and when. */
@Entity('mentoring_rounds')
@Index(['competitionId', 'createdAt'])
export class MentoringRound {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  competitionId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'jsonb' })
  teams: TeamSource;

  @Column({ type: 'int' })
  mentorsPerTeam: number;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column('uuid')
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A mentor taking part in a round. */
@Entity('mentoring_round_mentors')
export class MentoringRoundMentor {
  @PrimaryColumn('uuid')
  roundId: string;

  @ManyToOne(() => MentoringRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: MentoringRound;

  @Index()
  @PrimaryColumn('uuid')
  userId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  addedAt: Date;
}

export type PairRule = 'pin' | 'forbid';

/** A coordinator's decision about one team and one mentor, read by the next run. */
@Entity('mentoring_constraints')
@Index(['roundId', 'submissionId', 'mentorId'], { unique: true })
export class MentoringConstraint {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  roundId: string;

  @ManyToOne(() => MentoringRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: MentoringRound;

  @Column('uuid')
  submissionId: string;

  @Index()
  @Column('uuid')
  mentorId: string;

  @Column({ type: 'text' })
  type: PairRule;

  @Column('uuid')
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
