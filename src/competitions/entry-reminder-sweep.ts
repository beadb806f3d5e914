import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { zonedHuman } from '../common/time-zones';
import { AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { dueReminder, sweepHorizonMs } from '../jobs/reminder-plan';
import { ReminderSweeps } from '../jobs/reminder-sweep';
import { OutboxService } from '../notifications/outbox.service';
import { getProgramme } from '../programmes/programme-rows';
import { Competition } from './competition.entity';
import {
  claimEntryReminders,
  entryDeadlinesWithin,
  entryTitleAndTeam,
  type EntryDeadline,
} from './competitions.store';
import { rosterOf } from './roster.store';
import { REMINDER_HOURS } from './rules/reminders';

/**
 * Reminds every team whose entry is still a draft, before the deadline that applies to it: the
 * competition's close, or its own extension when that is later. The ledger (deadline_reminders)
 * is keyed on the deadline's value: a team reminded before a close that then moves later is
 * reminded again before the new one.
 */
@Injectable()
export class EntryReminderSweep {
  private readonly logger = new Logger(EntryReminderSweep.name);

  constructor(
    private readonly tx: Transactions,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    sweeps: ReminderSweeps,
  ) {
    sweeps.register('entry deadlines', () => this.sweep());
  }

  async sweep(): Promise<{ deadlines: number; teams: number }> {
    const now = this.clock.now();
    const horizon = new Date(now.getTime() + sweepHorizonMs(REMINDER_HOURS));
    const deadlines = await entryDeadlinesWithin(this.tx.manager, now, horizon);
    const out = { deadlines: 0, teams: 0 };
    for (const d of deadlines) {
      const hoursBefore = dueReminder(REMINDER_HOURS, d.deadline, now);
      if (hoursBefore === null) continue;
      out.deadlines += 1;
      out.teams += await this.remind(d, hoursBefore, now);
    }
    return out;
  }

  /**
   * Claims the teams not yet reminded for this deadline and moment, and queues their emails in
   * the same transaction: two sweeps at once remind each team once. The claim checks again that
   * the deadline is the one in force (the close, for teams without a later extension; a team's
   * extension, while it is still theirs and after the close).
   */
  private async remind(d: EntryDeadline, hoursBefore: number, now: Date): Promise<number> {
    return this.tx.run(async (m) => {
      const claimed = await claimEntryReminders(m, d, hoursBefore, now);
      if (claimed.length === 0) return 0;
      const competition = await m.findOneByOrFail(Competition, { id: d.competitionId });
      const programme = await getProgramme(m, competition.programmeId);
      for (const { submissionId } of claimed) {
        const submission = await entryTitleAndTeam(m, submissionId);
        const roster = await rosterOf(m, submission.teamId);
        await this.outbox.enqueue(
          m,
          roster.map((r) => ({
            type: 'submission.deadline_reminder',
            recipient: { userId: r.userId, email: r.email, locale: r.locale },
            payload: {
              displayName: r.displayName,
              submissionId,
              submissionTitle: submission.title,
              competitionTitle: competition.title,
              hoursBefore,
              closesAt: zonedHuman(d.deadline, r.timezone ?? programme.timezone),
              link: `${this.config.PUBLIC_URL}/api/v1/submissions/${submissionId}`,
            },
          })),
        );
      }
      this.logger.log(
        `Reminded ${claimed.length} team(s) ${hoursBefore} h before ${d.deadline.toISOString()} (${competition.id})`,
      );
      return claimed.length;
    });
  }
}
