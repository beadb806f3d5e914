import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, IsNull, Not } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';
import { getCompetition } from '../competitions/competition-rows';
import { peopleOf } from '../identity/people-rows';
import type { SubmissionStatus } from '../competitions/rules/types';
import { OutboxService } from '../notifications/outbox.service';
import { AppConfig } from '../config/app-config';
import {
  type AssignmentEntry,
  type AssignmentJudge,
  type AssignmentResult,
  conflictReasons,
} from './assignment';
import { solveAssignment } from './assignment-thread';
import { JudgeAssignment } from './judge-assignment.entity';
import { JudgingRound } from './judging-round.entity';
import { JudgePoolMember } from './judge-pool-member.entity';
import { roundState } from './judging-access';
import {
  openAssignments,
  type OpenAssignment,
  removeAssignments,
  roundPairs,
} from './assignments.store';
import { poolRows } from './judge-pool.store';
import { competitionEntries, type RoundEntry, teamMemberProfiles } from './round-entries.store';

export type { OpenAssignment } from './assignments.store';
export type { RoundEntry } from './round-entries.store';

const INSERT_CHUNK = 2000;

/** Entries still in the running: a draft or withdrawn entry is neither assigned nor ranked. */
export const LIVE_STATUSES = [
  'submitted',
  'shortlisted',
  'awarded',
] as const satisfies readonly SubmissionStatus[];

/** The entries a round judges: every live submitted entry, or the earlier round's shortlist. */
export async function roundEntries(m: EntityManager, round: JudgingRound): Promise<RoundEntry[]> {
  if (round.source.type === 'shortlist') {
    const earlier = await m.findOneBy(JudgingRound, { id: round.source.roundId });
    return competitionEntries(m, round.competitionId, LIVE_STATUSES, earlier?.shortlist ?? []);
  }
  return competitionEntries(m, round.competitionId, LIVE_STATUSES);
}

/** Topic tags an entry offers to the judges' expertise: its kind, and a project's SDGs. */
export const entryTags = (e: RoundEntry): string[] => [
  e.kind,
  ...(Array.isArray(e.sdgs) ? e.sdgs.map((n) => `sdg-${n}`) : []),
];

/** The pool, as the solver and conflict checks see it (only members who still hold the judge role). */
export async function poolJudges(
  m: EntityManager,
  competitionId: string,
): Promise<AssignmentJudge[]> {
  const rows = await poolRows(m, competitionId);
  return rows.map((r) => ({
    id: r.userId,
    userId: r.userId,
    institution: r.institution,
    country: r.country,
    expertise: r.expertise,
    conflicts: r.conflicts,
  }));
}

/** Entries with what the conflict rules need to know about their teams' members. */
export async function assignmentEntries(
  m: EntityManager,
  entries: readonly RoundEntry[],
): Promise<AssignmentEntry[]> {
  const members = await teamMemberProfiles(m, [...new Set(entries.map((e) => e.teamId))]);
  const byTeam = new Map<string, typeof members>();
  for (const row of members) {
    const list = byTeam.get(row.teamId) ?? [];
    list.push(row);
    byTeam.set(row.teamId, list);
  }
  return entries.map((e) => {
    const team = byTeam.get(e.teamId) ?? [];
    return {
      id: e.id,
      teamId: e.teamId,
      memberUserIds: team.map((t) => t.userId),
      memberInstitutions: team.flatMap((t) => (t.institution ? [t.institution] : [])),
      memberCountries: team.flatMap((t) => (t.country ? [t.country] : [])),
      tags: entryTags(e),
    };
  });
}

export interface TopUp {
  result: AssignmentResult;
  /** New assignment ids per judge user id. */
  added: Map<string, string[]>;
}

/**
 * Tops a round up with the exact solver: kept assignments stay (with their scores), recused and
 * removed pairs are never made again, and only the missing judges are added. Runs inside the
 * caller's transaction, which must hold the round row locked so two top-ups cannot interleave.
 */
