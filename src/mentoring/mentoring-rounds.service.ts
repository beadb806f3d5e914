import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { badRequest, notFound, unprocessable } from '../common/errors/app-error';
import { PageQuery, pageOf, skipTake } from '../common/http/pagination';
import { projectEntries } from '../competitions/project-entry-rows';
import { peopleOf, peopleWithRole } from '../identity/people-rows';
import type {
  CreateMentoringRoundDto,
  MentorCandidatePageDto,
  MentoringRoundDetailDto,
  MentoringRoundListDto,
  MentoringRoundViewDto,
  PairRuleDto,
} from './dto/round.dto';
import { normaliseOrganisation } from './core/scoring';
import { MentorProfile } from './mentor-profile.entity';
import { MentoringAccess } from './mentoring-access';
import {
  MentoringConstraint,
  MentoringRound,
  MentoringRoundMentor,
} from './mentoring-round.entity';
import { checkedSource, roundEntryIds } from './round-teams';
import { Transactions } from '../database/transactions';
import { roundCounts, roundMentors } from './mentoring.store';

const instant = (path: string, value: string): Date => {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw badRequest('VALIDATION_FAILED', `${path} is not a valid instant`, [
      { path, message: 'not a valid instant' },
    ]);
  }
  return date;
};

const notEligible = (message: string) =>
  unprocessable('NOT_ELIGIBLE', message, [{ path: 'userId', message }]);

@Injectable()
export class MentoringRoundsService {
  constructor(
    private readonly tx: Transactions,
    private readonly access: MentoringAccess,
    private readonly audit: AuditService,
  ) {}

