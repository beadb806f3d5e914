import { Injectable } from '@nestjs/common';
import { PEOPLE } from '../identity/people-sql';
import { EntityManager } from 'typeorm';
import type { Principal } from '../common/auth/principal';
import { conflict, forbidden, notFound } from '../common/errors/app-error';
import { CompetitionRow, findCompetition, getCompetition } from '../competitions/competition-rows';
import { ProgrammeAccess } from '../programmes/programme-access';
import { JudgeAssignment } from './judge-assignment.entity';
import { JudgingRound, RoundStatus } from './judging-round.entity';

/** An open round is closed once its closesAt passes: the injected clock decides, no job needed. */
export function roundState(
  round: Pick<JudgingRound, 'status' | 'closesAt'>,
  now: Date,
): RoundStatus {
  if (round.status === 'open' && now.getTime() >= round.closesAt.getTime()) return 'closed';
  return round.status;
}

export const roundClosed = () =>
  conflict('The judging round is closed: scores and assignments are final', 'ROUND_CLOSED');

/** Who may do what in judging, on top of ProgrammeAccess for the staff side. */
@Injectable()
export class JudgingAccess {
  constructor(private readonly programmes: ProgrammeAccess) {}

  /** 404 for an unknown competition, 403 for anyone who may not manage its programme. */
  async managedCompetition(
    m: EntityManager,
    who: Principal,
    competitionId: string,
    opts: { lock?: boolean } = {},
  ): Promise<CompetitionRow> {
    const competition = await findCompetition(m, competitionId, opts);
    if (!competition) throw notFound('Competition');
    await this.programmes.assertCanManage(who, competition.programmeId, m);
    return competition;
  }

  /** The round and its competition; with `lock` the round row is held, serialising assigners. */
  async managedRound(
    m: EntityManager,
    who: Principal,
    roundId: string,
    opts: { lock?: boolean } = {},
  ): Promise<{ round: JudgingRound; competition: CompetitionRow }> {
    const round = await m.findOne(JudgingRound, {
      where: { id: roundId },
      ...(opts.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!round) throw notFound('Judging round');
    const competition = await this.managedCompetition(m, who, round.competitionId);
    return { round, competition };
  }

  /**
   * A judge's own assignment. Another judge's is a 403 that names nothing; programme staff may
   * read any assignment of their competitions when `staff` allows it.
   */
  async ownAssignment(
    m: EntityManager,
    who: Principal,
    id: string,
    opts: { lock?: boolean; staff?: boolean } = {},
  ): Promise<{ assignment: JudgeAssignment; round: JudgingRound; competition: CompetitionRow }> {
    const assignment = await m.findOne(JudgeAssignment, {
      where: { id },
      ...(opts.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!assignment) throw notFound('Assignment');
    const round = await m.findOneByOrFail(JudgingRound, { id: assignment.roundId });
    const competition = await getCompetition(m, round.competitionId);
    if (assignment.judgeId !== who.id) {
      const staff =
        opts.staff === true && (await this.programmes.canManage(who, competition.programmeId, m));
      if (!staff) throw forbidden('This assignment is not yours');
    }
    return { assignment, round, competition };
  }
}

/**
 * Whether a judge may read the entry of an assignment, and if not, why. `open` is the only state
 * that shows the entry (its content, files and, outside blind rounds, its team and versions).
 */
export type EntryAccess =
  | 'open'
  | 'recused'
  | 'withdrawn'
  | 'not_a_judge'
  | 'not_in_pool'
  | 'results_published'
  | 'round_closed'
  | 'conflict_review';

export interface AssignmentAccess {
  id: string;
  judgeId: string;
  submissionId: string;
  roundId: string;
  blind: boolean;
  access: EntryAccess;
}

/**
 * THE rule for a judge's access to an entry, in one place (the assignment routes, the asset
 * downloads and the competitions routes all ask it): a judge reads an entry only through a live
 * assignment (not recused or withdrawn), while they hold the judge role, are in that
 * competition's pool, the round is not closed (by status or by its closesAt on the server clock),
 * and the competition's results are not published. Losing any of these ends access at once.
 * A judge who just declared a conflict of their own reads none of their entries in that
 * competition until it is applied (`conflict_review`: see JudgePoolService.declareOwn).
 */
/**
 * The rule above as SQL, for queries that read assignments with it: `ACCESS_JOINS` after
 * `FROM judge_assignments a` (it brings the round as `r`), then `accessCase('$n')` in the select
 * list, `$n` being the server's now. assignmentAccess and the judge's views both read it from here.
 */
export const ACCESS_JOINS = `JOIN judging_rounds r ON r.id = a.round_id
       JOIN ${PEOPLE} u ON u.id = a.judge_id
       LEFT JOIN judge_pool_members pm
              ON pm.competition_id = r.competition_id AND pm.user_id = a.judge_id
       LEFT JOIN competition_results cr ON cr.competition_id = r.competition_id`;

export const accessCase = (now: string) => `CASE WHEN a.status = 'recused' THEN 'recused'
                 WHEN a.status <> 'active' THEN 'withdrawn'
                 WHEN NOT ('judge' = ANY(u.roles)) THEN 'not_a_judge'
                 WHEN pm.id IS NULL THEN 'not_in_pool'
                 WHEN cr.published_at IS NOT NULL THEN 'results_published'
                 WHEN r.status = 'closed' OR (r.status = 'open' AND r.closes_at <= ${now}) THEN 'round_closed'
                 WHEN pm.conflicts_pending_since IS NOT NULL THEN 'conflict_review'
                 ELSE 'open' END`;

export async function assignmentAccess(
  m: EntityManager,
  where: { assignmentIds: string[] } | { judgeId: string; submissionId: string },
  now: Date,
): Promise<AssignmentAccess[]> {
  const [filter, params] =
    'assignmentIds' in where
      ? ['a.id = ANY($2::uuid[])', [where.assignmentIds]]
      : ['a.judge_id = $2 AND a.submission_id = $3', [where.judgeId, where.submissionId]];
  return m.query(
    `SELECT a.id, a.judge_id AS "judgeId", a.submission_id AS "submissionId",
            a.round_id AS "roundId", r.blind, ${accessCase('$1')} AS access
       FROM judge_assignments a
       ${ACCESS_JOINS}
      WHERE ${filter}
      ORDER BY a.id`,
    [now, ...params],
  );
}
