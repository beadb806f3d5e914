import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { badRequest, conflict, notFound } from '../common/errors/app-error';
import { pageOf, PageQuery, skipTake } from '../common/http/pagination';
import { isUniqueViolation } from '../database/errors';
import { Transactions } from '../database/transactions';
import { ProgrammeAccess } from '../programmes/programme-access';
import { Competition } from './competition.entity';
import { pageListing, publicCompetition } from './competitions.store';
import type {
  CompetitionListPageDto,
  CompetitionListQuery,
  CompetitionPageDto,
  CompetitionResponseDto,
  CreateCompetitionDto,
  ListingStatus,
  UpdateCompetitionDto,
} from './dto/competition.dto';
import { competitionProblems } from './rules/competition-rules';
import { nextWindowChange, windowState } from './rules/deadline';
import { diffFields } from './rules/diff';
import { zonedIso } from '../common/time-zones';
import { ListingResults } from './listing-results';
import { Submission } from './submission.entity';
import { sentJson, type SentJson } from '../common/http/precompressed';
import { PublicCompetitionCache } from './public-competition-cache';

export function competitionView(
  c: Competition,
  timezone: string,
  now: Date,
): CompetitionResponseDto {
  return {
    id: c.id,
    programmeId: c.programmeId,
    kind: c.kind,
    title: c.title,
    slug: c.slug,
    description: c.description,
    submissionOpensAt: c.submissionOpensAt.toISOString(),
    submissionClosesAt: c.submissionClosesAt.toISOString(),
    window: {
      timezone,
      opensAt: c.submissionOpensAt.toISOString(),
      closesAt: c.submissionClosesAt.toISOString(),
      opensAtLocal: zonedIso(c.submissionOpensAt, timezone),
      closesAtLocal: zonedIso(c.submissionClosesAt, timezone),
      isOpen: windowState(c.submissionOpensAt, c.submissionClosesAt, now) === 'open',
    },
    eligibility: c.eligibility,
    rubric: c.rubric,
    limits: c.limits,
    rubricLocked: c.rubricLockedAt !== null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** Drops undefined members so a stored JSON rule never carries "key": null by accident. */
const clean = <T extends object>(o: T | undefined): T =>
  Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as T;

const instant = (path: string, value: string): Date => {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw badRequest('VALIDATION_FAILED', `${path} is not a valid instant`, [
      { path, message: 'not a valid instant' },
    ]);
  }
  return date;
};

/** Closed competitions stay in the public list this long after their window closes. */
export const RECENT_DAYS = 365;

const LISTING_STATE: Record<ReturnType<typeof windowState>, ListingStatus> = {
  open: 'open',
  not_open: 'upcoming',
  closed: 'closed',
};

const slugTaken = () =>
  conflict('A competition with this slug already exists in the programme', 'SLUG_TAKEN');

@Injectable()
export class CompetitionsService {
  constructor(
    private readonly tx: Transactions,
    private readonly access: ProgrammeAccess,
    private readonly audit: AuditService,
    private readonly results: ListingResults,
    private readonly cache: PublicCompetitionCache,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(
    actor: Principal,
    programmeId: string,
    dto: CreateCompetitionDto,
  ): Promise<CompetitionResponseDto> {
    const draft = {
      programmeId,
      kind: dto.kind,
      title: dto.title,
      slug: dto.slug,
      description: dto.description ?? null,
      submissionOpensAt: instant('submissionOpensAt', dto.submissionOpensAt),
      submissionClosesAt: instant('submissionClosesAt', dto.submissionClosesAt),
      eligibility: clean(dto.eligibility),
      rubric: dto.rubric.map((r) => clean(r)),
      limits: clean(dto.limits),
    };
    const errors = competitionProblems(draft);
    if (errors.length > 0) {
      throw badRequest('VALIDATION_FAILED', errors.map((e) => e.message).join('; '), errors);
    }
    const { competition, timezone } = await this.tx
      .run(async (m) => {
        const programme = await this.access.assertCanManage(actor, programmeId, m);
        if (await m.existsBy(Competition, { programmeId, slug: dto.slug })) throw slugTaken();
        const competition = await m.save(Competition, m.create(Competition, draft));
        await this.audit.record(m, {
          actorId: actor.id,
          action: 'competition.created',
          targetType: 'competition',
          targetId: competition.id,
          details: { programmeId, slug: competition.slug, kind: competition.kind },
        });
        return { competition, timezone: programme.timezone };
      })
      .catch((err: unknown) => {
        throw isUniqueViolation(err) ? slugTaken() : err;
      });
    return competitionView(competition, timezone, this.clock.now());
  }

  /** A programme's competitions for its coordinators, the latest window first. */
  async listForProgramme(
    actor: Principal,
    programmeId: string,
    q: PageQuery,
  ): Promise<CompetitionPageDto> {
    const programme = await this.access.assertCanManage(actor, programmeId);
    const { skip, take } = skipTake(q);
    const [rows, total] = await this.tx.manager.getRepository(Competition).findAndCount({
      where: { programmeId },
      order: { submissionClosesAt: 'DESC', id: 'ASC' },
      skip,
      take,
    });
    return pageOf(
      rows.map((c) => competitionView(c, programme.timezone, this.clock.now())),
      total,
      q,
    );
  }

  /** The public answer, from PublicCompetitionCache when it holds it. */
  async get(anyCaseId: string): Promise<SentJson<CompetitionResponseDto>> {
    const id = anyCaseId.toLowerCase();
    const now = this.clock.now();
    const kept = this.cache.get(id, now.getTime());
    if (kept) return kept;
    const ticket = this.cache.ticket();
    const row = await publicCompetition(this.tx.manager, id);
    if (!row) throw notFound('Competition');
    const body = sentJson<CompetitionResponseDto>(
      JSON.stringify(competitionView(row, row.timezone, now)),
    );
    this.cache.put(
      id,
      ticket,
      { body, programmeId: row.programmeId },
      now.getTime(),
      nextWindowChange(row.submissionOpensAt, row.submissionClosesAt, now),
    );
    return body;
  }

  /**
   * Competitions open now, opening later and closed within RECENT_DAYS, of every programme:
   * open ones first (closing soonest first), then upcoming (opening soonest), then closed (latest
   * first). One query, the total counted alongside.
   */
  async list(
    q: CompetitionListQuery,
    now: Date = this.clock.now(),
  ): Promise<CompetitionListPageDto> {
    const since = new Date(now.getTime() - RECENT_DAYS * 86400_000);
    const { rows, total } = await pageListing(this.tx.manager, q, now, since, this.results.table);
    const items = rows.map((r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind,
      programmeId: r.programme_id,
      programmeName: r.programme_name,
      timezone: r.timezone,
      opensAt: r.opens_at.toISOString(),
      closesAt: r.closes_at.toISOString(),
      status: LISTING_STATE[windowState(r.opens_at, r.closes_at, now)],
      resultsPublished: r.results_published,
    }));
    return pageOf(items, total, q);
  }

  async update(
    actor: Principal,
    id: string,
    dto: UpdateCompetitionDto,
  ): Promise<CompetitionResponseDto> {
    const { competition, timezone } = await this.tx
      .run(async (m) => {
        const current = await this.lock(m, id);
        const programme = await this.access.assertCanManage(actor, current.programmeId, m);
        const next: Competition = {
          ...current,
          ...(dto.kind !== undefined ? { kind: dto.kind } : {}),
          ...(dto.title !== undefined ? { title: dto.title } : {}),
          ...(dto.slug !== undefined ? { slug: dto.slug } : {}),
          ...(dto.description !== undefined ? { description: dto.description ?? null } : {}),
          ...(dto.submissionOpensAt !== undefined
            ? { submissionOpensAt: instant('submissionOpensAt', dto.submissionOpensAt) }
            : {}),
          ...(dto.submissionClosesAt !== undefined
            ? { submissionClosesAt: instant('submissionClosesAt', dto.submissionClosesAt) }
            : {}),
          ...(dto.eligibility !== undefined ? { eligibility: clean(dto.eligibility) } : {}),
          ...(dto.rubric !== undefined ? { rubric: dto.rubric.map((r) => clean(r)) } : {}),
          ...(dto.limits !== undefined ? { limits: clean(dto.limits) } : {}),
        };
        const errors = competitionProblems(next);
        if (errors.length > 0) {
          throw badRequest('VALIDATION_FAILED', errors.map((e) => e.message).join('; '), errors);
        }
        const changes = diffFields(current, next);
        if (changes.rubric && current.rubricLockedAt) {
          throw conflict(
            'The rubric cannot change: judges have already scored entries with it',
            'RUBRIC_LOCKED',
          );
        }
        if (changes.kind && (await m.existsBy(Submission, { competitionId: id }))) {
          throw conflict('The kind cannot change once entries exist');
        }
        if (
          changes.slug &&
          (await m.existsBy(Competition, { programmeId: next.programmeId, slug: next.slug }))
        ) {
          throw slugTaken();
        }
        if (Object.keys(changes).length > 0) {
          await m.save(Competition, next);
          await this.audit.record(m, {
            actorId: actor.id,
            action: 'competition.updated',
            targetType: 'competition',
            targetId: id,
            details: { changes },
          });
        }
        const competition = await m.findOneByOrFail(Competition, { id });
        return { competition, timezone: programme.timezone };
      })
      .catch((err: unknown) => {
        throw isUniqueViolation(err) ? slugTaken() : err;
      });
    this.cache.drop(id);
    return competitionView(competition, timezone, this.clock.now());
  }

  private async lock(m: EntityManager, id: string): Promise<Competition> {
    const competition = await m.findOne(Competition, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!competition) throw notFound('Competition');
    return competition;
  }
}
