import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { conflict } from '../common/errors/app-error';
import { PageQuery, pageOf, skipTake } from '../common/http/pagination';
import { projectEntries } from '../competitions/project-entry-rows';
import { isUniqueViolation } from '../database/errors';
import { peopleOf } from '../identity/people-rows';
import { JobName } from '../jobs/job-registry';
import { QueueService } from '../jobs/queue.service';
import { MentorProfile } from './mentor-profile.entity';
import { MentoringAccess } from './mentoring-access';
import { MentoringMatch, MentoringRun } from './mentoring-run.entity';
import { MentoringIntroductions } from './introductions';
import {
  MentoringMatchPageDto,
  MentoringPublishedDto,
  MentoringRunDto,
  MentoringRunListDto,
  RunAcceptedDto,
} from './dto/run.dto';
import { runView, toMentoringMatchDto } from './mentoring-run-view';
import { Transactions } from '../database/transactions';
import { lockMentoringRound, mentoringRunIsStale, publishMentoringRun } from './mentoring.store';

@Injectable()
export class MentoringRunsService {
  constructor(
    private readonly tx: Transactions,
    private readonly access: MentoringAccess,
    private readonly queues: QueueService,
    private readonly audit: AuditService,
    private readonly introductions: MentoringIntroductions,
  ) {}

  /**
   * Queues a run (202). With Redis away it answers 503 before writing anything; the job is added
   * after the row commits, and the hourly maintenance adds it again should that fail.
   */
  async start(actor: Principal, roundId: string): Promise<RunAcceptedDto> {
    await this.queues.assertAvailable();
    let run: MentoringRun;
    try {
      run = await this.tx.run(async (m) => {
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

  async list(actor: Principal, roundId: string): Promise<MentoringRunListDto> {
    await this.access.managedRound(this.tx.manager, actor, roundId);
    const runs = await this.tx.manager.getRepository(MentoringRun).find({
      where: { roundId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: 100,
    });
    return { items: runs.map((r) => runView(r, actor.locale)) };
  }

  async get(actor: Principal, runId: string): Promise<MentoringRunDto> {
    const { run } = await this.access.managedRun(this.tx.manager, actor, runId);
    return runView(run, actor.locale);
  }

  /** Proposed pairs, team by team (best pair first within a team), reasons in the reader's language. */
  async matches(actor: Principal, runId: string, q: PageQuery): Promise<MentoringMatchPageDto> {
    const m = this.tx.manager;
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
      items.map((x) =>
        toMentoringMatchDto(x, actor.locale, {
          teamName: entries.get(x.submissionId)?.teamName ?? '',
          mentorName: names.get(x.mentorId) ?? '',
          profile: profiles.get(x.mentorId),
        }),
      ),
      total,
      q,
    );
  }

  /**
   * Turns the run's pairs into mentorships (pairs published earlier stay as they are) and
   * introduces every new pair: the mentor and each team member, by email and in-app.
   */
  async publish(actor: Principal, runId: string): Promise<MentoringPublishedDto> {
    return this.tx.run(async (m) => {
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
      await lockMentoringRound(m, round.id, 'UPDATE');
      await assertNotStale(m, run);
      const created = await publishMentoringRun(m, runId, round.id);
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
  if (await mentoringRunIsStale(m, run)) {
    throw conflict(
      'A newer run of this round exists, or one was published after this run read its input',
      'STALE_RUN',
    );
  }
}
