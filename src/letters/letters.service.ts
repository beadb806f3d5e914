import { HttpStatus, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import type { SessionCheck } from '../common/auth/session-check';
import { AppError, conflict, forbidden, notFound } from '../common/errors/app-error';
import { PageQuery, pageOf } from '../common/http/pagination';
import { tooManyRequests } from '../common/redis/rate-limiter';
import { isMinorOn } from '../common/age';
import { CLOCK, type Clock } from '../common/clock';
import { admitCaller } from '../identity/session-sql';
import { getUser } from '../identity/user-rows';
import { Transactions } from '../database/transactions';
import { OutboxService } from '../notifications/outbox.service';
import { MatchRow, PenpalMatchesService, readable } from '../penpal/penpal-matches.service';
import {
  ContactKind,
  scanContactDetails,
  warmUpContactDetector,
} from './detector/contact-detector';
import {
  EndMatchDto,
  LetterPageDto,
  LetterReadDto,
  MatchEndedDto,
  MatchReadDto,
  ReportedDto,
  ReportLetterDto,
  UnreadLettersDto,
  WriteLetterDto,
  WrittenLetterDto,
} from './dto/letter.dto';
import { toLetterDto } from './letter-view';
import { Correspondents, LetterDelivery } from './letter-delivery';
import { Letter, LetterStatus } from './letter.entity';
import { ModerationCase } from './moderation-case.entity';
import {
  LetterRow,
  lockedWriteContext,
  markThreadRead,
  oldestLetterOfDay,
  threadPage,
  unreadPerMatch,
  visibleLetterCount,
  WriteContext,
  writeContextWithCaller,
  writeLetter,
} from './letters.store';
import { travelTimeMs } from './travel/travel-time';

const DAY_MS = 86400_000;

/** A letter as decided on its write's context, before it is written. */
interface PlannedLetter {
  matchId: string;
  senderId: string;
  recipientId: string;
  status: Exclude<LetterStatus, 'removed'>;
  deliverAt: Date;
  heldReason: string | null;
  heldKinds: ContactKind[];
}

interface WritePlan {
  ctx: WriteContext;
  now: Date;
  letter: PlannedLetter;
  body: string;
  language: string;
}

type Written = PlannedLetter & { id: string };

const notActive = () =>
  new AppError(
    HttpStatus.CONFLICT,
    'MATCH_NOT_ACTIVE',
    'Letters flow only on an active match (both pen pals accepted, not ended)',
  );

/**
 * Letters between the two people of a match. Only they read them: coordinators see a letter
 * only when it is brought to them as a moderation case (ModerationService).
 */
@Injectable()
export class LettersService implements OnApplicationBootstrap {
  constructor(
    private readonly tx: Transactions,
    private readonly matches: PenpalMatchesService,
    private readonly delivery: LetterDelivery,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Before the server listens: the detector's first scan would stall the first letters written. */
  onApplicationBootstrap(): void {
    warmUpContactDetector();
  }

  /** The caller's side of the match; anyone else (staff included) gets 403. */
  private otherOf(match: Pick<MatchRow, 'userA' | 'userB'>, who: Principal): string {
    if (match.userA === who.id) return match.userB;
    if (match.userB === who.id) return match.userA;
    throw forbidden('Only the two pen pals of a match read and write its letters');
  }

  /**
   * Two statements for a travelling letter, none of them BEGIN or COMMIT: the write's context
   * read without a lock, the caller's session checked in the same statement (issue 13), then the
   * letter written by one statement that locks the match and checks the context still holds
   * (writeLetter). The caller is admitted before anything is decided on what was read. A held or
   * an undelayed letter writes its notice (and a held one its case) in one transaction with it.
   * When the context changed in between (the match ended, a round rule or a pen pal's profile
   * changed), the write is decided again on the context read under the match's lock. A
   * travelling letter's delivery job is added after the commit, while the answer goes out.
   */
  async write(
    check: SessionCheck,
    matchId: string,
    dto: WriteLetterDto,
  ): Promise<WrittenLetterDto> {
    const { caller, ctx } = await writeContextWithCaller(this.tx.manager, matchId, check.claims);
    const who = admitCaller(check, caller).caller;
    const plan = this.decide(who, matchId, dto, ctx);
    // Nothing to tell at once about a travelling letter: its one statement needs no transaction.
    let written =
      plan.letter.status === 'scheduled'
        ? await this.insert(this.tx.manager, plan)
        : await this.tx.run((m) => this.insert(m, plan));
    for (let attempt = 1; !written; attempt += 1) {
      if (attempt === 3)
        throw conflict('The match changed while the letter was written; try again');
      written = await this.tx.run(async (m) =>
        this.insert(
          m,
          this.decide(who, matchId, dto, await lockedWriteContext(m, matchId, who.id)),
        ),
      );
    }
    // Redis only after the commit, and not waited for: the letter is safe in its row, and a
    // failed or lost add is the hourly maintenance's to repair (it delivers due letters without a
    // job), so the answer need not wait for Redis.
    if (written.status === 'scheduled') void this.delivery.schedule(written);
    return {
      id: written.id,
      status: written.status,
      deliverAt: written.deliverAt,
      ...(written.status === 'held'
        ? { heldReason: written.heldReason!, heldKinds: written.heldKinds }
        : {}),
    };
  }

  /** The letter as the context decides it: held, travelling or delivered now; or why not at all. */
  private decide(
    who: Principal,
    matchId: string,
    dto: WriteLetterDto,
    ctx: WriteContext | undefined,
  ): WritePlan {
    if (!ctx || !readable(ctx.matchStatus)) throw notFound('Pen-pal match');
    const recipientId = this.otherOf(ctx, who);
    if (ctx.matchStatus !== 'accepted') throw notActive();
    if (!ctx.senderCountry || !ctx.recipientCountry)
      throw new Error(`No profile for a pen pal of match ${matchId}`);

    const now = this.clock.now();
    const screened =
      ctx.screenAdultLetters || isMinorOn(ctx.senderDob!, now) || isMinorOn(ctx.recipientDob!, now);
    const scan = screened ? scanContactDetails(dto.body) : null;
    const travel =
      ctx.letterDelay === 'distance' ? travelTimeMs(ctx.senderCountry, ctx.recipientCountry) : 0;
    const held = scan?.found === true;
    const status: PlannedLetter['status'] = held ? 'held' : travel > 0 ? 'scheduled' : 'delivered';
    return {
      ctx,
      now,
      letter: {
        matchId,
        senderId: who.id,
        recipientId,
        status,
        deliverAt: new Date(now.getTime() + travel),
        heldReason: held ? 'contact_details' : null,
        heldKinds: held ? scan.kinds : [],
      },
      body: dto.body,
      language: dto.language ?? who.locale,
    };
  }

  /** Writes the planned letter and, in the same transaction, what it tells at once. */
  private async insert(m: EntityManager, plan: WritePlan): Promise<Written | undefined> {
    const { ctx, letter, now } = plan;
    const id = await writeLetter(
      m,
      {
        ...letter,
        body: plan.body,
        language: plan.language,
        deliveredAt: letter.status === 'delivered' ? now : null,
        createdAt: now,
      },
      ctx,
    );
    if (id === 'stale') return undefined;
    if (id === 'over')
      throw await this.overDailyLimit(m, letter.matchId, letter.senderId, ctx.lettersPerDay, now);
    const people: Correspondents = {
      writer: {
        id: letter.senderId,
        email: ctx.senderEmail,
        displayName: ctx.senderName,
        locale: ctx.senderLocale,
      },
      penpal: {
        id: letter.recipientId,
        email: ctx.recipientEmail,
        displayName: ctx.recipientName,
        locale: ctx.recipientLocale,
      },
    };
    if (letter.status === 'held') {
      await m.insert(ModerationCase, {
        programmeId: ctx.programmeId,
        letterId: id,
        kind: 'held',
        reason: 'contact_details',
        detail: letter.heldKinds.join(', '),
      });
      await this.delivery.tellWriter(m, letter, 'letter.held', people);
    } else if (letter.status === 'delivered') {
      await this.delivery.tellRecipient(m, letter, people);
    }
    return { ...letter, id };
  }

  /**
   * The 429 when the round's lettersPerDay were written in the last 24 hours (counted under the
   * match row's lock, so two letters at once cannot both pass): when the oldest of them leaves the window.
   */
  private async overDailyLimit(
    m: EntityManager,
    matchId: string,
    senderId: string,
    lettersPerDay: number,
    now: Date,
  ): Promise<AppError> {
    const oldest = await oldestLetterOfDay(m, matchId, senderId, now);
    const wait = Math.max(1, Math.ceil((oldest.getTime() + DAY_MS - now.getTime()) / 1000));
    const error = tooManyRequests(wait, 'TOO_MANY_LETTERS');
    return new AppError(
      error.status,
      error.code,
      `You can send ${lettersPerDay} letters a day to this pen pal; try again in ${Math.ceil(wait / 3600)} h`,
      undefined,
      error.headers,
    );
  }

  /**
   * Newest first. The writer sees their own letters whatever their state; the recipient sees
   * delivered letters only, except one they reported while the report is open.
   */
  async list(who: Principal, matchId: string, q: PageQuery): Promise<LetterPageDto> {
    // The match and the page (with the total) in one prepared round trip: a thread opens often,
    // and planning these statements took longer than running them (bench:letters EXPLAIN).
    // Letters are read only when the caller is one of the two pen pals.
    const rows = await threadPage(
      this.tx.manager,
      matchId,
      who.id,
      q.pageSize,
      (q.page - 1) * q.pageSize,
    );
    const head = rows[0];
    if (!head || !readable(head.matchStatus)) throw notFound('Pen-pal match');
    this.otherOf({ userA: head.userA, userB: head.userB }, who);
    const letters = rows.filter((r) => r.id !== null) as (LetterRow & { total: number })[];
    // Past the last page there is no row to carry the total: count alone.
    const n =
      letters.length > 0
        ? letters[0].total
        : await visibleLetterCount(this.tx.manager, matchId, who.id);
    return pageOf(
      letters.map((r) => toLetterDto(r, who.id)),
      n,
      q,
    );
  }

  /**
   * How many letters wait unread for the caller, per match: delivered to them, not read, not
   * hidden by their own open report (the same letters the thread shows them).
   */
  async unread(who: Principal): Promise<UnreadLettersDto> {
    const rows = await unreadPerMatch(this.tx.manager, who.id);
    return {
      total: rows.reduce((sum, r) => sum + r.n, 0),
      matches: rows.map((r) => ({ matchId: r.match_id, unread: r.n })),
    };
  }

  /** Marks every letter the caller can see on the match as read (opening the thread). */
  async markMatchRead(who: Principal, matchId: string): Promise<MatchReadDto> {
    const match = await this.matches.matchForLetters(this.tx.manager, matchId);
    this.otherOf(match, who);
    const marked = await markThreadRead(this.tx.manager, match.id, who.id, this.clock.now());
    return { matchId: match.id, marked };
  }

  /** A letter the caller received and may see (delivered, not hidden by their open report). */
  private async received(m: EntityManager, who: Principal, letterId: string): Promise<Letter> {
    const letter = await m.findOne(Letter, {
      where: { id: letterId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!letter) throw notFound('Letter');
    if (letter.recipientId !== who.id) {
      if (letter.senderId === who.id) throw forbidden('Only the recipient can do this');
      throw forbidden('Only the two pen pals of a match read its letters');
    }
    const hidden = await m.exists(ModerationCase, {
      where: { letterId, reporterId: who.id, status: 'open' },
    });
    if (letter.status !== 'delivered' || hidden) throw notFound('Letter');
    return letter;
  }

  async markRead(who: Principal, letterId: string): Promise<LetterReadDto> {
    return this.tx.run(async (m) => {
      const letter = await this.received(m, who, letterId);
      if (!letter.readAt) {
        letter.readAt = this.clock.now();
        await m.update(Letter, { id: letter.id }, { readAt: letter.readAt });
      }
      return { id: letter.id, readAt: letter.readAt };
    });
  }

  /** The recipient reports a letter: a moderation case, and the letter is hidden from them. */
  async report(who: Principal, letterId: string, dto: ReportLetterDto): Promise<ReportedDto> {
    return this.tx.run(async (m) => {
      const letter = await this.received(m, who, letterId);
      const { round } = await this.matches.forLetters(m, letter.matchId);
      const reported = await m.exists(ModerationCase, {
        where: { letterId, reporterId: who.id },
      });
      if (reported) throw conflict('You reported this letter already', 'ALREADY_REPORTED');
      const created = m.create(ModerationCase, {
        programmeId: round.programmeId,
        letterId,
        kind: 'report',
        reason: dto.reason,
        detail: dto.detail ?? null,
        reporterId: who.id,
      });
      await m.save(created);
      return { id: created.id, kind: 'report', reason: dto.reason, status: 'open' };
    });
  }

  /**
   * Either pen pal ends the match: no more letters either way (letters still travelling are
   * not delivered), the other is told it ended (not why), and they are never matched again.
   */
  async end(who: Principal, matchId: string, dto: EndMatchDto): Promise<MatchEndedDto> {
    return this.tx.run(async (m) => {
      const { match, round } = await this.matches.forLetters(m, matchId, true);
      const otherId = this.otherOf(match, who);
      if (match.status !== 'accepted' && match.status !== 'published') throw notActive();
      await this.endMatch(m, match, who.id);
      const me = await getUser(m, who.id);
      const other = await getUser(m, otherId);
      await this.outbox.enqueue(m, {
        type: 'penpal.ended',
        recipient: { userId: other.id, email: other.email, locale: other.locale },
        payload: {
          displayName: other.displayName,
          penpalName: me.displayName,
          roundName: round.name,
        },
      });
      await this.audit.record(m, {
        actorId: who.id,
        action: 'penpal_match.ended',
        targetType: 'penpal_match',
        targetId: match.id,
        details: { roundId: round.id, reason: dto.reason ?? null },
      });
      return { matchId: match.id, status: 'ended' as const };
    });
  }

  /** Ends the match and stops the letters still travelling on it. */
  async endMatch(m: EntityManager, match: MatchRow, by: string): Promise<void> {
    await this.matches.end(m, match, by);
    await m.update(Letter, { matchId: match.id, status: 'scheduled' }, { status: 'removed' });
  }
}
