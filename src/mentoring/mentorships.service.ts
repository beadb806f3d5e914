import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { isCalendarDate } from '../common/age';
import type { Principal } from '../common/auth/principal';
import { badRequest, conflict, forbidden, notFound } from '../common/errors/app-error';
import { teamIdsOf } from '../competitions/project-entry-rows';
import type {
  CheckInDto,
  CheckInViewDto,
  MentoringReportDto,
  MyMentorshipDto,
} from './dto/mentorship.dto';
import { MentoringAccess } from './mentoring-access';
import { MentoringRound } from './mentoring-round.entity';
import { isSilent, mentorshipContext } from './mentorship-views';
import { MentoringCheckIn, Mentorship } from './mentorship.entity';
import { Transactions } from '../database/transactions';
import { markMentorshipActive } from './mentoring.store';

@Injectable()
export class MentorshipsService {
  constructor(
    private readonly tx: Transactions,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: MentoringAccess,
    private readonly audit: AuditService,
  ) {}

  /** My mentorships, as a mentor or as a member of a mentored team; newest first. */
  async mine(me: Principal): Promise<MyMentorshipDto[]> {
    const m = this.tx.manager;
    const teams = await teamIdsOf(m, me.id);
    const list = await m.find(Mentorship, {
      where: [{ mentorId: me.id }, ...(teams.length ? [{ teamId: In(teams) }] : [])],
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    const ctx = await mentorshipContext(m, list);
    const rounds = new Map(
      (list.length
        ? await m.findBy(MentoringRound, { id: In([...new Set(list.map((x) => x.roundId))]) })
        : []
      ).map((r) => [r.id, r]),
    );
    return list.map((x) => {
      const entry = ctx.entry(x);
      return {
        id: x.id,
        as: x.mentorId === me.id ? 'mentor' : 'team',
        roundId: x.roundId,
        roundName: rounds.get(x.roundId)?.name ?? '',
        team: {
          id: x.teamId,
          name: entry?.teamName ?? '',
          members: (entry?.members ?? []).map((p) => ({
            displayName: p.displayName,
            country: p.country,
          })),
        },
        project: {
          submissionId: x.submissionId,
          title: entry?.title ?? '',
          problem: entry?.problem ?? null,
          sdgs: entry?.sdgs ?? [],
          targetCountries: entry?.targetCountries ?? [],
        },
        mentor: ctx.mentor(x),
        reasons: ctx.reasons(x, me.locale),
        status: x.status,
        startedAt: x.createdAt,
        lastActivityAt: x.lastActivityAt,
        checkIns: ctx.checkIns(x),
      };
    });
  }

  /** A check-in by the mentor or a team member; anyone else gets 403. */
  async checkIn(me: Principal, mentorshipId: string, dto: CheckInDto): Promise<CheckInViewDto> {
    if (!isCalendarDate(dto.happenedOn)) {
      throw badRequest('VALIDATION_FAILED', 'happenedOn is not a date', [
        { path: 'happenedOn', message: 'not a calendar date' },
      ]);
    }
    // A day ahead of UTC still counts as today somewhere in the region.
    if (
      dto.happenedOn > new Date(this.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10)
    ) {
      throw badRequest('VALIDATION_FAILED', 'happenedOn is in the future', [
        { path: 'happenedOn', message: 'must not be in the future' },
      ]);
    }
    return this.tx.run(async (m) => {
      const x = await m.findOne(Mentorship, {
        where: { id: mentorshipId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!x) throw notFound('Mentorship');
      if (x.mentorId !== me.id && !(await teamIdsOf(m, me.id)).includes(x.teamId)) {
        throw forbidden('Only the mentor and the team record check-ins');
      }
      if (x.status !== 'active') throw conflict('This mentorship has ended', 'MENTORSHIP_ENDED');
      const saved = await m.save(
        m.create(MentoringCheckIn, {
          mentorshipId,
          authorId: me.id,
          happenedOn: dto.happenedOn,
          summary: dto.summary,
          nextSteps: dto.nextSteps?.trim() || null,
        }),
      );
      await markMentorshipActive(m, mentorshipId);
      await this.audit.record(m, {
        actorId: me.id,
        action: 'mentorship.checked_in',
        targetType: 'mentorship',
        targetId: mentorshipId,
        details: { happenedOn: dto.happenedOn },
      });
      return {
        id: saved.id,
        happenedOn: saved.happenedOn,
        summary: saved.summary,
        nextSteps: saved.nextSteps,
        authorName: me.displayName,
        createdAt: saved.createdAt,
      };
    });
  }

  /** The coordinator's view of a whole round: every mentorship, its check-ins and silence. */
  async report(actor: Principal, roundId: string): Promise<MentoringReportDto> {
    const m = this.tx.manager;
    const round = await this.access.managedRound(m, actor, roundId);
    const list = await m.find(Mentorship, {
      where: { roundId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const ctx = await mentorshipContext(m, list);
    const now = this.clock.now();
    const items = list.map((x) => {
      const checkIns = ctx.checkIns(x);
      return {
        mentorshipId: x.id,
        submissionId: x.submissionId,
        teamName: ctx.entry(x)?.teamName ?? '',
        projectTitle: ctx.entry(x)?.title ?? '',
        mentor: ctx.mentor(x),
        status: x.status,
        silent: isSilent(x, now),
        checkInCount: checkIns.length,
        lastActivityAt: x.lastActivityAt,
        checkIns,
      };
    });
    return {
      roundId,
      roundName: round.name,
      mentorships: items.length,
      active: items.filter((i) => i.status === 'active').length,
      silent: items.filter((i) => i.silent).length,
      checkIns: items.reduce((n, i) => n + i.checkInCount, 0),
      items,
    };
  }
}
