import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared';
import { PROGRAMMES } from '../programmes/programme-sql';
import type { Competition } from './competition.entity';
import type { CompetitionListQuery } from './dto/competition.dto';
import { IDEMPOTENCY_TTL_HOURS } from './idempotency.store';

/**
 * The SQL of competitions: the public read and listing, entry deadlines, and the sweeps and
 * erasure of idempotency keys and resumable uploads.
 */

export type PublicCompetitionRow = Competition & { timezone: string };

/**
 * One prepared query with its programme's time zone: under load, the query builder and its
 * entity hydration took a seventh of the public read's CPU (bench:api --cpu-prof).
 */
export const publicCompetition = async (
  m: EntityManager,
  id: string,
): Promise<PublicCompetitionRow | undefined> =>
  (
    await preparedQuery<PublicCompetitionRow>(
      m,
      'kenal_competition_public',
      `SELECT c.id, c.programme_id AS "programmeId", c.kind, c.title, c.slug, c.description,
              c.submission_opens_at AS "submissionOpensAt", c.submission_closes_at AS "submissionClosesAt",
              c.eligibility, c.rubric, c.limits, c.rubric_locked_at AS "rubricLockedAt",
              c.created_at AS "createdAt", c.updated_at AS "updatedAt", p.timezone
         FROM competitions c JOIN ${PROGRAMMES} p ON p.id = c.programme_id
        WHERE c.id = $1`,
      [id],
    )
  )[0];

export interface ListingRow {
  id: string;
  title: string;
  kind: Competition['kind'];
  programme_id: string;
  programme_name: string;
  timezone: string;
  opens_at: Date;
  closes_at: Date;
  results_published: boolean;
}

/**
 * A page of the public listing (closing after `since`), open ones first (closing soonest), then
 * upcoming (opening soonest), then closed (latest first), with the total counted alongside.
 * `results` is judging's derived table of published results (`competition_id`, `published_at`).
 */
export const pageListing = async (
  m: EntityManager,
  q: CompetitionListQuery,
  now: Date,
  since: Date,
  results: string,
): Promise<{ rows: ListingRow[]; total: number }> => {
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
  const rows: (ListingRow & { total: string })[] = await m.query(
    `SELECT c.id, c.title, c.kind, c.programme_id, p.name AS programme_name, p.timezone,
            c.submission_opens_at AS opens_at, c.submission_closes_at AS closes_at,
            (r.published_at IS NOT NULL) AS results_published,
            count(*) OVER () AS total
       FROM competitions c
       JOIN ${PROGRAMMES} p ON p.id = c.programme_id
       LEFT JOIN ${results} r ON r.competition_id = c.id
      WHERE ${where.join(' AND ')}
      ORDER BY CASE WHEN c.submission_opens_at > $1 THEN 1
                    WHEN c.submission_closes_at > $1 THEN 0 ELSE 2 END,
               CASE WHEN c.submission_opens_at > $1 THEN c.submission_opens_at
                    WHEN c.submission_closes_at > $1 THEN c.submission_closes_at END ASC,
               c.submission_closes_at DESC, c.id
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  if (rows.length > 0) return { rows, total: Number(rows[0].total) };
  // A page past the end has no row to carry the total: count it on its own.
  if (q.page === 1) return { rows, total: 0 };
  const [{ total }] = (await m.query(
    // $1 (now) is typed here even when no filter reads it: PostgreSQL must know every parameter.
    `SELECT count(*) AS total FROM competitions c
      WHERE $1::timestamptz IS NOT NULL AND ${where.join(' AND ')}`,
    params.slice(0, -2),
  )) as { total: string }[];
  return { rows, total: Number(total) };
};

/** A deadline of draft teams: the competition's close, or one team's extension past it. */
export interface EntryDeadline {
  competitionId: string;
  submissionId: string | null;
  deadline: Date;
}

/** Closes, and teams' own extensions past their close, in (now, horizon]. */
export const entryDeadlinesWithin = (
  m: EntityManager,
  now: Date,
  horizon: Date,
): Promise<EntryDeadline[]> =>
  m.query(
    `SELECT id AS "competitionId", NULL::uuid AS "submissionId", submission_closes_at AS deadline
       FROM competitions WHERE submission_closes_at > $1 AND submission_closes_at <= $2
     UNION ALL
     SELECT s.competition_id, s.id, s.extension_until
       FROM submissions s JOIN competitions c ON c.id = s.competition_id
      WHERE s.status = 'draft' AND s.extension_until > $1 AND s.extension_until <= $2
        AND s.extension_until > c.submission_closes_at`,
    [now, horizon],
  );

/**
 * Writes the ledger row of each draft not yet reminded for this deadline and moment, checking
 * again that the deadline is the one in force (the close, for teams without a later extension;
 * a team's extension, while it is still theirs and after the close). Returns the drafts claimed.
 */
export const claimEntryReminders = (
  m: EntityManager,
  d: EntryDeadline,
  hoursBefore: number,
  now: Date,
): Promise<{ submissionId: string }[]> =>
  m.query(
    `INSERT INTO deadline_reminders (submission_id, hours_before, closes_at, sent_at)
     SELECT s.id, $3, $4, $5 FROM submissions s JOIN competitions c ON c.id = s.competition_id
      WHERE s.competition_id = $1 AND s.status = 'draft'
        AND CASE WHEN $2::uuid IS NULL
              THEN c.submission_closes_at = $4
                   AND (s.extension_until IS NULL OR s.extension_until <= $4)
              ELSE s.id = $2 AND s.extension_until = $4 AND c.submission_closes_at < $4
            END
     ON CONFLICT DO NOTHING
     RETURNING submission_id AS "submissionId"`,
    [d.competitionId, d.submissionId, hoursBefore, d.deadline, now],
  );

export const entryTitleAndTeam = async (
  m: EntityManager,
  submissionId: string,
): Promise<{ title: string; teamId: string }> =>
  (
    (await m.query('SELECT title, team_id AS "teamId" FROM submissions WHERE id = $1', [
      submissionId,
    ])) as { title: string; teamId: string }[]
  )[0];

/** Idempotency keys past their time; how many went. */
export const deleteExpiredIdempotencyKeys = async (m: EntityManager): Promise<number> =>
  (
    (await m.query(
      `DELETE FROM idempotency_keys WHERE created_at < now() - interval '${IDEMPOTENCY_TTL_HOURS} hours'`,
    )) as [unknown, number]
  )[1];

/** Resumable uploads past their time and not being written to; the ids of those that went. */
export const deleteExpiredUploadSessions = async (m: EntityManager): Promise<{ id: string }[]> =>
  (
    (await m.query(
      `DELETE FROM upload_sessions
        WHERE expires_at < now() AND (busy_until IS NULL OR busy_until < now()) RETURNING id`,
    )) as [{ id: string }[], number]
  )[0];

/** Someone's idempotency keys (they hold responses); how many went. */
export const deleteIdempotencyKeysOf = async (m: EntityManager, userId: string): Promise<number> =>
  (
    (await m.query(`DELETE FROM idempotency_keys WHERE user_id = $1`, [userId])) as [
      unknown,
      number,
    ]
  )[1];

/** Resumable uploads someone still had open. */
export const uploadSessionIdsOf = async (m: EntityManager, userId: string): Promise<string[]> =>
  (
    (await m.query(`SELECT id FROM upload_sessions WHERE user_id = $1`, [userId])) as {
      id: string;
    }[]
  ).map((s) => s.id);
