import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../common/auth/principal';
import { notFound } from '../common/errors/app-error';
import { ProgrammeAccess } from '../programmes/programme-access';
import { Competition } from './competition.entity';
import { Submission } from './submission.entity';
import { TeamMember } from './team.entity';

/** Decides whether someone outside the team and programme staff may read an entry. */
export type SubmissionReader = (
  who: Principal,
  submission: Submission,
  m: EntityManager,
) => Promise<boolean>;

/**
 * The seam for judging: its module registers a reader that answers true for a judge with an
 * assignment to the entry, and the competitions module needs no change to let judges in.
 */
@Injectable()
export class SubmissionReaders {
  private readonly readers: SubmissionReader[] = [];

  register(reader: SubmissionReader): void {
    this.readers.push(reader);
  }

  async anyAllows(who: Principal, submission: Submission, m: EntityManager): Promise<boolean> {
    for (const reader of this.readers) if (await reader(who, submission, m)) return true;
    return false;
  }
}

export interface SubmissionContext {
  submission: Submission;
  competition: Competition;
  isMember: boolean;
  isManager: boolean;
}

@Injectable()
export class SubmissionAccess {
  constructor(
    private readonly programmes: ProgrammeAccess,
    private readonly readers: SubmissionReaders,
  ) {}

  /**
   * The entry and the caller's standing. Anyone who may not read it gets 404, so ids of other
   * teams' entries reveal nothing. With `lock`, the row is held for update.
   */
  async load(
    m: EntityManager,
    who: Principal,
    id: string,
    opts: { lock?: boolean } = {},
  ): Promise<SubmissionContext> {
    const submission = await m.findOne(Submission, {
      where: { id },
      ...(opts.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!submission) throw notFound('Submission');
    const competitionOf = () => m.findOneByOrFail(Competition, { id: submission.competitionId });
    const memberOf = () => m.existsBy(TeamMember, { teamId: submission.teamId, userId: who.id });
    // Side by side outside a transaction (a pooled connection each); in one, one after the other.
    const [competition, isMember] = m.queryRunner
      ? [await competitionOf(), await memberOf()]
      : await Promise.all([competitionOf(), memberOf()]);
    const isManager =
      !isMember && (await this.programmes.canManage(who, competition.programmeId, m));
    if (!isMember && !isManager && !(await this.readers.anyAllows(who, submission, m))) {
      throw notFound('Submission');
    }
    return { submission, competition, isMember, isManager };
  }
}