@Injectable()
export class JudgeAssigner {
  constructor(
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async topUp(
    m: EntityManager,
    round: JudgingRound,
    onProgress?: (fraction: number) => void,
  ): Promise<TopUp> {
    const entries = await roundEntries(m, round);
    const judges = await poolJudges(m, round.competitionId);
    const input = await assignmentEntries(m, entries);
    const entryIds = new Set(entries.map((e) => e.id));
    const all = (await roundPairs(m, round.id)).filter((p) => entryIds.has(p.entryId));
    // A judge out of the pool (taken out, or no longer a judge) keeps the final scores they gave:
    // those still cover their entries, and that judge takes nothing new.
    const inPool = new Set(judges.map((j) => j.id));
    const kept = all.filter((p) => !inPool.has(p.judgeId) && p.status === 'active' && p.final);
    const former = [...new Set(kept.map((p) => p.judgeId))];
    for (const id of former) judges.push({ id, userId: id });
    const theirs = new Set(kept.map((p) => `${p.judgeId}:${p.entryId}`));
    const pairs = [...all.filter((p) => inPool.has(p.judgeId)), ...kept];
    const result = await solveAssignment(
      {
        entries: input,
        judges,
        judgesPerEntry: round.judgesPerEntry,
        maxLoad: round.maxLoad,
        existing: pairs.filter((p) => p.status === 'active'),
        excluded: [
          ...pairs.filter((p) => p.status !== 'active'),
          ...former.flatMap((judgeId) =>
            input
              .filter((e) => !theirs.has(`${judgeId}:${e.id}`))
              .map((e) => ({ judgeId, entryId: e.id })),
          ),
        ],
      },
      onProgress,
    );
    const added = new Map<string, string[]>();
    for (let i = 0; i < result.assignments.length; i += INSERT_CHUNK) {
      const chunk = result.assignments.slice(i, i + INSERT_CHUNK);
      const inserted = await m.insert(
        JudgeAssignment,
        chunk.map((p) => ({
          roundId: round.id,
          submissionId: p.entryId,
          judgeId: p.judgeId,
          origin: 'solver',
        })),
      );
      chunk.forEach((p, k) => {
        const list = added.get(p.judgeId) ?? [];
        list.push(inserted.identifiers[k].id as string);
        added.set(p.judgeId, list);
      });
    }
    await this.notifyJudges(m, round, added);
    return { result, added };
  }

  /**
   * Applies the conflicts judges declared about themselves, held until now so that declaring one
   * shows the judge nothing about which entries match it (see JudgePoolService.declareOwn): their
   * conflicting assignments without a final score are withdrawn and handed to other judges, and
   * their hold ends. Runs in the worker only (a coordinator's assignment run and the hourly
   * maintenance), since it solves.
   */
  async applyDeclaredConflicts(m: EntityManager, competitionId: string) {
    const rounds = await lockRounds(m, competitionId);
    const pending = await m.find(JudgePoolMember, {
      where: { competitionId, conflictsPendingSince: Not(IsNull()) },
      order: { userId: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    let assignmentsWithdrawn = 0;
    let assignmentsReplaced = 0;
    for (const member of pending) {
      const moved = await this.withdrawConflicted(m, rounds, member.userId);
      assignmentsWithdrawn += moved.assignmentsWithdrawn;
      for (const [roundId, entryIds] of moved.byRound) {
        const round = rounds.find((r) => r.id === roundId)!;
        const { result } = await this.topUp(m, round);
        assignmentsReplaced += result.assignments.filter((p) =>
          entryIds.includes(p.entryId),
        ).length;
      }
      await m.update(JudgePoolMember, { id: member.id }, { conflictsPendingSince: null });
    }
    return { judges: pending.length, assignmentsWithdrawn, assignmentsReplaced };
  }

  /**
   * In rounds not closed, withdraws the judge's assignments without a final score that conflict
   * with their (grown) conflicts. The caller has those entries given to others (a top-up).
   */
  async withdrawConflicted(m: EntityManager, rounds: JudgingRound[], userId: string) {
    const judge = rounds.length
      ? (await poolJudges(m, rounds[0].competitionId)).find((j) => j.id === userId)
      : undefined;
    return this.withdraw(m, rounds, userId, async (open) => {
      if (!judge) return [];
      const entries = await assignmentEntries(m, open);
      const conflicted = new Set(
        entries.filter((e) => conflictReasons(judge, e).length > 0).map((e) => e.id),
      );
      return open.filter((a) => conflicted.has(a.id));
    });
  }

  /**
   * In every round not closed, withdraws the judge's assignments without a final score that
   * `pick` chooses; withdrawn pairs are never made again. No solving here: the caller tops up
   * the rounds of `byRound` (round id → withdrawn entry ids), in the worker.
   */
  async withdraw(
    m: EntityManager,
    rounds: JudgingRound[],
    userId: string,
    pick: (open: OpenAssignment[]) => Promise<OpenAssignment[]>,
  ): Promise<Withdrawal> {
    let assignmentsWithdrawn = 0;
    const byRound = new Map<string, string[]>();
    for (const round of rounds) {
      if (roundState(round, this.clock.now()) === 'closed') continue;
      const open = await openAssignments(m, round.id, userId);
      const chosen = open.length === 0 ? [] : await pick(open);
      if (chosen.length === 0) continue;
      await removeAssignments(
        m,
        chosen.map((a) => a.assignmentId),
      );
      assignmentsWithdrawn += chosen.length;
      byRound.set(
        round.id,
        chosen.map((a) => a.id),
      );
    }
    return { assignmentsWithdrawn, byRound };
  }

  /** Tells each judge how many entries they were given, in the transaction that gave them. */
  async notifyJudges(
    m: EntityManager,
    round: JudgingRound,
    added: ReadonlyMap<string, readonly string[]>,
  ): Promise<void> {
    if (added.size === 0 || roundState(round, this.clock.now()) === 'closed') return;
    const competition = await getCompetition(m, round.competitionId);
    const users = await peopleOf(m, [...added.keys()]);
    await this.outbox.enqueue(
      m,
      users.map((u) => ({
        type: 'judging.assignments_ready',
        recipient: { userId: u.id, email: u.email, locale: u.locale },
        payload: {
          displayName: u.displayName,
          count: added.get(u.id)?.length ?? 0,
          roundName: round.name,
          competitionTitle: competition.title,
          closesAt: round.closesAt.toISOString(),
          link: `${this.config.PUBLIC_URL}/api/v1/me/assignments`,
        },
      })),
    );
  }
}

/** What a withdrawal took: how many assignments, and the entries per round to top up. */
export interface Withdrawal {
  assignmentsWithdrawn: number;
  byRound: Map<string, string[]>;
}

/** The competition's rounds, locked in id order before any pool row, as top-ups lock them. */
export function lockRounds(m: EntityManager, competitionId: string): Promise<JudgingRound[]> {
  return m.find(JudgingRound, {
    where: { competitionId },
    order: { id: 'ASC' },
    lock: { mode: 'pessimistic_write' },
  });
}
