import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { conflict, notFound } from '../common/errors/app-error';
import { pageOf } from '../common/http/pagination';
import { CLOCK, type Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { getUser } from '../identity/user-rows';
import { OutboxService } from '../notifications/outbox.service';
import { PenpalMatchesService } from '../penpal/penpal-matches.service';
import { ProgrammeAccess } from '../programmes/programme-access';
import { CaseQuery, DecidedDto, DecisionDto, ModerationCasePageDto } from './dto/letter.dto';
import { LetterDelivery } from './letter-delivery';
import { Letter } from './letter.entity';
import { toModerationCaseDto } from './letter-view';
import { LettersService } from './letters.service';
import { ModerationCase } from './moderation-case.entity';
import { pageCases } from './moderation.store';

/**
 * The programme's moderation queue: letters held for contact details and letters reported by
 * their recipient. The only way a coordinator reads a letter, and only that one letter.
 */
@Injectable()
export class ModerationService {
  constructor(
    private readonly tx: Transactions,
    private readonly access: ProgrammeAccess,
    private readonly letters: LettersService,
    private readonly matches: PenpalMatchesService,
    private readonly delivery: LetterDelivery,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(who: Principal, programmeId: string, q: CaseQuery): Promise<ModerationCasePageDto> {
    await this.access.assertCanManage(who, programmeId);
    const [rows, n] = await pageCases(
      this.tx.manager,
      programmeId,
      q.status,
      q.pageSize,
      (q.page - 1) * q.pageSize,
    );
    const now = this.clock.now();
    return pageOf(
      rows.map((r) => toModerationCaseDto(r, now)),
      n,
      q,
    );
  }

  /**
   * release: a held letter goes to the recipient (a reported one is shown again); remove: the
   * recipient never sees it; end_match: removed, and the match ends, both told. Audited; the
   * writer hears what became of a held or removed letter, in their language.
   */
  async decide(who: Principal, caseId: string, dto: DecisionDto): Promise<DecidedDto> {
    const outcome = await this.tx.run(async (m) => {
      const found = await m.findOne(ModerationCase, {
        where: { id: caseId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!found) throw notFound('Moderation case');
      await this.access.assertCanManage(who, found.programmeId, m);
      if (found.status === 'decided')
        throw conflict('This case was decided already', 'CASE_DECIDED');
      const letter = await m.findOneOrFail(Letter, {
        where: { id: found.letterId },
        lock: { mode: 'pessimistic_write' },
      });
      const { match, round } = await this.matches.forLetters(m, letter.matchId, true);

      if (dto.action === 'release') {
        if (letter.status === 'held') {
          if (match.status !== 'accepted') {
            // The match ended meanwhile: nothing flows on it any more.
            await m.update(Letter, { id: letter.id }, { status: 'removed' });
          } else if (letter.deliverAt.getTime() > this.clock.now().getTime()) {
            letter.status = 'scheduled';
            await m.update(Letter, { id: letter.id }, { status: 'scheduled' });
          } else {
            await this.delivery.deliverNow(m, letter);
          }
          await this.delivery.tellWriter(m, letter, 'letter.released');
        }
      } else {
        if (letter.status !== 'removed') {
          await m.update(Letter, { id: letter.id }, { status: 'removed' });
          await this.delivery.tellWriter(m, letter, 'letter.removed');
        }
        if (dto.action === 'end_match' && ['accepted', 'published'].includes(match.status)) {
          await this.letters.endMatch(m, match, who.id);
          const people = [await getUser(m, match.userA), await getUser(m, match.userB)];
          await this.outbox.enqueue(
            m,
            people.map((to) => ({
              type: 'penpal.cancelled',
              recipient: { userId: to.id, email: to.email, locale: to.locale },
              payload: { displayName: to.displayName, roundName: round.name },
            })),
          );
        }
      }
      const decidedAt = this.clock.now();
      await m.update(
        ModerationCase,
        { id: found.id },
        {
          status: 'decided',
          decision: dto.action,
          note: dto.note ?? null,
          decidedBy: who.id,
          decidedAt,
        },
      );
      await this.audit.record(m, {
        actorId: who.id,
        action: 'moderation_case.decided',
        targetType: 'moderation_case',
        targetId: found.id,
        details: {
          decision: dto.action,
          kind: found.kind,
          letterId: letter.id,
          matchId: match.id,
          note: dto.note ?? null,
        },
      });
      return {
        result: { id: found.id, status: 'decided' as const, decision: dto.action, decidedAt },
        schedule: letter.status === 'scheduled' ? letter : null,
      };
    });
    if (outcome.schedule) await this.delivery.schedule(outcome.schedule);
    return outcome.result;
  }
}
