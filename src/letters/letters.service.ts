import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { AppError, conflict, forbidden, notFound } from '../common/errors/app-error';
import { PageQuery, pageOf } from '../common/http/pagination';
import { tooManyRequests } from '../common/redis/rate-limiter';
import { isMinorOn } from '../common/age';
import { CLOCK, type Clock } from '../common/clock';
import { getUser } from '../identity/user-rows';
import { PEOPLE, PROFILES } from '../identity/people-sql';
import { ROUND_LETTER_RULES } from '../penpal/round-sql';
import { preparedQuery } from '../database/prepared';
import { OutboxService } from '../notifications/outbox.service';
import {
  MatchRow,
  PenpalMatchesService,
  readable,
  RoundRow,
} from '../penpal/penpal-matches.service';
import { scanContactDetails } from './detector/contact-detector';
import { EndMatchDto, ReportLetterDto, WriteLetterDto } from './dto/letter.dto';
import { Correspondents, LetterDelivery } from './letter-delivery';
import { Letter, LetterStatus } from './letter.entity';
import { ModerationCase } from './moderation-case.entity';
import { travelTimeMs } from './travel/travel-time';

const DAY_MS = 86400_000;

const notActive = () =>
  new AppError(
    HttpStatus.CONFLICT,
    'MATCH_NOT_ACTIVE',
    'Letters flow only on an active match (both pen pals accepted, not ended)',
  );

interface LetterRow {
  id: string;
  sender_id: string;
  body: string;
  language: string | null;
  status: LetterStatus;
  deliver_at: Date;
  read_at: Date | null;
  created_at: Date;
  held_reason: string | null;
}

/** A letter that person $2, one of its match's two, sees: their own, or delivered and not hidden by their open report. */
const VISIBLE_LETTER = `(l.sender_id = $2 OR (l.status = 'delivered' AND NOT EXISTS (
        SELECT 1 FROM moderation_cases c WHERE c.letter_id = l.id AND c.reporter_id = $2 AND c.status = 'open')))`;

/** What writing a letter reads: the match (locked), its round, both pen pals and their profiles. */
interface WriteContext {
  userA: string;
  userB: string;
  matchStatus: MatchRow['status'];
  programmeId: string;
  letterDelay: RoundRow['letterDelay'];
  lettersPerDay: number;
  screenAdultLetters: boolean;
  senderName: string;
  senderEmail: string;
  senderLocale: string;
  senderCountry: string | null;
  senderDob: string | null;
  recipientName: string;
  recipientEmail: string;
  recipientLocale: string;
  recipientCountry: string | null;
  recipientDob: string | null;
}

/**
 * One prepared read for a write, the match row locked (the daily count in the insert that follows
 * runs after the lock, in a snapshot of its own). The recipient is the other of the two when $2 is
 * one of them; the caller checks that it is.
 */
const WRITE_CONTEXT = `
  SELECT m.user_a AS "userA", m.user_b AS "userB", m.status AS "matchStatus",
         r.programme_id AS "programmeId", r.letter_delay AS "letterDelay",
         r.letters_per_day AS "lettersPerDay", r.screen_adult_letters AS "screenAdultLetters",
         su.display_name AS "senderName", su.email AS "senderEmail", su.locale AS "senderLocale",
         sp.country AS "senderCountry", sp.date_of_birth::text AS "senderDob",
         ru.display_name AS "recipientName", ru.email AS "recipientEmail",
         ru.locale AS "recipientLocale", rp.country AS "recipientCountry",
         rp.date_of_birth::text AS "recipientDob"
    FROM penpal_matches m
    JOIN ${ROUND_LETTER_RULES} r ON r.id = m.round_id
    LEFT JOIN ${PEOPLE} su ON su.id = $2
    LEFT JOIN ${PROFILES} sp ON sp.user_id = su.id
    LEFT JOIN ${PEOPLE} ru ON ru.id = CASE WHEN m.user_a = $2 THEN m.user_b ELSE m.user_a END
    LEFT JOIN ${PROFILES} rp ON rp.user_id = ru.id
   WHERE m.id = $1
     FOR UPDATE OF m`;

/** The match beside a page of its letters (letter columns null when the page is empty). */
type ThreadRow = { userA: string; userB: string; matchStatus: MatchRow['status'] } & {
  [K in keyof LetterRow]: LetterRow[K] | null;
} & { total: number | null };

/**
 * Letters between the two people of a match. Only they read them: coordinators see a letter
 * only when it is brought to them as a moderation case (ModerationService).
 */
