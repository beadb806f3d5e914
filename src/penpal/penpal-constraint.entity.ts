import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ConstraintType = 'pin' | 'forbid';

/** A coordinator's decision about one pair; userA < userB so a pair is stored once. */
@Entity('penpal_constraints')
@Index(['roundId', 'userA', 'userB'], { unique: true })
export class PenpalConstraint {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  roundId: string;

  @Column({ type: 'text' })
  type: ConstraintType;

  @Column('uuid')
  userA: string;

  @Column('uuid')
  userB: string;

  @Column('uuid')
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
