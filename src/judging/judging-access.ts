import { Injectable } from '@nestjs/common';
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
