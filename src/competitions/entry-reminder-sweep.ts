import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';
import { zonedHuman } from '../common/time-zones';
import { AppConfig } from '../config/app-config';
import { dueReminder, sweepHorizonMs } from '../jobs/reminder-plan';
import { ReminderSweeps } from '../jobs/reminder-sweep';
import { OutboxService } from '../notifications/outbox.service';
import { getProgramme } from '../programmes/programme-rows';
import { Competition } from './competition.entity';
import { rosterOf } from './roster.store';
import { REMINDER_HOURS } from './rules/reminders';

/** A deadline of draft teams: the competition's close, or one team's extension past it. */
interface EntryDeadline {
  competitionId: string;
  submissionId: string | null;
  deadline: Date;
}

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
    @InjectDataSource() private readonly db: DataSource,
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
    const deadlines: EntryDeadline[] = await this.db.query(
      `SELECT id AS "competitionId", NULL::uuid AS "submissionId", submission_closes_at AS deadline
         FROM competitions WHERE submission_closes_at > $1 AND submission_closes_at <= $2
       UNION ALL
       SELECT s.competition_id, s.id, s.extension_until
         FROM submissions s JOIN competitions c ON c.id = s.competition_id
        WHERE s.status = 'draft' AND s.extension_until > $1 AND s.extension_until <= $2
          AND s.extension_until > c.submission_closes_at`,
      [now, horizon],
    );
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
    return this.db.transaction(async (m) => {
      const claimed: { submissionId: string }[] = await m.query(
        `INSERT INTO deadline_reminders (submission_id, hours_before, closes_at, sent_at)
         SELECT s.id, $3, $4, $5 FROM submissions s JOIN competitions c ON c.id = s.competition_id
          WHERE s.competition_id = $1 AND s.status = 'draft'
            AND CASE WHEN $2::uuid IS NULL
                  THEN c.submission_closes_at = $4
                       AND (s.extension_until IS NULL OR s.extension_until <= $4)
                  ELSE s.id = $2 AND s.extension_until = $4 AND c.submission_closes_at < $4
                END
         ON CONFLICT DO NOTHING
         RETURNING submission_id AS "submissionId"`,
        [d.competitionId, d.submissionId, hoursBefore, d.deadline, now],
      );
      if (claimed.length === 0) return 0;
      const competition = await m.findOneByOrFail(Competition, { id: d.competitionId });
      const programme = await getProgramme(m, competition.programmeId);
      for (const { submissionId } of claimed) {
        const [submission]: { title: string; teamId: string }[] = await m.query(
          'SELECT title, team_id AS "teamId" FROM submissions WHERE id = $1',
          [submissionId],
        );
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
