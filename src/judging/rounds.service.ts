import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Transactions } from '../database/transactions';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { CLOCK, type Clock } from '../common/clock';
import { badRequest, conflict, unprocessable } from '../common/errors/app-error';
import { JobName } from '../jobs/job-registry';
import { QueueService } from '../jobs/queue.service';
import { isUniqueViolation } from '../database/errors';
import { RateLimiter } from '../common/redis/rate-limiter';
import {
  CreateJudgingRoundDto,
  JobAcceptedDto,
  JudgeLoadDto,
  JudgingRoundListDto,
  RemindDto,
  RemindResponseDto,
  RoundResponseDto,
  UnassignedDto,
  UpdateJudgingRoundDto,
} from './dto/judging.dto';
import { JudgeAssignmentRun } from './judge-assignment-run.entity';
import { JudgingRound, type RoundSource } from './judging-round.entity';
import { JudgingAccess, roundClosed, roundState } from './judging-access';
import { JudgeReminderSender } from './reminder-sender';

const futureInstant = (path: string, value: string, now: Date): Date => {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw badRequest('VALIDATION_FAILED', `${path} is not a valid instant`, [
      { path, message: 'not a valid instant' },
    ]);
  }
  if (date.getTime() <= now.getTime()) {
    throw badRequest('VALIDATION_FAILED', `${path} must be in the future`, [
      { path, message: 'must be in the future' },
    ]);
  }
  return date;
};

/** "Remind now" calls a coordinator may make per round per hour. */
export const REMIND_NOW_LIMIT = 5;
const REMIND_NOW_WINDOW_SECONDS = 3600;

