import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import {
  AppError,
  badRequest,
  conflict,
  notFound,
  unprocessable,
} from '../common/errors/app-error';
import { PageQuery, pageOf, skipTake } from '../common/http/pagination';
import { ageOn } from '../common/age';
import { GuardianConsentService } from '../identity/guardian-consent.service';
import { getProfile } from '../identity/user-rows';
import { isUniqueViolation } from '../database/errors';
import { ProgrammeAccess } from '../programmes/programme-access';
import { getProgramme } from '../programmes/programme-rows';
import { ConstraintDto } from './dto/constraint.dto';
import { EnrolDto } from './dto/enrolment.dto';
import { CreatePenpalRoundDto, UpdatePenpalRoundDto } from './dto/round.dto';
import type {
  EnrolledPersonPageDto,
  MyPenpalRoundDto,
  PenpalConstraintDto,
  PenpalEnrolmentDto,
  PenpalRoundDto,
  ProgrammeRoundDto,
} from './dto/responses.dto';
import { PenpalConstraint } from './penpal-constraint.entity';
import { PenpalEnrolment } from './penpal-enrolment.entity';
import { PenpalMatch } from './penpal-match.entity';
import { PenpalRound } from './penpal-round.entity';
import { zonedIso } from '../common/time-zones';
import { ageProblem, enrolmentWindow, roundProblems } from './round-rules';
import { Transactions } from '../database/transactions';
import { enrolledCountries, pageEnrolments, roundFacts } from './penpal.store';

const invalid = (errors: { path: string; message: string }[]) =>
  new AppError(
    400,
    'VALIDATION_FAILED',
    errors.map((e) => `${e.path}: ${e.message}`).join('; '),
    errors,
  );

@Injectable()
export class RoundsService {
  constructor(
    private readonly tx: Transactions,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: ProgrammeAccess,
    private readonly consents: GuardianConsentService,
    private readonly audit: AuditService,
  ) {}

  private async view(
    round: PenpalRound,
    m: EntityManager = this.tx.manager,
  ): Promise<PenpalRoundDto> {
    const programme = await getProgramme(m, round.programmeId);
    return {
      id: round.id,
      programmeId: round.programmeId,
      name: round.name,
      enrolmentOpensAt: round.enrolmentOpensAt,
      enrolmentClosesAt: round.enrolmentClosesAt,
      local: {
        timezone: programme.timezone,
        enrolmentOpensAt: zonedIso(round.enrolmentOpensAt, programme.timezone),
        enrolmentClosesAt: zonedIso(round.enrolmentClosesAt, programme.timezone),
      },
      enrolment: enrolmentWindow(round, this.clock.now()),
      penpalsPerParticipant: round.penpalsPerParticipant,
      rules: round.rules,
      weights: round.weights,
      countryBalance: round.countryBalance,
      letterDelay: round.letterDelay,
      lettersPerDay: round.lettersPerDay,
      screenAdultLetters: round.screenAdultLetters,
    };
  }

  async find(id: string, m: EntityManager = this.tx.manager): Promise<PenpalRound> {
    const round = await m.findOneBy(PenpalRound, { id });
    if (!round) throw notFound('Pen-pal round');
    return round;
  }

  /** The round, after checking the caller manages its programme. */
  async findManaged(
    actor: Principal,
    id: string,
    m: EntityManager = this.tx.manager,
  ): Promise<PenpalRound> {
    const round = await this.find(id, m);
    await this.access.assertCanManage(actor, round.programmeId, m);
    return round;
  }

