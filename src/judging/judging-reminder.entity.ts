import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { JudgingRound } from './judging-round.entity';

/**
 * The judges' reminders' ledger: one row per judge reminded, per moment and close, written with
 * the outbox rows, so no sweep reminds a judge twice (JudgingReminderSweep).
 */
@Entity('judging_reminders')
export class JudgingReminder {
  @PrimaryColumn('uuid')
  roundId: string;

  @ManyToOne(() => JudgingRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: JudgingRound;

  @PrimaryColumn('uuid')
  judgeId: string;

  @PrimaryColumn({ type: 'int' })
  hoursBefore: number;

  @PrimaryColumn({ type: 'timestamptz' })
  closesAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  sentAt: Date;
}
