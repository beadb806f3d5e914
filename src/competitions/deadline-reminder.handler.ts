import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { JobHandlers } from '../jobs/job-handlers';
import { JobName, JobPayloads } from '../jobs/job-registry';
import { OutboxService } from '../notifications/outbox.service';
import { getProgramme } from '../programmes/programme-rows';
import { Competition } from './competition.entity';
import { rosterOf } from './roster';
import { zonedHuman } from '../common/time-zones';

/**
 * Reminds every team whose entry is still a draft. A job planned for a deadline that has since
 * moved does nothing; the ledger row, written with the outbox rows, makes a job that runs
 * twice remind once.
 */
@Injectable()
export class DeadlineReminderHandler implements OnModuleInit {
  private readonly logger = new Logger(DeadlineReminderHandler.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly handlers: JobHandlers,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.DeadlineReminder, (p) => this.remind(p));
  }

  async remind(p: JobPayloads[JobName.DeadlineReminder]): Promise<{ reminded: number }> {
    const planned = new Date(p.closesAt);
    return this.db.transaction(async (m) => {
      const competition = await m.findOneBy(Competition, { id: p.competitionId });
      if (!competition || this.clock.now() >= planned) return { reminded: 0 };
      // A job for a deadline no longer in force reminds no one: the close was moved, or it now
      // falls after the team's extension, which then no longer matters.
      const close = competition.submissionClosesAt.getTime();
      const inForce =
        p.submissionId === undefined ? close === planned.getTime() : close < planned.getTime();
      if (!inForce) return { reminded: 0 };
      const programme = await getProgramme(m, competition.programmeId);
      const claimed: { submissionId: string }[] =
        p.submissionId === undefined
          ? // Teams with an extension have a later deadline than the one this reminder speaks of.
            await m.query(
              `INSERT INTO deadline_reminders (submission_id, hours_before, closes_at)
               SELECT s.id, $2, $3 FROM submissions s
                WHERE s.competition_id = $1 AND s.status = 'draft'
                  AND (s.extension_until IS NULL OR s.extension_until <= $3)
               ON CONFLICT DO NOTHING
               RETURNING submission_id AS "submissionId"`,
              [competition.id, p.hoursBefore, planned],
            )
          : // One team's own deadline, while it is still the extension they have.
            await m.query(
              `INSERT INTO deadline_reminders (submission_id, hours_before, closes_at)
               SELECT s.id, $3, $4 FROM submissions s
                WHERE s.id = $2 AND s.competition_id = $1 AND s.status = 'draft'
                  AND s.extension_until = $4
               ON CONFLICT DO NOTHING
               RETURNING submission_id AS "submissionId"`,
              [competition.id, p.submissionId, p.hoursBefore, planned],
            );
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
              hoursBefore: p.hoursBefore,
              closesAt: zonedHuman(planned, r.timezone ?? programme.timezone),
              link: `${this.config.PUBLIC_URL}/api/v1/submissions/${submissionId}`,
            },
          })),
        );
      }
      this.logger.log(
        `Reminded ${claimed.length} team(s) ${p.hoursBefore} h before ${competition.id} closes`,
      );
      return { reminded: claimed.length };
    });
  }
}
