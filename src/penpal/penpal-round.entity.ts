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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
