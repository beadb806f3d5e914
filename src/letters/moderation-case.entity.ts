import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type CaseKind = 'held' | 'report';
export type CaseStatus = 'open' | 'decided';
export type CaseDecision = 'release' | 'remove' | 'end_match';
export const REPORT_REASONS = [
  'harassment',
  'inappropriate',
  'contact_details',
  'spam',
  'other',
] as const;

/** A letter brought to the programme's coordinators: held by the detector, or reported. */
@Entity('moderation_cases')
@Index(['programmeId', 'status', 'createdAt'])
@Index(['letterId'])
export class ModerationCase {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  programmeId: string;

  @Column('uuid')
  letterId: string;

  @Column({ type: 'text' })
  kind: CaseKind;

  /** held: 'contact_details'; report: one of REPORT_REASONS. */
  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text', nullable: true })
  detail: string | null;

  /** Who reported it (report cases). */
  @Column({ type: 'uuid', nullable: true })
  reporterId: string | null;

  @Column({ type: 'text', default: 'open' })
  status: CaseStatus;

  @Column({ type: 'text', nullable: true })
  decision: CaseDecision | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