@Injectable()
export class LettersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly matches: PenpalMatchesService,
    private readonly delivery: LetterDelivery,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The caller's side of the match; anyone else (staff included) gets 403. */
  private otherOf(match: Pick<MatchRow, 'userA' | 'userB'>, who: Principal): string {
    if (match.userA === who.id) return match.userB;
    if (match.userB === who.id) return match.userA;
    throw forbidden('Only the two pen pals of a match read and write its letters');
  }

  /**
   * Four statements in all: BEGIN, the match locked with all a write reads (WRITE_CONTEXT), the
   * letter inserted unless the daily limit is reached, COMMIT; a held or an undelayed letter adds
   * its notice (and a held one its case). Redis is called after the commit, for a travelling one.
   */
  async write(who: Principal, matchId: string, dto: WriteLetterDto) {
    const written = await this.db.transaction(async (m) => {
      const [ctx] = await preparedQuery<WriteContext>(
        m,
        'kenal_letters_write_context',
        WRITE_CONTEXT,
        [matchId, who.id],
      );
      if (!ctx || !readable(ctx.matchStatus)) throw notFound('Pen-pal match');
      const recipientId = this.otherOf(ctx, who);
      if (ctx.matchStatus !== 'accepted') throw notActive();
      if (!ctx.senderCountry || !ctx.recipientCountry)
        throw new Error(`No profile for a pen pal of match ${matchId}`);

      const now = this.clock.now();
      const screened =
        ctx.screenAdultLetters ||
        isMinorOn(ctx.senderDob!, now) ||
        isMinorOn(ctx.recipientDob!, now);
      const scan = screened ? scanContactDetails(dto.body) : null;
      const travel =
        ctx.letterDelay === 'distance' ? travelTimeMs(ctx.senderCountry, ctx.recipientCountry) : 0;
      const held = scan?.found === true;
      const status: LetterStatus = held ? 'held' : travel > 0 ? 'scheduled' : 'delivered';
      const letter = {
        matchId,
        senderId: who.id,
        recipientId,
        status,
        deliverAt: new Date(now.getTime() + travel),
        heldReason: held ? 'contact_details' : null,
        heldKinds: held ? scan.kinds : [],
      };
      const [inserted] = await preparedQuery<{ id: string }>(
        m,
        'kenal_letters_insert',
        `INSERT INTO letters (match_id, sender_id, recipient_id, body, language, status, deliver_at,
                              delivered_at, held_reason, held_kinds, created_at)
         SELECT $1::uuid, $2::uuid, $3::uuid, $4::text, $5::text, $6::text, $7::timestamptz,
                $8::timestamptz, $9::text, $10::text[], $11::timestamptz
          WHERE (SELECT count(*) FROM letters WHERE match_id = $1 AND sender_id = $2
                    AND created_at > $11::timestamptz - interval '24 hours') < $12::int
         RETURNING id`,
        [
          matchId,
          who.id,
          recipientId,
          dto.body,
          dto.language ?? who.locale,
          status,
          letter.deliverAt,
          status === 'delivered' ? now : null,
          letter.heldReason,
          letter.heldKinds,
          now,
          ctx.lettersPerDay,
        ],
      );
      if (!inserted) throw await this.overDailyLimit(m, matchId, who.id, ctx.lettersPerDay, now);

      const people: Correspondents = {
        writer: {
          id: who.id,
          email: ctx.senderEmail,
          displayName: ctx.senderName,
          locale: ctx.senderLocale,
        },
        penpal: {
          id: recipientId,
          email: ctx.recipientEmail,
          displayName: ctx.recipientName,
          locale: ctx.recipientLocale,
        },
      };
      if (held) {
        await m.insert(ModerationCase, {
          programmeId: ctx.programmeId,
          letterId: inserted.id,
          kind: 'held',
          reason: 'contact_details',
          detail: scan.kinds.join(', '),
        });
        await this.delivery.tellWriter(m, letter, 'letter.held', people);
      } else if (status === 'delivered') {
        await this.delivery.tellRecipient(m, letter, people);
      }
      return { ...letter, id: inserted.id };
    });
    // Redis only after the commit; the hourly maintenance repairs a failed call.
    if (written.status === 'scheduled') await this.delivery.schedule(written);
    return {
      id: written.id,
      status: written.status,
      deliverAt: written.deliverAt,
      ...(written.status === 'held'
        ? { heldReason: written.heldReason!, heldKinds: written.heldKinds }
        : {}),
    };
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
    const [row] = await preparedQuery<{ oldest: Date }>(
      m,
      'kenal_letters_daily_oldest',
      `SELECT min(created_at) AS oldest FROM letters
        WHERE match_id = $1 AND sender_id = $2 AND created_at > $3::timestamptz - interval '24 hours'`,
      [matchId, senderId, now],
    );
    const wait = Math.max(1, Math.ceil((row.oldest.getTime() + DAY_MS - now.getTime()) / 1000));
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
  async list(who: Principal, matchId: string, q: PageQuery) {
    // The match and the page (with the total) in one prepared round trip: a thread opens often,
    // and planning these statements took longer than running them (bench:letters EXPLAIN).
    // Letters are read only when the caller is one of the two pen pals.
    const rows = await preparedQuery<ThreadRow>(
      this.db,
      'kenal_letters_thread',
      `SELECT m.user_a AS "userA", m.user_b AS "userB", m.status AS "matchStatus", l.*
         FROM penpal_matches m
         LEFT JOIN LATERAL (
              SELECT l.id, l.sender_id, l.body, l.language, l.status, l.deliver_at, l.read_at,
                     l.created_at, l.held_reason, count(*) OVER ()::int AS total
                FROM letters l
               WHERE l.match_id = m.id AND $2 IN (m.user_a, m.user_b) AND ${VISIBLE_LETTER}
               ORDER BY l.created_at DESC, l.id DESC LIMIT $3 OFFSET $4) l ON true
        WHERE m.id = $1`,
      [matchId, who.id, q.pageSize, (q.page - 1) * q.pageSize],
    );
    const head = rows[0];
    if (!head || !readable(head.matchStatus)) throw notFound('Pen-pal match');
    this.otherOf({ userA: head.userA, userB: head.userB }, who);
    const letters = rows.filter((r) => r.id !== null) as (LetterRow & { total: number })[];
    // Past the last page there is no row to carry the total: count alone.
    const n =
      letters.length > 0
        ? letters[0].total
        : (
            await preparedQuery<{ n: number }>(
              this.db,
              'kenal_letters_thread_count',
              `SELECT count(*)::int AS n FROM letters l WHERE l.match_id = $1 AND ${VISIBLE_LETTER}`,
              [matchId, who.id],
            )
          )[0].n;
    return pageOf(
      letters.map((r) => {
        const mine = r.sender_id === who.id;
        return {
          id: r.id,
          from: mine ? ('me' as const) : ('penpal' as const),
          body: r.body,
          language: r.language,
          status: r.status,
          deliverAt: r.deliver_at,
          readAt: r.read_at,
          createdAt: r.created_at,
          ...(mine && r.held_reason && r.status === 'held' ? { heldReason: r.held_reason } : {}),
        };
      }),
      n,
      q,
    );
  }

  /**
   * How many letters wait unread for the caller, per match: delivered to them, not read, not
   * hidden by their own open report (the same letters the thread shows them).
   */
  async unread(who: Principal) {
    const rows = await preparedQuery<{ match_id: string; n: number }>(
      this.db,
      'kenal_letters_unread',
      `SELECT l.match_id, count(*)::int AS n FROM letters l
        WHERE l.recipient_id = $1 AND l.status = 'delivered' AND l.read_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM moderation_cases c
                           WHERE c.letter_id = l.id AND c.reporter_id = $1 AND c.status = 'open')
        GROUP BY l.match_id ORDER BY l.match_id`,
      [who.id],
    );
    return {
      total: rows.reduce((sum, r) => sum + r.n, 0),
      matches: rows.map((r) => ({ matchId: r.match_id, unread: r.n })),
    };
  }

  /** Marks every letter the caller can see on the match as read (opening the thread). */
  async markMatchRead(who: Principal, matchId: string) {
    const match = await this.matches.matchForLetters(this.db.manager, matchId);
    this.otherOf(match, who);
    const [, marked]: [unknown, number] = await this.db.query(
      `UPDATE letters l SET read_at = $3
        WHERE l.match_id = $1 AND l.recipient_id = $2 AND l.status = 'delivered' AND l.read_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM moderation_cases c
                           WHERE c.letter_id = l.id AND c.reporter_id = $2 AND c.status = 'open')`,
      [match.id, who.id, this.clock.now()],
    );
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

  async markRead(who: Principal, letterId: string) {
    return this.db.transaction(async (m) => {
      const letter = await this.received(m, who, letterId);
      if (!letter.readAt) {
        letter.readAt = this.clock.now();
        await m.update(Letter, { id: letter.id }, { readAt: letter.readAt });
      }
      return { id: letter.id, readAt: letter.readAt };
    });
  }

  /** The recipient reports a letter: a moderation case, and the letter is hidden from them. */
  async report(who: Principal, letterId: string, dto: ReportLetterDto) {
    return this.db.transaction(async (m) => {
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
      return { id: created.id, kind: created.kind, reason: created.reason, status: created.status };
    });
  }

  /**
   * Either pen pal ends the match: no more letters either way (letters still travelling are
   * not delivered), the other is told it ended (not why), and they are never matched again.
   */
  async end(who: Principal, matchId: string, dto: EndMatchDto) {
    return this.db.transaction(async (m) => {
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
