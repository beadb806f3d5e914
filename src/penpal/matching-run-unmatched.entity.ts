import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { UnmatchedReason } from './matching';

/** A person a run left without a new pen pal, and why: the coordinator's to-do list. */
@Entity('matching_run_unmatched')
@Index(['runId', 'reason'])
export class MatchingRunUnmatched {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  runId: string;

  @Column('uuid')
  userId: string;

  @Column({ type: 'char', length: 2 })
  country: string;

  @Column('text')
  reason: UnmatchedReason;

  /** a sentence for the coordinator, e.g. "no one of a compatible age speaks Thai" */
  @Column('text')
  detail: string;
}
