import { Inject, Injectable } from '@nestjs/common';
import { containsPattern } from '../common/sql-like';
import { EntityManager } from 'typeorm';
import { Transactions } from '../database/transactions';
import { CLOCK, type Clock } from '../common/clock';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { AccountErasure, type ErasureContext } from '../common/erasure/account-erasure';
import { conflict, notFound, unprocessable } from '../common/errors/app-error';
import { AppConfig } from '../config/app-config';
import { findUser, getUser } from '../identity/user-rows';
import { isUniqueViolation } from '../database/errors';
import { OutboxService } from '../notifications/outbox.service';
import { conflictReasons, normaliseCountry, normaliseInstitution } from './assignment';
import {
  assignmentEntries,
  JudgeAssigner,
  LIVE_STATUSES,
  lockRounds,
  poolJudges,
} from './assigner';
import {
  competitionsOfJudge,
  eraseDraftScores,
  finalScoresKept,
  removalCounts,
} from './assignments.store';
import { judgeCandidates, staffCompetitions } from './judge-pool.store';
import { deleteJudgeReminders } from './reminders.store';
import { competitionEntries } from './round-entries.store';
import {
  AddJudgeDto,
  ConflictsDto,
  JudgeCandidatesDto,
  JudgePoolDto,
  JudgePoolMemberDto,
  JudgeRemovalPreviewDto,
  JudgeRemovedDto,
  JudgeResponseDto,
  JudgeUpdatedDto,
  StaffCompetitionsDto,
  UpdateJudgeDto,
} from './dto/judging.dto';
import { JudgePoolMember, type JudgeConflicts } from './judge-pool-member.entity';
import { JudgingAccess } from './judging-access';
import { TopUpRuns } from './top-up-runs';

/** Declared conflicts merged without duplicates; institutions compare as the solver compares them. */
export function mergeConflicts(a: JudgeConflicts, b: ConflictsDto | undefined): JudgeConflicts {
  const union = (x: string[] = [], y: string[] = [], key: (s: string) => string) => {
    const seen = new Set(x.map(key));
    return [...x, ...y.filter((v) => !seen.has(key(v)) && seen.add(key(v)))];
  };
  return {
    countries: union(a.countries, b?.countries, normaliseCountry),
    institutions: union(a.institutions, b?.institutions, normaliseInstitution),
    teamIds: union(a.teamIds, b?.teamIds, (s) => s),
  };
}

@Injectable()
export class JudgePoolService {
  constructor(
    private readonly tx: Transactions,
    private readonly access: JudgingAccess,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly assigner: JudgeAssigner,
    private readonly topUps: TopUpRuns,
    @Inject(CLOCK) private readonly clock: Clock,
    erasure: AccountErasure,
  ) {
    erasure.register('judging', (m, person, ctx) => this.eraseJudge(m, person.id, ctx));
  }

