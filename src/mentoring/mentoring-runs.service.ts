import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { conflict } from '../common/errors/app-error';
import { PageQuery, pageOf, skipTake } from '../common/http/pagination';
import type { JsonObject } from '../common/json';
import { projectEntries } from '../competitions/project-entries';
import { isUniqueViolation } from '../database/errors';
import { peopleOf } from '../identity/people';
import { JobName } from '../jobs/job-registry';
import { QueueService } from '../jobs/queue.service';
import { renderReasons, renderShortReason } from './core/reasons';
import type { ShortTeam } from './core/types';
import { MentorProfile } from './mentor-profile.entity';
import { MentoringAccess } from './mentoring-access';
import { MentoringMatch, MentoringRun } from './mentoring-run.entity';
import { MentoringIntroductions } from './introductions';

type StoredStats = JsonObject & { short?: ShortTeam[] };

@Injectable()
export class MentoringRunsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: MentoringAccess,
    private readonly queues: QueueService,
    private readonly audit: AuditService,
    private readonly introductions: MentoringIntroductions,
  ) {}

  /**
   * Queues a run (202). With Redis away it answers 503 before writing anything; the job is added
   * after the row commits, and the hourly maintenance adds it again should that fail.
   */
  async start(actor: Principal, roundId: string) {
    await this.queues.assertAvailable();
    let run: MentoringRun;
    try {
      run = await this.db.transaction(async (m) => {
        await this.access.managedRound(m, actor, roundId);
        const created = await m.save(
          m.create(MentoringRun, { roundId, createdBy: actor.id, status: 'queued' }),
        );
        await this.audit.record(m, {
          actorId: actor.id,
          action: 'mentoring_run.started',
          targetType: 'mentoring_round',
          targetId: roundId,
          details: { runId: created.id },
        });
        return created;
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw conflict('A run of this round is already queued or running', 'RUN_IN_PROGRESS');
      }
      throw err;
    }
    await this.queues.enqueueCommitted(JobName.RunMentoringMatching, { runId: run.id }, run.id);
    return { id: run.id };
  }

  async list(actor: Principal, roundId: string) {
    await this.access.managedRound(this.db.manager, actor, roundId);
    const runs = await this.db.getRepository(MentoringRun).find({
      where: { roundId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: 100,
    });
    return { items: runs.map((r) => runView(r, actor.locale)) };
  }

  async get(actor: Principal, runId: string) {
    const { run } = await this.access.managedRun(this.db.manager, actor, runId);
    return runView(run, actor.locale);
  }

  /** Proposed pairs, team by team (best pair first within a team), reasons in the reader's language. */
  async matches(actor: Principal, runId: string, q: PageQuery) {
    const m = this.db.manager;
    await this.access.managedRun(m, actor, runId);
    const [items, total] = await m.findAndCount(MentoringMatch, {
      where: { runId },
      order: { submissionId: 'ASC', score: 'DESC', id: 'ASC' },
      ...skipTake(q),
    });
    const entries = new Map(
      (await projectEntries(m, [...new Set(items.map((x) => x.submissionId))])).map((e) => [
        e.submissionId,
        e,
      ]),
    );
    const mentorIds = [...new Set(items.map((x) => x.mentorId))];
    const names = new Map((await peopleOf(m, mentorIds)).map((p) => [p.id, p.displayName]));
    const profiles = new Map(
      (mentorIds.length
        ? await m.find(MentorProfile, { where: mentorIds.map((userId) => ({ userId })) })
        : []
      ).map((p) => [p.userId, p]),
    );
    return pageOf(
      items.map((x) => ({
        id: x.id,
        teamId: x.teamId,
        submissionId: x.submissionId,
        teamName: entries.get(x.submissionId)?.teamName ?? '',
        mentor: {
          userId: x.mentorId,
          displayName: names.get(x.mentorId) ?? '',
          organisation: profiles.get(x.mentorId)?.organisation ?? '',
          sector: profiles.get(x.mentorId)?.sector ?? '',
        },
        score: x.score,
        reasons: renderReasons(x.reasons, actor.locale),
        pinned: x.pinned,
      })),
      total,
      q,
    );
  }

  /**
   * Turns the run's pairs into mentorships (pairs published earlier stay as they are) and
   * introduces every new pair: the mentor and each team member, by email and in-app.
   */
  async publish(actor: Principal, runId: string) {
    return this.db.transaction(async (m) => {
      const run = await m.findOne(MentoringRun, {
        where: { id: runId },
        lock: { mode: 'pessimistic_write' },
      });
      const { round } = await this.access.managedRun(m, actor, runId);
      if (!run || run.status !== 'succeeded') {
        throw conflict('Only a finished run can be published', 'RUN_NOT_FINISHED');
      }
      if (run.publishedAt) throw conflict('This run is already published', 'ALREADY_PUBLISHED');
      // The round's row orders publications against runs reading their input (the job holds it
      // FOR SHARE while it reads): a run that read before another publication may overfill mentors.
      await m.query(`SELECT 1 FROM mentoring_rounds WHERE id = $1 FOR UPDATE`, [round.id]);
      await assertNotStale(m, run);
      const created: { id: string }[] = await m.query(
        `INSERT INTO mentorships (round_id, run_id, submission_id, team_id, mentor_id, score, reasons, last_activity_at)
         SELECT $2, x.run_id, x.submission_id, x.team_id, x.mentor_id, x.score, x.reasons, now()
           FROM mentoring_matches x WHERE x.run_id = $1
         ON CONFLICT (round_id, submission_id, mentor_id) DO NOTHING
         RETURNING id`,
        [runId, round.id],
      );
      await m.query(`UPDATE mentoring_runs SET published_at = clock_timestamp() WHERE id = $1`, [
        runId,
      ]);
      const introductions = await this.introductions.introduce(
        m,
        round,
        created.map((c) => c.id),
      );
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'mentoring_run.published',
        targetType: 'mentoring_round',
        targetId: round.id,
        details: { runId, mentorships: created.length, introductions },
      });
      return { runId, mentorships: created.length, introductions };
    });
  }
}

async function assertNotStale(m: EntityManager, run: MentoringRun): Promise<void> {
  const [row] = (await m.query(
    `SELECT EXISTS (SELECT 1 FROM mentoring_runs r
                     WHERE r.round_id = $2 AND r.id <> $1
                       AND (r.created_at > $3 OR (r.published_at IS NOT NULL AND r.published_at >= $4))) AS stale`,
    [run.id, run.roundId, run.createdAt, run.startedAt ?? run.createdAt],
  )) as { stale: boolean }[];
  if (row.stale) {
    throw conflict(
      'A newer run of this round exists, or one was published after this run read its input',
      'STALE_RUN',
    );
  }
}

function runView(run: MentoringRun, locale: string) {
  const stats = run.stats as StoredStats | null;
  return {
    id: run.id,
    roundId: run.roundId,
    status: run.status,
    progress: run.progress,
    ...(stats
      ? {
          stats: {
            ...stats,
            short: (stats.short ?? []).map((s) => ({
              ...s,
              reasonText: renderShortReason(s.reason, locale),
            })),
          },
        }
      : {}),
    ...(run.error ? { error: run.error } : {}),
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
    publishedAt: run.publishedAt,
  };
}