  async create(
    actor: Principal,
    programmeId: string,
    dto: CreatePenpalRoundDto,
  ): Promise<PenpalRoundDto> {
    return this.tx.run(async (m) => {
      await this.access.assertCanManage(actor, programmeId, m);
      const round = m.create(PenpalRound, {
        programmeId,
        name: dto.name,
        enrolmentOpensAt: new Date(dto.enrolmentOpensAt),
        enrolmentClosesAt: new Date(dto.enrolmentClosesAt),
        penpalsPerParticipant: dto.penpalsPerParticipant ?? 1,
        rules: { ...dto.rules },
        weights: { ...dto.weights },
        countryBalance: { ...dto.countryBalance },
        letterDelay: dto.letterDelay ?? 'none',
        lettersPerDay: dto.lettersPerDay ?? 5,
        screenAdultLetters: dto.screenAdultLetters ?? false,
      });
      const problems = roundProblems(round);
      if (problems.length) throw invalid(problems);
      await m.save(round);
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'penpal_round.created',
        targetType: 'penpal_round',
        targetId: round.id,
        details: { programmeId, name: round.name },
      });
      return this.view(round, m);
    });
  }

  /** A programme's rounds, newest first, with enrolments, runs and the last publication. */
  async listForProgramme(actor: Principal, programmeId: string): Promise<ProgrammeRoundDto[]> {
    await this.access.assertCanManage(actor, programmeId);
    const rounds = await this.tx.manager
      .getRepository(PenpalRound)
      .find({ where: { programmeId }, order: { enrolmentOpensAt: 'DESC', id: 'ASC' }, take: 200 });
    if (rounds.length === 0) return [];
    const facts = await roundFacts(
      this.tx.manager,
      rounds.map((r) => r.id),
    );
    const byId = new Map(facts.map((f) => [f.id, f]));
    return Promise.all(
      rounds.map(async (r) => {
        const f = byId.get(r.id)!;
        return {
          ...(await this.view(r)),
          enrolled: f.enrolled,
          runs: f.runs,
          publishedAt: f.published_at,
        };
      }),
    );
  }

  async get(id: string): Promise<PenpalRoundDto> {
    return this.view(await this.find(id));
  }

  /**
   * The rounds a person sees on their pen-pal page: every round whose enrolment is open now, and
   * every round they are enrolled in (so they can follow it until the matches are published),
   * each with their own enrolment; the soonest to close first.
   */
  async listForMe(who: Principal): Promise<MyPenpalRoundDto[]> {
    const now = this.clock.now();
    const rounds = await this.tx.manager
      .getRepository(PenpalRound)
      .createQueryBuilder('r')
      .where(
        '(r.enrolment_opens_at <= :now AND r.enrolment_closes_at > :now) OR EXISTS (SELECT 1 FROM penpal_enrolments e WHERE e.round_id = r.id AND e.user_id = :me)',
        { now, me: who.id },
      )
      .orderBy('r.enrolment_closes_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .take(100)
      .getMany();
    const mine = rounds.length
      ? await this.tx.manager
          .getRepository(PenpalEnrolment)
          .findBy({ userId: who.id, roundId: In(rounds.map((r) => r.id)) })
      : [];
    const byRound = new Map(mine.map((e) => [e.roundId, e]));
    return Promise.all(
      rounds.map(async (r) => {
        const e = byRound.get(r.id);
        return { ...(await this.view(r)), myEnrolment: e ? enrolmentView(e) : null };
      }),
    );
  }

  async update(actor: Principal, id: string, dto: UpdatePenpalRoundDto): Promise<PenpalRoundDto> {
    return this.tx.run(async (m) => {
      const round = await this.findManaged(actor, id, m);
      const before = { ...round };
      if (dto.name !== undefined) round.name = dto.name;
      if (dto.enrolmentOpensAt !== undefined)
        round.enrolmentOpensAt = new Date(dto.enrolmentOpensAt);
      if (dto.enrolmentClosesAt !== undefined)
        round.enrolmentClosesAt = new Date(dto.enrolmentClosesAt);
      if (dto.penpalsPerParticipant !== undefined)
        round.penpalsPerParticipant = dto.penpalsPerParticipant;
      if (dto.rules !== undefined) round.rules = { ...round.rules, ...dto.rules };
      if (dto.weights !== undefined) round.weights = { ...round.weights, ...dto.weights };
      if (dto.countryBalance !== undefined)
        round.countryBalance = { ...round.countryBalance, ...dto.countryBalance };
      if (dto.letterDelay !== undefined) round.letterDelay = dto.letterDelay;
      if (dto.lettersPerDay !== undefined) round.lettersPerDay = dto.lettersPerDay;
      if (dto.screenAdultLetters !== undefined) round.screenAdultLetters = dto.screenAdultLetters;
      const problems = roundProblems(round);
      if (problems.length) throw invalid(problems);
      await m.save(round);
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'penpal_round.updated',
        targetType: 'penpal_round',
        targetId: id,
        details: {
          changed: Object.keys(dto),
          before: { enrolmentClosesAt: before.enrolmentClosesAt },
        },
      });
      return this.view(round, m);
    });
  }

  async enrol(who: Principal, roundId: string, dto: EnrolDto): Promise<PenpalEnrolmentDto> {
    return this.tx.run(async (m) => {
      const round = await this.find(roundId, m);
      const window = enrolmentWindow(round, this.clock.now());
      if (window !== 'open') {
        throw conflict(
          window === 'not_open'
            ? 'Enrolment has not opened yet'
            : 'Enrolment for this round has closed',
          'DEADLINE_PASSED',
        );
      }
      await this.consents.assertMayParticipate(who.id, m);
      const profile = await getProfile(m, who.id);
      const problem = ageProblem(ageOn(profile.dateOfBirth, round.enrolmentClosesAt), round.rules);
      if (problem)
        throw unprocessable('NOT_ELIGIBLE', problem, [{ path: 'dateOfBirth', message: problem }]);
      const capacity = dto.capacity ?? 1;
      if (capacity > round.penpalsPerParticipant) {
        throw badRequest(
          'VALIDATION_FAILED',
          `This round gives at most ${round.penpalsPerParticipant} pen pal(s)`,
          [{ path: 'capacity', message: `at most ${round.penpalsPerParticipant}` }],
        );
      }
      try {
        const enrolment = await m.save(
          m.create(PenpalEnrolment, {
            roundId,
            userId: who.id,
            preferredCountries: dto.preferredCountries ?? [],
            practiseLanguages: dto.practiseLanguages ?? [],
            genderPreference:
              dto.genderPreference && dto.genderPreference !== 'any' ? dto.genderPreference : null,
            capacity,
          }),
        );
        return enrolmentView(enrolment);
      } catch (err) {
        if (isUniqueViolation(err))
          throw conflict('You are already enrolled in this round', 'ALREADY_ENROLLED');
        throw err;
      }
    });
  }

  /** Leaving is possible until one has a pen pal in this round. */
  async withdraw(who: Principal, roundId: string): Promise<void> {
    await this.tx.run(async (m) => {
      await this.find(roundId, m);
      const matched = await m
        .createQueryBuilder(PenpalMatch, 'x')
        .where('x.round_id = :roundId AND (x.user_a = :me OR x.user_b = :me)', {
          roundId,
          me: who.id,
        })
        .andWhere(`x.status IN ('published', 'accepted')`)
        .getExists();
      if (matched)
        throw conflict(
          'You already have a pen pal in this round; decline the match instead',
          'ALREADY_MATCHED',
        );
      const result = await m.delete(PenpalEnrolment, { roundId, userId: who.id });
      if (!result.affected) throw notFound('Enrolment');
    });
  }

  async listEnrolments(
    actor: Principal,
    roundId: string,
    q: PageQuery & { country?: string },
  ): Promise<EnrolledPersonPageDto> {
    await this.findManaged(actor, roundId);
    const { rows, counts } = await pageEnrolments(
      this.tx.manager,
      roundId,
      q.country ?? null,
      skipTake(q).skip,
      q.pageSize,
    );
    const byCountry: Record<string, number> = {};
    for (const c of counts) if (c.country) byCountry[c.country] = c.n;
    const total = q.country ? (byCountry[q.country] ?? 0) : counts.reduce((sum, c) => sum + c.n, 0);
    return { ...pageOf(rows, total, q), byCountry };
  }

  async addConstraint(
    actor: Principal,
    roundId: string,
    dto: ConstraintDto,
  ): Promise<PenpalConstraintDto> {
    return this.tx.run(async (m) => {
      await this.findManaged(actor, roundId, m);
      const enrolled = await enrolledCountries(m, roundId, dto.userIds);
      if (enrolled.length !== 2) {
        throw unprocessable('NOT_ENROLLED', 'Both people must be enrolled in this round', [
          { path: 'userIds', message: 'both must be enrolled in the round' },
        ]);
      }
      const korean = enrolled.filter((e) => e.country === 'KR').length;
      if (korean !== 1) {
        throw unprocessable('NOT_ELIGIBLE', 'A pair is one Korean and one ASEAN participant', [
          { path: 'userIds', message: 'one Korean and one ASEAN participant' },
        ]);
      }
      const [userA, userB] = [...dto.userIds].sort();
      try {
        const row = await m.save(
          m.create(PenpalConstraint, {
            roundId,
            type: dto.type,
            userA,
            userB,
            createdBy: actor.id,
          }),
        );
        await this.audit.record(m, {
          actorId: actor.id,
          action: `penpal_constraint.${dto.type}`,
          targetType: 'penpal_round',
          targetId: roundId,
          details: { userIds: [userA, userB] },
        });
        return { id: row.id, type: row.type, userIds: [userA, userB], createdAt: row.createdAt };
      } catch (err) {
        if (isUniqueViolation(err))
          throw conflict('This pair already has a pin or forbid; remove it first');
        throw err;
      }
    });
  }

  async listConstraints(actor: Principal, roundId: string): Promise<PenpalConstraintDto[]> {
    await this.findManaged(actor, roundId);
    const rows = await this.tx.manager
      .getRepository(PenpalConstraint)
      .find({ where: { roundId }, order: { createdAt: 'ASC' }, take: 5000 });
    return rows.map((r) => ({
      id: r.id,
      type: r.type,
      userIds: [r.userA, r.userB],
      createdAt: r.createdAt,
    }));
  }

  async removeConstraint(actor: Principal, roundId: string, constraintId: string): Promise<void> {
    await this.tx.run(async (m) => {
      await this.findManaged(actor, roundId, m);
      const result = await m.delete(PenpalConstraint, { id: constraintId, roundId });
      if (!result.affected) throw notFound('Constraint');
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'penpal_constraint.removed',
        targetType: 'penpal_round',
        targetId: roundId,
        details: { constraintId },
      });
    });
  }
}

const enrolmentView = (e: PenpalEnrolment) => ({
  id: e.id,
  roundId: e.roundId,
  userId: e.userId,
  preferredCountries: e.preferredCountries,
  practiseLanguages: e.practiseLanguages,
  genderPreference: e.genderPreference,
  capacity: e.capacity,
  createdAt: e.createdAt,
});
