import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../identity/user.entity';
import type { MentorLanguage, Sector } from './core/types';

/** What a mentor offers: who they are with, what they know, and how many teams they can take. */
@Entity('mentor_profiles')
export class MentorProfile {
  @PrimaryColumn('uuid')
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  organisation: string;

  @Column({ type: 'text' })
  sector: Sector;

  @Column({ type: 'int', array: true, default: () => "'{}'" })
  sdgs: number[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  topics: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  countries: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  languages: MentorLanguage[];

  @Column({ type: 'int' })
  capacity: number;

  @Column({ type: 'text', nullable: true })
  bio: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
