import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('penpal_enrolments')
@Index(['roundId', 'userId'], { unique: true })
export class PenpalEnrolment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  roundId: string;

  @Index()
  @Column('uuid')
  userId: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  preferredCountries: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  practiseLanguages: string[];

  @Column({ type: 'text', nullable: true })
  genderPreference: string | null;

  /** Pen pals wanted; never more than the round's penpalsPerParticipant. */
  @Column({ type: 'int' })
  capacity: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
