import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { getCompetition } from '../competitions/competition-rows';
import { AppConfig } from '../config/app-config';
import { OutboxService } from '../notifications/outbox.service';
import { LIVE_STATUSES } from './assigner';
import { JudgingRound } from './judging-round.entity';

interface Unfinished {
  judgeId: string;
  email: string;
  displayName: string;
  locale: string;
  unfinished: number;
}

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
    let judges: Unfinished[] = await m.query(
      `SELECT a.judge_id AS "judgeId", u.email, u.display_name AS "displayName", u.locale,
              count(*)::int AS unfinished
         FROM judge_assignments a
         JOIN submissions s ON s.id = a.submission_id
         JOIN users u ON u.id = a.judge_id
         JOIN judge_pool_members pm
           ON pm.competition_id = $3 AND pm.user_id = a.judge_id
          AND pm.conflicts_pending_since IS NULL
        WHERE a.round_id = $1 AND a.status = 'active' AND a.score_state <> 'final'
          AND s.status = ANY($2::text[]) AND 'judge' = ANY(u.roles)
          AND ($4::uuid[] IS NULL OR a.judge_id = ANY($4::uuid[]))
        GROUP BY a.judge_id, u.email, u.display_name, u.locale
        ORDER BY a.judge_id`,
      [round.id, LIVE_STATUSES, round.competitionId, only ?? null],
    );
    if (scheduled && judges.length > 0) {
      const fresh: { judge_id: string }[] = await m.query(
        `INSERT INTO judging_reminders (round_id, judge_id, hours_before, closes_at, sent_at)
         SELECT $1, unnest($2::uuid[]), $3, $4, $5
         ON CONFLICT DO NOTHING RETURNING judge_id`,
        [
          round.id,
          judges.map((j) => j.judgeId),
          scheduled.hoursBefore,
          scheduled.closesAt,
          scheduled.sentAt,
        ],
      );
      const keep = new Set(fresh.map((r) => r.judge_id));
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
