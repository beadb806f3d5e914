import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../common/auth/principal';
import { notFound } from '../common/errors/app-error';
import { competitionInfo, type CompetitionInfo } from '../competitions/project-entry-rows';
import { ProgrammeAccess } from '../programmes/programme-access';
import { MentoringRound } from './mentoring-round.entity';
import { MentoringRun } from './mentoring-run.entity';

/** Staff side of mentoring: admins, and coordinators of the competition's programme. */
@Injectable()
export class MentoringAccess {
  constructor(private readonly programmes: ProgrammeAccess) {}

  /** 404 for an unknown competition, 403 for anyone who may not manage its programme. */
  async managedCompetition(
    m: EntityManager,
    who: Principal,
    competitionId: string,
  ): Promise<CompetitionInfo> {
    const competition = await competitionInfo(m, competitionId);
    if (!competition) throw notFound('Competition');
    await this.programmes.assertCanManage(who, competition.programmeId, m);
    return competition;
  }

  /** The round; with `lock` its row is held, serialising runs, rules and publication. */
  async managedRound(
    m: EntityManager,
    who: Principal,
    roundId: string,
    opts: { lock?: boolean } = {},
  ): Promise<MentoringRound> {
    const round = await m.findOne(MentoringRound, {
      where: { id: roundId },
      ...(opts.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!round) throw notFound('Mentoring round');
    await this.managedCompetition(m, who, round.competitionId);
    return round;
  }

  async managedRun(
    m: EntityManager,
    who: Principal,
    runId: string,
  ): Promise<{ run: MentoringRun; round: MentoringRound }> {
    const run = await m.findOneBy(MentoringRun, { id: runId });
    if (!run) throw notFound('Mentoring run');
    return { run, round: await this.managedRound(m, who, run.roundId) };
  }
}