  async create(
    actor: Principal,
    competitionId: string,
    dto: CreateMentoringRoundDto,
  ): Promise<MentoringRoundViewDto> {
    const startsAt = instant('startsAt', dto.startsAt);
    const endsAt = instant('endsAt', dto.endsAt);
    if (endsAt.getTime() <= startsAt.getTime()) {
      throw badRequest('VALIDATION_FAILED', 'endsAt must come after startsAt', [
        { path: 'endsAt', message: 'must come after startsAt' },
      ]);
    }
    const round = await this.tx.run(async (m) => {
      const competition = await this.access.managedCompetition(m, actor, competitionId);
      if (competition.kind !== 'project') {
        throw unprocessable('NOT_A_PROJECT_COMPETITION', 'Mentoring follows project competitions');
      }
      const teams = await checkedSource(m, competitionId, dto.teams);
      const round = await m.save(
        m.create(MentoringRound, {
          competitionId,
          name: dto.name,
          teams,
          mentorsPerTeam: dto.mentorsPerTeam,
          startsAt,
          endsAt,
          createdBy: actor.id,
        }),
      );
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'mentoring_round.created',
        targetType: 'mentoring_round',
        targetId: round.id,
        details: { competitionId, name: round.name, teams: round.teams.type },
      });
      return round;
    });
    return this.view(this.tx.manager, round);
  }

  async list(actor: Principal, competitionId: string): Promise<MentoringRoundListDto> {
    const m = this.tx.manager;
    await this.access.managedCompetition(m, actor, competitionId);
    const rounds = await m.find(MentoringRound, {
      where: { competitionId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const items = [];
    for (const round of rounds) items.push(await this.view(m, round));
    return { items };
  }

  /** The round with its mentors, the entries it takes and the coordinator's pins and forbids. */
  async detail(actor: Principal, roundId: string): Promise<MentoringRoundDetailDto> {
    const m = this.tx.manager;
    const round = await this.access.managedRound(m, actor, roundId);
    const mentors = await roundMentors(m, roundId);
    const names = new Map(
      (
        await peopleOf(
          m,
          mentors.map((x) => x.userId),
        )
      ).map((p) => [p.id, p.displayName]),
    );
    const entries = await projectEntries(m, await roundEntryIds(m, round));
    const rules = await m.find(MentoringConstraint, {
      where: { roundId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return {
      ...(await this.view(m, round)),
      mentors: mentors.map((x) => ({ ...x, displayName: names.get(x.userId) ?? '' })),
      teamEntries: entries.map((e) => ({
        submissionId: e.submissionId,
        teamId: e.teamId,
        teamName: e.teamName,
        projectTitle: e.title,
        sdgs: e.sdgs,
        targetCountries: e.targetCountries,
      })),
      rules: rules.map((r) => ({
        id: r.id,
        submissionId: r.submissionId,
        mentorId: r.mentorId,
        type: r.type,
        createdAt: r.createdAt,
      })),
    };
  }

  /** Adds a mentor: they need the mentor role and a mentor profile (422 NOT_ELIGIBLE). */
  async addMentor(
    actor: Principal,
    roundId: string,
    userId: string,
  ): Promise<MentoringRoundDetailDto> {
    await this.tx.run(async (m) => {
      await this.access.managedRound(m, actor, roundId, { lock: true });
      const [person] = await peopleOf(m, [userId]);
      if (!person || person.deleted) throw notFound('User');
      if (!person.roles.includes('mentor')) {
        throw notEligible('The user does not have the mentor role');
      }
      if (!(await m.existsBy(MentorProfile, { userId }))) {
        throw notEligible('The mentor has no mentor profile yet');
      }
      const inserted = await m
        .createQueryBuilder()
        .insert()
        .into(MentoringRoundMentor)
        .values({ roundId, userId })
        .orIgnore()
        .execute();
      if (inserted.raw && (inserted.raw as unknown[]).length > 0) {
        await this.audit.record(m, {
          actorId: actor.id,
          action: 'mentoring_round.mentor_added',
          targetType: 'mentoring_round',
          targetId: roundId,
          details: { userId },
        });
      }
    });
    return this.detail(actor, roundId);
  }

  /** Takes a mentor out of the next runs; published mentorships stay. */
  async removeMentor(actor: Principal, roundId: string, userId: string) {
    await this.tx.run(async (m) => {
      await this.access.managedRound(m, actor, roundId, { lock: true });
      const removed = await m.delete(MentoringRoundMentor, { roundId, userId });
      if (!removed.affected) throw notFound('Mentor in this round');
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'mentoring_round.mentor_removed',
        targetType: 'mentoring_round',
        targetId: roundId,
        details: { userId },
      });
    });
  }

  /** Pins or forbids one team–mentor pair for the next runs (a second call changes its type). */
  async setRule(
    actor: Principal,
    roundId: string,
    dto: PairRuleDto,
  ): Promise<MentoringRoundDetailDto> {
    await this.tx.run(async (m) => {
      const round = await this.access.managedRound(m, actor, roundId, { lock: true });
      if (!(await m.existsBy(MentoringRoundMentor, { roundId, userId: dto.mentorId }))) {
        throw unprocessable('NOT_IN_ROUND', 'mentorId is not a mentor of this round', [
          { path: 'mentorId', message: 'not a mentor of this round' },
        ]);
      }
      if (!(await roundEntryIds(m, round)).includes(dto.submissionId)) {
        throw unprocessable('NOT_IN_ROUND', 'submissionId is not an entry this round mentors', [
          { path: 'submissionId', message: 'not an entry of this round' },
        ]);
      }
      if (dto.type === 'pin') await this.assertNoConflict(m, dto.submissionId, dto.mentorId);
      await m.upsert(
        MentoringConstraint,
        {
          roundId,
          submissionId: dto.submissionId,
          mentorId: dto.mentorId,
          type: dto.type,
          createdBy: actor.id,
        },
        ['roundId', 'submissionId', 'mentorId'],
      );
      await this.audit.record(m, {
        actorId: actor.id,
        action: `mentoring_round.${dto.type}`,
        targetType: 'mentoring_round',
        targetId: roundId,
        details: { submissionId: dto.submissionId, mentorId: dto.mentorId },
      });
    });
    return this.detail(actor, roundId);
  }

  async removeRule(actor: Principal, roundId: string, ruleId: string) {
    await this.tx.run(async (m) => {
      await this.access.managedRound(m, actor, roundId, { lock: true });
      const removed = await m.delete(MentoringConstraint, { id: ruleId, roundId });
      if (!removed.affected) throw notFound('Pin or forbid');
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'mentoring_round.rule_removed',
        targetType: 'mentoring_round',
        targetId: roundId,
        details: { ruleId },
      });
    });
  }

  /** Accounts with the mentor role, for the coordinator's "add a mentor" search. */
  async candidates(
    actor: Principal,
    roundId: string,
    q: PageQuery & { q?: string },
  ): Promise<MentorCandidatePageDto> {
    const m = this.tx.manager;
    await this.access.managedRound(m, actor, roundId);
    const { items, total } = await peopleWithRole(m, 'mentor', q.q, skipTake(q));
    const profiles = new Map(
      (
        await m.find(MentorProfile, {
          where: items.map((p) => ({ userId: p.id })),
        })
      ).map((p) => [p.userId, p]),
    );
    return pageOf(
      items.map((p) => {
        const profile = profiles.get(p.id);
        return {
          userId: p.id,
          displayName: p.displayName,
          email: p.email,
          organisation: profile?.organisation ?? null,
          sector: profile?.sector ?? null,
          hasProfile: profile !== undefined,
        };
      }),
      total,
      q,
    );
  }

  /** A pin may not break the institution rule: the solver would drop it anyway. */
  private async assertNoConflict(m: EntityManager, submissionId: string, mentorId: string) {
    const profile = await m.findOneByOrFail(MentorProfile, { userId: mentorId });
    const [entry] = await projectEntries(m, [submissionId]);
    const org = normaliseOrganisation(profile.organisation);
    if (entry?.members.some((x) => x.institution && normaliseOrganisation(x.institution) === org)) {
      throw unprocessable(
        'INSTITUTION_CONFLICT',
        'A member of this team is from the mentor’s institution: they cannot be paired',
      );
    }
  }

  private async view(m: EntityManager, round: MentoringRound): Promise<MentoringRoundViewDto> {
    const counts = await roundCounts(m, round.id);
    return {
      id: round.id,
      competitionId: round.competitionId,
      name: round.name,
      teams: round.teams,
      mentorsPerTeam: round.mentorsPerTeam,
      startsAt: round.startsAt,
      endsAt: round.endsAt,
      createdAt: round.createdAt,
      mentorCount: counts.mentors,
      teamCount: (await roundEntryIds(m, round)).length,
      mentorshipCount: counts.mentorships,
    };
  }
}