@Injectable()
export class RoundsService {
  constructor(
    private readonly tx: Transactions,
    private readonly access: JudgingAccess,
    private readonly audit: AuditService,
    private readonly queues: QueueService,
    private readonly sender: JudgeReminderSender,
    private readonly limiter: RateLimiter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(
    actor: Principal,
    competitionId: string,
    dto: CreateJudgingRoundDto,
  ): Promise<RoundResponseDto> {
    const closesAt = futureInstant('closesAt', dto.closesAt, this.clock.now());
    const round = await this.tx.run(async (m) => {
      await this.access.managedCompetition(m, actor, competitionId);
      let source: RoundSource = { type: 'all_submitted' };
      if (dto.source.type === 'shortlist') {
        const earlier = await m.findOneBy(JudgingRound, { id: dto.source.roundId });
        if (!earlier || earlier.competitionId !== competitionId) {
          throw unprocessable(
            'UNKNOWN_ROUND',
            'source.roundId must be an earlier round of this competition',
            [{ path: 'source.roundId', message: 'not a round of this competition' }],
          );
        }
        source = { type: 'shortlist', roundId: earlier.id };
      }
      const round = await m.save(
        m.create(JudgingRound, {
          competitionId,
          name: dto.name,
          judgesPerEntry: dto.judgesPerEntry,
          blind: dto.blind,
          closesAt,
          source,
          maxLoad: dto.maxLoad ?? null,
          status: 'draft',
          createdById: actor.id,
        }),
      );
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'judging_round.created',
        targetType: 'judging_round',
        targetId: round.id,
        details: { competitionId, name: round.name, blind: round.blind },
      });
      return round;
    });
    return this.view(this.tx.manager, round);
  }

  /** The competition's rounds, oldest first, each with the state of its latest assignment run. */
  async list(actor: Principal, competitionId: string): Promise<JudgingRoundListDto> {
    const m = this.tx.manager;
    await this.access.managedCompetition(m, actor, competitionId);
    const rounds = await m.find(JudgingRound, {
      where: { competitionId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const items = [];
    for (const round of rounds) items.push(await this.view(m, round));
    return { items };
  }

  async get(actor: Principal, roundId: string): Promise<RoundResponseDto> {
    const { round } = await this.access.managedRound(this.tx.manager, actor, roundId);
    return this.view(this.tx.manager, round);
  }

  /** draft → open → closed, and moving the close (which moves the reminders). */
  async update(
    actor: Principal,
    roundId: string,
    dto: UpdateJudgingRoundDto,
  ): Promise<RoundResponseDto> {
    const now = this.clock.now();
    const closesAt = dto.closesAt ? futureInstant('closesAt', dto.closesAt, now) : undefined;
    const round = await this.tx.run(async (m) => {
      const { round } = await this.access.managedRound(m, actor, roundId, { lock: true });
      const state = roundState(round, now);
      if (closesAt && state === 'closed') throw roundClosed();
      if (dto.status && dto.status !== state) {
        const allowed =
          (state === 'draft' && dto.status === 'open') ||
          (state === 'open' && dto.status === 'closed');
        if (!allowed) {
          throw conflict(
            `A ${state} round cannot become ${dto.status} (draft → open → closed)`,
            'INVALID_TRANSITION',
          );
        }
      }
      if (dto.status) round.status = dto.status;
      if (closesAt) round.closesAt = closesAt;
      await m.update(
        JudgingRound,
        { id: round.id },
        { status: round.status, closesAt: round.closesAt },
      );
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'judging_round.updated',
        targetType: 'judging_round',
        targetId: round.id,
        details: {
          ...(dto.status ? { status: dto.status } : {}),
          ...(closesAt ? { closesAt: closesAt.toISOString() } : {}),
        },
      });
      return round;
    });
    return this.view(this.tx.manager, round);
  }

  /**
   * Queues an assignment run. With Redis away it answers 503 before writing anything; the job is
   * added after the row commits, and should that add fail the hourly maintenance adds it.
   */
  async startAssignment(actor: Principal, roundId: string): Promise<JobAcceptedDto> {
    await this.queues.assertAvailable();
    let runId: string;
    try {
      runId = await this.tx.run(async (m) => {
        const { round } = await this.access.managedRound(m, actor, roundId, { lock: true });
        if (roundState(round, this.clock.now()) === 'closed') throw roundClosed();
        const run = await m.save(
          m.create(JudgeAssignmentRun, { roundId, status: 'queued', createdById: actor.id }),
        );
        await this.audit.record(m, {
          actorId: actor.id,
          action: 'judging_round.assignment_started',
          targetType: 'judging_round',
          targetId: roundId,
          details: { runId: run.id },
        });
        return run.id;
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw conflict(
          'An assignment run of this round is already queued or running',
          'RUN_IN_PROGRESS',
        );
      }
      throw err;
    }
    await this.queues.enqueueCommitted(JobName.RunJudgeAssignment, { runId }, runId);
    return { jobId: runId };
  }

  /**
   * The coordinator's "remind now": every judge who may score in the round and has an entry still
   * lacking a final score, or only those of `judgeIds`. At most REMIND_NOW_LIMIT a coordinator
   * per round per hour, so judges are not flooded.
   */
  async remindNow(
    actor: Principal,
    roundId: string,
    dto: RemindDto = {},
  ): Promise<RemindResponseDto> {
    await this.limiter.enforce(
      `judging-remind:${roundId}:${actor.id}`,
      REMIND_NOW_LIMIT,
      REMIND_NOW_WINDOW_SECONDS,
    );
    return this.tx.run(async (m) => {
      const { round } = await this.access.managedRound(m, actor, roundId);
      if (roundState(round, this.clock.now()) === 'closed') throw roundClosed();
      const reminded = await this.sender.send(m, round, undefined, dto.judgeIds);
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'judging_round.reminded',
        targetType: 'judging_round',
        targetId: round.id,
        details: { reminded, ...(dto.judgeIds ? { judgeIds: dto.judgeIds } : {}) },
      });
      return { reminded };
    });
  }

  private async view(m: EntityManager, round: JudgingRound): Promise<RoundResponseDto> {
    const run = await m.findOne(JudgeAssignmentRun, {
      where: { roundId: round.id },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    // The stored report of a run is what assignment-job.ts's runReport wrote (JudgeLoad, UnassignedEntry).
    const report = (run?.report ?? {}) as {
      perJudgeLoad?: JudgeLoadDto[];
      unassigned?: UnassignedDto[];
      added?: number;
      conflictCount?: number;
      replaced?: number;
    };
    return {
      id: round.id,
      competitionId: round.competitionId,
      name: round.name,
      judgesPerEntry: round.judgesPerEntry,
      blind: round.blind,
      closesAt: round.closesAt.toISOString(),
      source: round.source,
      maxLoad: round.maxLoad,
      status: roundState(round, this.clock.now()),
      shortlist: round.shortlist,
      assignment: {
        status: run?.status ?? 'none',
        jobId: run?.id ?? null,
        perJudgeLoad: report.perJudgeLoad ?? [],
        unassigned: report.unassigned ?? [],
        ...(report.added !== undefined ? { added: report.added } : {}),
        ...(report.conflictCount !== undefined ? { conflictCount: report.conflictCount } : {}),
        ...(run ? { cause: run.cause?.type ?? 'run' } : {}),
        ...(report.replaced !== undefined ? { replaced: report.replaced } : {}),
        error: run?.error ?? null,
      },
      createdAt: round.createdAt.toISOString(),
    };
  }
}
