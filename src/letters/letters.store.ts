import type { EntityManager } from 'typeorm';
import type { SessionClaims } from '../common/auth/session-check';
import { preparedQuery } from '../database/prepared';
import { PEOPLE, PROFILES } from '../identity/people-sql';
import { type CallerColumns, liveCaller } from '../identity/session-sql';
import { MATCH_PAIRS } from '../penpal/match-sql';
import type { MatchRow, RoundRow } from '../penpal/penpal-matches.service';
import { ROUND_LETTER_RULES } from '../penpal/round-sql';
import type { LetterStatus } from './letter.entity';

/** The SQL of letters: writing, the thread, unread counts, delivery, the sweep and erasure. */

export interface LetterRow {
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
export interface WriteContext {
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

/** What a write reads ($1 the match, $2 the writer): the match, its round, both pen pals and their profiles. */
const WRITE_CONTEXT = `
  SELECT m.user_a AS "userA", m.user_b AS "userB", m.status AS "matchStatus",
         r.programme_id AS "programmeId", r.letter_delay AS "letterDelay",
         r.letters_per_day AS "lettersPerDay", r.screen_adult_letters AS "screenAdultLetters",
         su.display_name AS "senderName", su.email AS "senderEmail", su.locale AS "senderLocale",
         sp.country AS "senderCountry", sp.date_of_birth::text AS "senderDob",
         ru.display_name AS "recipientName", ru.email AS "recipientEmail",
         ru.locale AS "recipientLocale", rp.country AS "recipientCountry",
         rp.date_of_birth::text AS "recipientDob"
    FROM ${MATCH_PAIRS} m
    JOIN ${ROUND_LETTER_RULES} r ON r.id = m.round_id
    LEFT JOIN ${PEOPLE} su ON su.id = $2
    LEFT JOIN ${PROFILES} sp ON sp.user_id = su.id
    LEFT JOIN ${PEOPLE} ru ON ru.id = CASE WHEN m.user_a = $2 THEN m.user_b ELSE m.user_a END
    LEFT JOIN ${PROFILES} rp ON rp.user_id = ru.id
   WHERE m.id = $1`;

/**
 * The match row of a write locked for the caller's transaction, read again when what the letter
 * was decided on changed before it was written (writeLetter said 'stale'). The recipient is the
 * other of the two when the writer is one of them; the caller checks that it is.
 */
export const lockedWriteContext = async (
  m: EntityManager,
  matchId: string,
  writerId: string,
): Promise<WriteContext | undefined> =>
  (
    await preparedQuery<WriteContext>(
      m,
      'kenal_letters_write_context',
      `${WRITE_CONTEXT} FOR UPDATE OF m`,
      [matchId, writerId],
    )
  )[0];

/**
 * A write's first read, unlocked (writeLetter checks under the lock that what the letter was
 * decided on still holds), with the caller's session check folded in (issue 13): the writer is
 * the token's user, read only while its session is live. No caller: no live session; a caller
 * without a context: no such match.
 */
export const writeContextWithCaller = async (
  m: EntityManager,
  matchId: string,
  claims: SessionClaims,
): Promise<{ caller: CallerColumns | undefined; ctx: WriteContext | undefined }> => {
  const [row] = await preparedQuery<CallerColumns & (WriteContext | { matchStatus: null })>(
    m,
    'kenal_letters_write_context_with_caller',
    `SELECT me.*, w.* FROM ${liveCaller('$2', '$3')} me LEFT JOIN (${WRITE_CONTEXT}) w ON true`,
    [matchId, claims.userId, claims.sessionId],
  );
  return { caller: row, ctx: row?.matchStatus ? row : undefined };
};

export interface NewLetter {
  matchId: string;
  senderId: string;
  recipientId: string;
  body: string;
  language: string;
  status: LetterStatus;
  deliverAt: Date;
  deliveredAt: Date | null;
  heldReason: string | null;
  heldKinds: string[];
  createdAt: Date;
}

/**
 * Writes the letter in one statement (migrations/1796519800000-LetterWriteFunction.ts): the match
 * locked, still active and still as `ctx` read it (round rules, both pen pals' country and date
 * of birth), and the writer under `ctx.lettersPerDay` letters on it in the 24 hours before
 * `createdAt`. Its id; 'over' when the daily limit is reached; 'stale' when the match or what
 * the letter was decided on changed since `ctx` was read (nothing written).
 */
export const writeLetter = async (
  m: EntityManager,
  l: NewLetter,
  ctx: WriteContext,
): Promise<string | 'over' | 'stale'> =>
  (
    await preparedQuery<{ r: string }>(
      m,
      'kenal_letters_write',
      `SELECT kenal_write_letter($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
                                 $15, $16::date, $17, $18::date) AS r`,
      [
        l.matchId,
        l.senderId,
        l.recipientId,
        l.body,
        l.language,
        l.status,
        l.deliverAt,
        l.deliveredAt,
        l.heldReason,
        l.heldKinds,
        l.createdAt,
        ctx.lettersPerDay,
        ctx.letterDelay,
        ctx.screenAdultLetters,
        ctx.senderCountry,
        ctx.senderDob,
        ctx.recipientCountry,
        ctx.recipientDob,
      ],
    )
  )[0].r;

/** When the oldest of the writer's letters on the match in the 24 hours before `now` was written. */
export const oldestLetterOfDay = async (
  m: EntityManager,
  matchId: string,
  senderId: string,
  now: Date,
): Promise<Date> =>
  (
    await preparedQuery<{ oldest: Date }>(
      m,
      'kenal_letters_daily_oldest',
      `SELECT min(created_at) AS oldest FROM letters
        WHERE match_id = $1 AND sender_id = $2 AND created_at > $3::timestamptz - interval '24 hours'`,
      [matchId, senderId, now],
    )
  )[0].oldest;

/** The match beside a page of its letters (letter columns null when the page is empty). */
export type ThreadRow = { userA: string; userB: string; matchStatus: MatchRow['status'] } & {
  [K in keyof LetterRow]: LetterRow[K] | null;
} & { total: number | null };

/**
 * The match and a page of the letters `readerId` sees on it, newest first, with their total, in
 * one prepared round trip (planning these took longer than running them: bench:letters
 * EXPLAIN). Letters are read only when the reader is one of the two pen pals; no row when there
 * is no such match.
 */
export const threadPage = (
  m: EntityManager,
  matchId: string,
  readerId: string,
  take: number,
  skip: number,
): Promise<ThreadRow[]> =>
  preparedQuery<ThreadRow>(m, 'kenal_letters_thread', THREAD_SQL, [matchId, readerId, take, skip]);

/** threadPage's statement ($1 match, $2 reader, $3 take, $4 skip), exported for bench:letters' EXPLAIN. */
export const THREAD_SQL = `
  SELECT m.user_a AS "userA", m.user_b AS "userB", m.status AS "matchStatus", l.*
    FROM ${MATCH_PAIRS} m
    LEFT JOIN LATERAL (
         SELECT l.id, l.sender_id, l.body, l.language, l.status, l.deliver_at, l.read_at,
                l.created_at, l.held_reason, count(*) OVER ()::int AS total
           FROM letters l
          WHERE l.match_id = m.id AND $2 IN (m.user_a, m.user_b) AND ${VISIBLE_LETTER}
          ORDER BY l.created_at DESC, l.id DESC LIMIT $3 OFFSET $4) l ON true
   WHERE m.id = $1`;

/** How many letters on the match `readerId` sees. */
export const visibleLetterCount = async (
  m: EntityManager,
  matchId: string,
  readerId: string,
): Promise<number> =>
  (
    await preparedQuery<{ n: number }>(
      m,
      'kenal_letters_thread_count',
      `SELECT count(*)::int AS n FROM letters l WHERE l.match_id = $1 AND ${VISIBLE_LETTER}`,
      [matchId, readerId],
    )
  )[0].n;

/** Per match, the letters delivered to the person, unread, not hidden by their open report. */
export const unreadPerMatch = (
  m: EntityManager,
  recipientId: string,
): Promise<{ match_id: string; n: number }[]> =>
  preparedQuery(m, 'kenal_letters_unread', UNREAD_SQL, [recipientId]);

/** unreadPerMatch's statement ($1 the recipient), exported for bench:letters' EXPLAIN. */
export const UNREAD_SQL = `
  SELECT l.match_id, count(*)::int AS n FROM letters l
   WHERE l.recipient_id = $1 AND l.status = 'delivered' AND l.read_at IS NULL
     AND NOT EXISTS (SELECT 1 FROM moderation_cases c
                      WHERE c.letter_id = l.id AND c.reporter_id = $1 AND c.status = 'open')
   GROUP BY l.match_id ORDER BY l.match_id`;

/** Marks read every letter of the match the recipient sees unread; how many. */
export const markThreadRead = async (
  m: EntityManager,
  matchId: string,
  recipientId: string,
  at: Date,
): Promise<number> => {
  const [, marked] = (await m.query(
    `UPDATE letters l SET read_at = $3
      WHERE l.match_id = $1 AND l.recipient_id = $2 AND l.status = 'delivered' AND l.read_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM moderation_cases c
                         WHERE c.letter_id = l.id AND c.reporter_id = $2 AND c.status = 'open')`,
    [matchId, recipientId, at],
  )) as [unknown, number];
  return marked;
};

/**
 * Claims the right to email the recipient about this match now: true when the last such email
 * is `everyHours` old or more (one upsert, so two deliveries at once email once).
 */
export const claimLetterEmail = async (
  m: EntityManager,
  matchId: string,
  recipientId: string,
  now: Date,
  everyHours: number,
): Promise<boolean> =>
  (
    await preparedQuery(
      m,
      'kenal_letters_email_mark',
      `INSERT INTO letter_email_marks (match_id, recipient_id, emailed_at) VALUES ($1, $2, $3)
       ON CONFLICT (match_id, recipient_id) DO UPDATE SET emailed_at = $3
        WHERE letter_email_marks.emailed_at <= $3::timestamptz - interval '${everyHours} hours'
       RETURNING 1`,
      [matchId, recipientId, now],
    )
  ).length > 0;

/** The match's status, for a letter arriving on it (undefined when there is no such match). */
export const matchStatus = async (
  m: EntityManager,
  matchId: string,
): Promise<MatchRow['status'] | undefined> =>
  (
    (await m.query(`SELECT status FROM ${MATCH_PAIRS} m WHERE id = $1`, [matchId])) as {
      status: MatchRow['status'];
    }[]
  )[0]?.status;

/** Travelling letters already due, oldest first. */
export const dueLetterIds = async (m: EntityManager, limit: number): Promise<string[]> =>
  (
    (await m.query(
      `SELECT id FROM letters WHERE status = 'scheduled' AND deliver_at <= now()
        ORDER BY deliver_at LIMIT ${limit}`,
    )) as { id: string }[]
  ).map((r) => r.id);

/** Travelling letters not due yet. */
export const travellingLetters = (m: EntityManager): Promise<{ id: string; deliverAt: Date }[]> =>
  m.query(
    `SELECT id, deliver_at AS "deliverAt" FROM letters WHERE status = 'scheduled' AND deliver_at > now()`,
  );

const changed = async (m: EntityManager, sql: string, personId: string): Promise<number> =>
  ((await m.query(sql, [personId])) as [unknown, number])[1];

/** Letters still travelling or held, to or from the person, stop (except under an open case). */
export const stopLettersOf = (m: EntityManager, personId: string) =>
  changed(
    m,
    `UPDATE letters SET status = 'removed'
      WHERE (sender_id = $1 OR recipient_id = $1) AND status IN ('scheduled', 'held')
        AND NOT EXISTS (SELECT 1 FROM moderation_cases c
                         WHERE c.letter_id = letters.id AND c.status = 'open')`,
    personId,
  );

/** The words of every letter the person wrote go (except under an open case). */
export const eraseBodiesOf = (m: EntityManager, personId: string) =>
  changed(
    m,
    `UPDATE letters SET body = '', language = NULL
      WHERE sender_id = $1 AND body <> ''
        AND NOT EXISTS (SELECT 1 FROM moderation_cases c
                         WHERE c.letter_id = letters.id AND c.status = 'open')`,
    personId,
  );

export const deleteEmailMarksOf = (m: EntityManager, personId: string) =>
  changed(m, `DELETE FROM letter_email_marks WHERE recipient_id = $1`, personId);
