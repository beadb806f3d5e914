import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PairFacts } from './matching';

/**
 * proposed: in a run not published (yet); published: shown to both, awaiting answers;
 * accepted: both said yes; declined: one said no; carried: a pair an earlier published run made,
 * kept by this run (the earlier row stays the one participants see); cancelled: ended by a
 * coordinator after publication (safeguarding), never proposed again; ended: one of the two pen
 * pals ended an active match (or a coordinator did, deciding a moderation case): no more letters
 * either way, never proposed again.
 */
export type MatchStatus =
  'proposed' | 'published' | 'accepted' | 'declined' | 'carried' | 'cancelled' | 'ended';
export type MatchResponse = 'pending' | 'accepted' | 'declined';

@Entity('penpal_matches')
@Index(['runId', 'score'])
@Index(['roundId', 'userA', 'userB'])
export class PenpalMatch {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  runId: string;

  @Column('uuid')
  roundId: string;

  /** The Korean participant. */
  @Index()
  @Column('uuid')
  userA: string;

  @Column({ type: 'char', length: 2 })
  countryA: string;

  /** The ASEAN participant. */
  @Index()
  @Column('uuid')
  userB: string;

  @Column({ type: 'char', length: 2 })
  countryB: string;

  @Column({ type: 'int' })
  score: number;

  @Column({ type: 'text', array: true })
  reasons: string[];

  /** the reasons as data (PairFacts), so each participant reads them in their own language */
  @Column({ type: 'jsonb', nullable: true })
  reasonFacts: PairFacts | null;

  @Column({ type: 'boolean', default: false })
  pinned: boolean;

  @Column({ type: 'text', default: 'proposed' })
  status: MatchStatus;

  @Column({ type: 'text', default: 'pending' })
  responseA: MatchResponse;

  @Column({ type: 'text', default: 'pending' })
  responseB: MatchResponse;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  /** Who ended it: one of the pen pals, or the coordinator who decided a moderation case. */
  @Column({ type: 'uuid', nullable: true })
  endedBy: string | null;
}