  async add(actor: Principal, competitionId: string, dto: AddJudgeDto): Promise<JudgeResponseDto> {
    try {
      return await this.tx.run(async (m) => {
        const competition = await this.access.managedCompetition(m, actor, competitionId);
        const user = await findUser(m, dto.userId);
        if (!user) throw notFound('User');
        if (!user.roles.includes('judge')) {
          throw unprocessable('NOT_A_JUDGE', 'Only users with the judge role can join a pool');
        }
        const member = await m.save(
          m.create(JudgePoolMember, {
            competitionId,
            userId: user.id,
            conflicts: mergeConflicts({}, dto.conflicts),
            expertise: [...new Set(dto.expertise ?? [])],
            addedById: actor.id,
          }),
        );
        await this.audit.record(m, {
          actorId: actor.id,
          action: 'judge_pool.added',
          targetType: 'competition',
          targetId: competitionId,
          details: { userId: user.id },
        });
        await this.outbox.enqueue(m, {
          type: 'judging.added_to_pool',
          recipient: { userId: user.id, email: user.email, locale: user.locale },
          payload: {
            displayName: user.displayName,
            competitionTitle: competition.title,
            link: `${this.config.PUBLIC_URL}/api/v1/competitions/${competitionId}/judges/me/conflicts`,
          },
        });
        return judgeView(member, user.displayName);
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw conflict('This judge is already in the pool', 'ALREADY_IN_POOL');
      }
      throw err;
    }
  }

  /**
   * The competitions whose judging the caller runs: those of programmes they coordinate (every
   * one for an admin), with how far judging has gone.
   */
  async staffCompetitions(actor: Principal): Promise<StaffCompetitionsDto> {
    const admin = actor.roles.includes('admin');
    const items = await staffCompetitions(this.tx.manager, admin, actor.id);
    return { items };
  }

  /**
   * Users with the judge role whose name or email contains the words typed, for a coordinator
   * adding a judge to a pool (at most 20; the judge role is all they reveal).
   */
  async candidates(q: string): Promise<JudgeCandidatesDto> {
    const like = containsPattern(q);
    const items = await judgeCandidates(this.tx.manager, like);
    return { items };
  }

  /** The pool with every detected conflict, so the coordinator sees what assignment will avoid. */
  async list(actor: Principal, competitionId: string): Promise<JudgePoolDto> {
    return this.tx.run('REPEATABLE READ', async (m) => {
      await this.access.managedCompetition(m, actor, competitionId);
      const members = await m.find(JudgePoolMember, {
        where: { competitionId },
        relations: { user: true },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      const judges = await poolJudges(m, competitionId);
      const entries = await competitionEntries(m, competitionId, LIVE_STATUSES);
      const input = await assignmentEntries(m, entries);
      const items: JudgePoolMemberDto[] = [];
      for (const member of members) {
        const judge = judges.find((j) => j.id === member.userId);
        const detected = judge
          ? input.flatMap((e) => {
              const kinds = conflictReasons(judge, e);
              return kinds.length ? [{ submissionId: e.id, teamId: e.teamId, kinds }] : [];
            })
          : [];
        items.push({
          ...judgeView(member, member.user?.displayName ?? ''),
          detectedConflicts: detected,
        });
      }
      return { items };
    });
  }

  /**
   * Takes a judge out of the pool. In every round not closed yet, their assignments without a
   * final score are withdrawn, and a top-up run per round (in the worker) gives the entries to
   * other unconflicted judges (as for a recusal); final scores stay and count. The judge is told.
   */
  async remove(actor: Principal, competitionId: string, userId: string): Promise<JudgeRemovedDto> {
    const answer = await this.tx.run(async (m) => {
      const competition = await this.access.managedCompetition(m, actor, competitionId);
      const rounds = await lockRounds(m, competitionId);
      const member = await m.findOne(JudgePoolMember, {
        where: { competitionId, userId },
        relations: { user: true },
      });
      if (!member) throw notFound('Judge in this pool');
      await m.delete(JudgePoolMember, { id: member.id });

      const moved = await this.assigner.withdraw(m, rounds, userId, async (open) => open);
      const reassignment = await this.topUps.queueWithdrawal(m, actor.id, userId, moved);
      const kept = await finalScoresKept(m, competitionId, userId);
      const { assignmentsWithdrawn } = moved;
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'judge_pool.removed',
        targetType: 'competition',
        targetId: competitionId,
        details: { userId, assignmentsWithdrawn, finalScoresKept: kept },
      });
      const user = member.user;
      if (user) {
        await this.outbox.enqueue(m, {
          type: 'judging.removed_from_pool',
          recipient: { userId: user.id, email: user.email, locale: user.locale },
          payload: { displayName: user.displayName, competitionTitle: competition.title },
        });
      }
      return { userId, assignmentsWithdrawn, finalScoresKept: kept, reassignment };
    });
    await this.topUps.enqueue(answer.reassignment);
    return answer;
  }

  /**
   * What taking a judge out would do, for the confirmation: the judge is told, and the judges who
   * get their unfinished work are told too (how many depends on the solver; at most one per entry).
   */
  async removalPreview(
    actor: Principal,
    competitionId: string,
    userId: string,
  ): Promise<JudgeRemovalPreviewDto> {
    const m = this.tx.manager;
    await this.access.managedCompetition(m, actor, competitionId);
    const member = await m.findOneBy(JudgePoolMember, { competitionId, userId });
    if (!member) throw notFound('Judge in this pool');
    const counts = await removalCounts(m, competitionId, userId);
    return { userId, ...counts };
  }

  /**
   * A judge deleted their account: out of every pool; in rounds not closed their unscored and
   * draft-scored work moves to other judges in top-up runs queued once the erasure commits (as
   * when a coordinator takes a judge out);
   * draft scores and comments are erased everywhere. Final scores stay and count, shown under
   * the tombstone's neutral name.
   */
  async eraseJudge(
    m: EntityManager,
    userId: string,
    ctx: ErasureContext,
  ): Promise<Record<string, number>> {
    const competitions = await competitionsOfJudge(m, userId);
    let assignmentsWithdrawn = 0;
    let topUpsQueued = 0;
    for (const id of competitions) {
      const rounds = await lockRounds(m, id);
      await m.delete(JudgePoolMember, { competitionId: id, userId });
      const moved = await this.assigner.withdraw(m, rounds, userId, async (open) => open);
      assignmentsWithdrawn += moved.assignmentsWithdrawn;
      const reassignment = await this.topUps.queueWithdrawal(m, userId, userId, moved);
      topUpsQueued += reassignment.jobIds.length;
      ctx.afterCommit(() => this.topUps.enqueue(reassignment));
    }
    const draftScoresErased = await eraseDraftScores(m, userId);
    await deleteJudgeReminders(m, userId);
    return {
      pools: competitions.length,
      assignmentsWithdrawn,
      topUpsQueued,
      draftScoresErased,
    };
  }

  /**
   * A judge adds conflicts of their own; they can never remove one.
   *
   * Nothing the judge can see may tell which entries match what they declared (in a blind round,
   * an entry that vanished right after "I know someone at Busan Arts High School" would name its
   * team's school). So the declaration withdraws nothing at once: it puts the judge on hold in
   * this competition, and the same happens whether or not any entry matches. While on hold, every
   * assignment of theirs here shows `access: "conflict_review"` and no entry, and takes no score.
   * The hold ends, and the conflicting assignments go to other judges, at the coordinator's next
   * assignment run, when the coordinator edits this judge, or at the hourly maintenance
   * (JudgeAssigner.applyDeclaredConflicts): never on the judge's own request.
   */
  async declareOwn(
    me: Principal,
    competitionId: string,
    dto: ConflictsDto,
  ): Promise<JudgeResponseDto> {
    return this.tx.run(async (m) => {
      const member = await m.findOne(JudgePoolMember, {
        where: { competitionId, userId: me.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!member) throw notFound('Your place in this judge pool');
      member.conflicts = mergeConflicts(member.conflicts, dto);
      member.conflictsPendingSince ??= this.clock.now();
      await m.save(member);
      await this.audit.record(m, {
        actorId: me.id,
        action: 'judge_pool.conflicts_declared',
        targetType: 'competition',
        targetId: competitionId,
        details: {
          countries: dto.countries ?? [],
          institutions: dto.institutions ?? [],
          teamIds: dto.teamIds ?? [],
        },
      });
      return judgeView(member, me.displayName);
    });
  }

  /**
   * A coordinator adds conflicts a judge did not declare (they are never removed: the judge
   * may have declared them) or changes their expertise. Assignments that now conflict are
   * withdrawn and handed to other judges by top-up runs, as when the judge declares them.
   */
  async update(
    actor: Principal,
    competitionId: string,
    userId: string,
    dto: UpdateJudgeDto,
  ): Promise<JudgeUpdatedDto> {
    const answer = await this.tx.run(async (m) => {
      await this.access.managedCompetition(m, actor, competitionId);
      const rounds = await lockRounds(m, competitionId);
      const member = await m.findOne(JudgePoolMember, {
        where: { competitionId, userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!member) throw notFound('Judge in this pool');
      const user = await getUser(m, userId);
      member.conflicts = mergeConflicts(member.conflicts, dto.conflicts);
      if (dto.expertise !== undefined) member.expertise = [...new Set(dto.expertise)];
      // Every conflict of this judge is applied now, including any they declared and await.
      member.conflictsPendingSince = null;
      await m.save(member);
      const moved = await this.assigner.withdrawConflicted(m, rounds, userId);
      const reassignment = await this.topUps.queueWithdrawal(m, actor.id, userId, moved);
      const { assignmentsWithdrawn } = moved;
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'judge_pool.updated',
        targetType: 'competition',
        targetId: competitionId,
        details: {
          userId,
          conflicts: dto.conflicts ?? {},
          expertise: dto.expertise,
          assignmentsWithdrawn,
        },
      });
      return { ...judgeView(member, user.displayName), assignmentsWithdrawn, reassignment };
    });
    await this.topUps.enqueue(answer.reassignment);
    return answer;
  }
}

function judgeView(member: JudgePoolMember, displayName: string): JudgeResponseDto {
  return {
    id: member.id,
    competitionId: member.competitionId,
    userId: member.userId,
    displayName,
    conflicts: {
      countries: member.conflicts.countries ?? [],
      institutions: member.conflicts.institutions ?? [],
      teamIds: member.conflicts.teamIds ?? [],
    },
    expertise: member.expertise,
    conflictsUnderReview: member.conflictsPendingSince !== null,
    createdAt: member.createdAt.toISOString(),
  };
}
