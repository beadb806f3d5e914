import { Inject, Injectable } from '@nestjs/common';
import { Between } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { dueReminder, sweepHorizonMs } from '../jobs/reminder-plan';
import { ReminderSweeps } from '../jobs/reminder-sweep';
import { roundState } from './judging-access';
import { JudgingRound } from './judging-round.entity';
import { JudgeReminderSender } from './reminder-sender';
import { JUDGE_REMINDER_HOURS } from './reminders';

/**
 * Reminds the judges of open rounds before the close (JUDGE_REMINDER_HOURS). The sender's ledger
 * (judging_reminders) is keyed on the close: a round whose close moves later reminds again.
 */
@Injectable()
export class JudgingReminderSweep {
  constructor(
    private readonly tx: Transactions,
    private readonly sender: JudgeReminderSender,
    @Inject(CLOCK) private readonly clock: Clock,
    sweeps: ReminderSweeps,
  ) {
    sweeps.register('judging deadlines', () => this.sweep());
  }

  async sweep(): Promise<{ rounds: number; judges: number }> {
    const now = this.clock.now();
    const horizon = new Date(now.getTime() + sweepHorizonMs(JUDGE_REMINDER_HOURS));
    const rounds = await this.tx.manager.find(JudgingRound, {
      select: { id: true, closesAt: true },
      where: { status: 'open', closesAt: Between(now, horizon) },
    });
    const out = { rounds: 0, judges: 0 };
    for (const { id, closesAt } of rounds) {
      const hoursBefore = dueReminder(JUDGE_REMINDER_HOURS, closesAt, now);
      if (hoursBefore === null) continue;
      out.rounds += 1;
      out.judges += await this.tx.run(async (m) => {
        // Read again in the transaction: a close moved or a round closed since is not reminded.
        const round = await m.findOneBy(JudgingRound, { id });
        if (!round || round.closesAt.getTime() !== closesAt.getTime()) return 0;
        if (roundState(round, now) !== 'open') return 0;
        return this.sender.send(m, round, { hoursBefore, closesAt, sentAt: now });
      });
    }
    return out;
  }
}
