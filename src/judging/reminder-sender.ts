import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { getCompetition } from '../competitions/competition-rows';
import { AppConfig } from '../config/app-config';
import { OutboxService } from '../notifications/outbox.service';
import { LIVE_STATUSES } from './assigner';
import { JudgingRound } from './judging-round.entity';
import { recordReminders, unfinishedJudges } from './reminders.store';

/** Reminds the judges of a round who still have entries without a final score. */
@Injectable()
export class JudgeReminderSender {
  constructor(
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Only judges who may score now are counted and reminded: still holding the judge role, in the
   * competition's pool, and not on hold for conflicts they declared (see assignmentAccess).
   * With `only`, just those judges. With `scheduled` (the sweep, at `sentAt`), each judge is
   * reminded at most once for that moment and close (a sweep that runs twice sends nothing the
   * second time); a coordinator's "remind now" is not deduplicated.
   */
  async send(
    m: EntityManager,
    round: JudgingRound,
    scheduled?: { hoursBefore: number; closesAt: Date; sentAt: Date },
    only?: readonly string[],
  ): Promise<number> {
    let judges = await unfinishedJudges(m, round, LIVE_STATUSES, only ?? null);
    if (scheduled && judges.length > 0) {
      const keep = await recordReminders(
        m,
        round.id,
        judges.map((j) => j.judgeId),
        scheduled,
      );
      judges = judges.filter((j) => keep.has(j.judgeId));
    }
    if (judges.length === 0) return 0;
    const competition = await getCompetition(m, round.competitionId);
    await this.outbox.enqueue(
      m,
      judges.map((j) => ({
        type: 'judging.reminder',
        recipient: { userId: j.judgeId, email: j.email, locale: j.locale },
        payload: {
          displayName: j.displayName,
          unfinished: j.unfinished,
          roundName: round.name,
          competitionTitle: competition.title,
          closesAt: round.closesAt.toISOString(),
          hoursBefore: scheduled?.hoursBefore ?? null,
          link: `${this.config.PUBLIC_URL}/api/v1/me/assignments`,
        },
      })),
    );
    return judges.length;
  }
}
