import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { PROGRAMMES } from '../programmes/programme-sql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { badRequest, conflict, notFound } from '../common/errors/app-error';
import { pageOf, PageQuery, skipTake } from '../common/http/pagination';
import { isUniqueViolation } from '../database/errors';
import { ProgrammeAccess } from '../programmes/programme-access';
import { preparedQuery } from '../database/prepared';
import { Competition } from './competition.entity';
import {
  CompetitionListQuery,
  CreateCompetitionDto,
  ListingStatus,
  UpdateCompetitionDto,
} from './dto/competition.dto';
import { competitionProblems } from './rules/competition-rules';
import { windowState } from './rules/deadline';
import { diffFields } from './rules/diff';
import { zonedIso } from '../common/time-zones';
import { Submission } from './submission.entity';

export type CompetitionView = ReturnType<typeof competitionView>;

export function competitionView(c: Competition, timezone: string, now: Date) {
  return {
    id: c.id,
    programmeId: c.programmeId,
    kind: c.kind,
    title: c.title,
    slug: c.slug,
    description: c.description,
    submissionOpensAt: c.submissionOpensAt,
    submissionClosesAt: c.submissionClosesAt,
    window: {
      timezone,
      opensAt: c.submissionOpensAt,
      closesAt: c.submissionClosesAt,
      opensAtLocal: zonedIso(c.submissionOpensAt, timezone),
      closesAtLocal: zonedIso(c.submissionClosesAt, timezone),
      isOpen: windowState(c.submissionOpensAt, c.submissionClosesAt, now) === 'open',
    },
    eligibility: c.eligibility,
    rubric: c.rubric,
    limits: c.limits,
    rubricLocked: c.rubricLockedAt !== null,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
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

interface ListingRow {
  id: string;
  title: string;
  kind: Competition['kind'];
  programme_id: string;
  programme_name: string;
  timezone: string;
  opens_at: Date;
  closes_at: Date;
  results_published: boolean;
  total: string;
}

const slugTaken = () =>
  conflict('A competition with this slug already exists in the programme', 'SLUG_TAKEN');

@Injectable()
export class CompetitionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ProgrammeAccess,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(actor: Principal, programmeId: string, dto: CreateCompetitionDto) {
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
    const { competition, timezone } = await this.db
      .transaction(async (m) => {
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
  async listForProgramme(actor: Principal, programmeId: string, q: PageQuery) {
    const programme = await this.access.assertCanManage(actor, programmeId);
    const { skip, take } = skipTake(q);
    const [rows, total] = await this.db.getRepository(Competition).findAndCount({
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

  async get(id: string) {
    // One prepared query with its programme's time zone: under load, the query builder and its
    // entity hydration took a seventh of this route's CPU (bench:api --cpu-prof).
    const [row] = await preparedQuery<Competition & { timezone: string }>(
      this.db,
      'kenal_competition_public',
      `SELECT c.id, c.programme_id AS "programmeId", c.kind, c.title, c.slug, c.description,
              c.submission_opens_at AS "submissionOpensAt", c.submission_closes_at AS "submissionClosesAt",
              c.eligibility, c.rubric, c.limits, c.rubric_locked_at AS "rubricLockedAt",
              c.created_at AS "createdAt", c.updated_at AS "updatedAt", p.timezone
         FROM competitions c JOIN ${PROGRAMMES} p ON p.id = c.programme_id
        WHERE c.id = $1`,
      [id],
    );
    if (!row) throw notFound('Competition');
    return competitionView(row, row.timezone, this.clock.now());
  }

  /**
   * Competitions open now, opening later and closed within RECENT_DAYS, of every programme:
   * open ones first (closing soonest first), then upcoming (opening soonest), then closed (latest
   * first). One query, the total counted alongside.
   */
  async list(q: CompetitionListQuery, now: Date = this.clock.now()) {
    const since = new Date(now.getTime() - RECENT_DAYS * 86400_000);
    const where = ['c.submission_closes_at > $2'];
    const params: unknown[] = [now, since];
    if (q.kind) {
      params.push(q.kind);
      where.push(`c.kind = $${params.length}`);
    }
    if (q.status === 'open')
      where.push('c.submission_opens_at <= $1 AND c.submission_closes_at > $1');
    if (q.status === 'upcoming') where.push('c.submission_opens_at > $1');
    if (q.status === 'closed') where.push('c.submission_closes_at <= $1');
    params.push(q.pageSize, (q.page - 1) * q.pageSize);
    const rows: ListingRow[] = await this.db.query(
      `SELECT c.id, c.title, c.kind, c.programme_id, p.name AS programme_name, p.timezone,
              c.submission_opens_at AS opens_at, c.submission_closes_at AS closes_at,
              (r.published_at IS NOT NULL) AS results_published,
              count(*) OVER () AS total
         FROM competitions c
         JOIN ${PROGRAMMES} p ON p.id = c.programme_id
         LEFT JOIN competition_results r ON r.competition_id = c.id
        WHERE ${where.join(' AND ')}
        ORDER BY CASE WHEN c.submission_opens_at > $1 THEN 1
                      WHEN c.submission_closes_at > $1 THEN 0 ELSE 2 END,
                 CASE WHEN c.submission_opens_at > $1 THEN c.submission_opens_at
                      WHEN c.submission_closes_at > $1 THEN c.submission_closes_at END ASC,
                 c.submission_closes_at DESC, c.id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const total =
      rows.length > 0 ? Number(rows[0].total) : await this.countListing(q, where, params);
    const items = rows.map((r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind,
      programmeId: r.programme_id,
      programmeName: r.programme_name,
      timezone: r.timezone,
      opensAt: r.opens_at,
      closesAt: r.closes_at,
      status: LISTING_STATE[windowState(r.opens_at, r.closes_at, now)],
      resultsPublished: r.results_published,
    }));
    return pageOf(items, total, q);
  }

  /** A page past the end has no row to carry the total: count it on its own. */
  private async countListing(q: CompetitionListQuery, where: string[], params: unknown[]) {
    if (q.page === 1) return 0;
    const [{ total }] = (await this.db.query(
      // $1 (now) is typed here even when no filter reads it: PostgreSQL must know every parameter.
      `SELECT count(*) AS total FROM competitions c
        WHERE $1::timestamptz IS NOT NULL AND ${where.join(' AND ')}`,
      params.slice(0, -2),
    )) as { total: string }[];
    return Number(total);
  }

  async update(actor: Principal, id: string, dto: UpdateCompetitionDto) {
    const { competition, timezone } = await this.db
      .transaction(async (m) => {
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
        const changes = diffFields(
          { ...current } as unknown as Record<string, unknown>,
          { ...next } as unknown as Record<string, unknown>,
        );
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
