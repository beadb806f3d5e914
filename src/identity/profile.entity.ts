import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from './user.entity';

export type LanguageLevel = 'native' | 'fluent' | 'conversational' | 'basic';
export interface ProfileLanguage {
  code: string;
  level: LanguageLevel;
}

@Entity('profiles')
export class Profile {
  @PrimaryColumn('uuid')
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ type: 'date' })
  dateOfBirth: string;

  @Column({ type: 'text', nullable: true })
  gender: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  languages: ProfileLanguage[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  interests: string[];

  @Column({ type: 'text', nullable: true })
  institution: string | null;

  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Column({ type: 'text', nullable: true })
  bio: string | null;

  @Column({ type: 'text', nullable: true })
  timezone: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
