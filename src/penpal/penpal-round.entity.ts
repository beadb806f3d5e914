import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export interface RoundRulesValue {
  minAge?: number;
  maxAge?: number;
  maxAgeGapYears?: number;
  requireSharedLanguage?: boolean;
}

export interface RoundWeightsValue {
  language?: number;
  interests?: number;
  age?: number;
  preferences?: number;
}

export type LetterDelay = 'none' | 'distance';

@Entity('penpal_rounds')
export class PenpalRound {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  programmeId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'timestamptz' })
  enrolmentOpensAt: Date;

  @Column({ type: 'timestamptz' })
  enrolmentClosesAt: Date;

  @Column({ type: 'int', default: 1 })
  penpalsPerParticipant: number;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  rules: RoundRulesValue;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  weights: RoundWeightsValue;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  countryBalance: { minPerCountry?: number };

  /** 'distance': letters travel for a time that grows with the distance between the countries. */
  @Column({ type: 'text', default: 'none' })
  letterDelay: LetterDelay;

  /** Letters one writer may send on one match in 24 hours. */
  @Column({ type: 'int', default: 5 })
  lettersPerDay: number;

  /** Hold adults' letters with contact details too (minors' letters always are). */
  @Column({ type: 'boolean', default: false })
  screenAdultLetters: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
