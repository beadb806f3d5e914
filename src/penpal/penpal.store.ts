import type { EntityManager } from 'typeorm';
import { EXPORT_ROWS, type ExportedRow } from '../common/export/personal-data-export';
import { PEOPLE, PROFILES } from '../identity/people-sql';
import { type CallerColumns, liveCaller } from '../identity/session-sql';
import type { SessionClaims } from '../common/auth/session-check';
import { preparedQuery } from '../database/prepared';
import type { PairFacts } from './matching';

/** The SQL of rounds, enrolments and published matches. */

export const roundFacts = (
  m: EntityManager,
  roundIds: string[],
): Promise<{ id: string; enrolled: number; runs: number; published_at: Date | null }[]> =>
  m.query(
    `SELECT r.id,
            (SELECT count(*)::int FROM penpal_enrolments e WHERE e.round_id = r.id) AS enrolled,
            (SELECT count(*)::int FROM matching_runs x WHERE x.round_id = r.id) AS runs,
            (SELECT max(x.published_at) FROM matching_runs x WHERE x.round_id = r.id) AS published_at
       FROM penpal_rounds r WHERE r.id = ANY($1)`,
    [roundIds],
  );

export interface EnrolledRow {
  id: string;
  userId: string;
  displayName: string;
  country: string | null;
  dateOfBirth: string | null;
  capacity: number;
  preferredCountries: string[];
  practiseLanguages: string[];
  genderPreference: string | null;
  createdAt: Date;
}

/** A page of a round's enrolments (of one country, or all), and the count per country of all. */
export const pageEnrolments = async (
  m: EntityManager,
  roundId: string,
  country: string | null,
  skip: number,
  take: number,
): Promise<{ rows: EnrolledRow[]; counts: { country: string | null; n: number }[] }> => {
  const [rows, counts] = await Promise.all([
    m.query(
      `SELECT e.id, e.user_id AS "userId", u.display_name AS "displayName", p.country, to_char(p.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth",
              e.capacity, e.preferred_countries AS "preferredCountries", e.practise_languages AS "practiseLanguages",
              e.gender_preference AS "genderPreference", e.created_at AS "createdAt"
         FROM penpal_enrolments e JOIN ${PEOPLE} u ON u.id = e.user_id LEFT JOIN ${PROFILES} p ON p.user_id = e.user_id
        WHERE e.round_id = $1 AND ($4::text IS NULL OR p.country = $4)
        ORDER BY e.created_at, e.id LIMIT $2 OFFSET $3`,
      [roundId, take, skip, country],
    ) as Promise<EnrolledRow[]>,
    m.query(
      `SELECT p.country, count(*)::int AS n
         FROM penpal_enrolments e LEFT JOIN ${PROFILES} p ON p.user_id = e.user_id
        WHERE e.round_id = $1 GROUP BY p.country`,
      [roundId],
    ) as Promise<{ country: string | null; n: number }[]>,
  ]);
  return { rows, counts };
};

/** Which of these people are enrolled in the round, with their country. */
export const enrolledCountries = (
  m: EntityManager,
  roundId: string,
  userIds: string[],
): Promise<{ user_id: string; country: string | null }[]> =>
  m.query(
    `SELECT e.user_id, p.country FROM penpal_enrolments e LEFT JOIN ${PROFILES} p ON p.user_id = e.user_id
      WHERE e.round_id = $1 AND e.user_id = ANY($2)`,
    [roundId, userIds],
  );

/**
 * A pen pal as myPenpalTexts reads them: each value as the text the answer writes, the JSON ones
 * (reasons, languages, interests) as JSON text, so that pg parses nothing but the score.
 */
export interface PenpalText {
  match_id: string;
  round_id: string;
  round_name: string;
  /** Only the statuses the query keeps. */
  status: 'published' | 'accepted' | 'declined' | 'ended';
  score: number;
  /** JSON: the reason facts (an object), or the stored English reasons (an array) without them. */
  reasons: string;
  my_response: string;
  their_response: string;
  display_name: string;
  // The pen pal's profile may be gone (LEFT JOIN): these are then null.
  country: string | null;
  /** JSON */
  languages: string | null;
  /** JSON */
  interests: string | null;
}

/**
 * Every table myPenpalTexts reads, its session check's and identity's derived tables' included: a
 * kept answer is dropped at any change to one of them (test/penpal-cache.e2e-spec.ts compares this
 * with the statement's plan).
 */
export const MY_PENPALS_TABLES = [
  'users',
  'auth_sessions',
  'penpal_matches',
  'penpal_rounds',
  'profiles',
] as const;

/** myPenpalTexts's statement ($1 the caller's id, $2 their session's), also for its plan's check. */
export const MY_PENPAL_TEXTS = `SELECT me.*, pal.*
       FROM ${liveCaller('$1', '$2')} me
       LEFT JOIN LATERAL (
            SELECT x.id AS match_id, x.round_id, r.name AS round_name, x.status, x.score,
                   CASE WHEN jsonb_typeof(x.reason_facts) = 'object' THEN x.reason_facts::text
                        ELSE to_json(x.reasons)::text END AS reasons,
                   CASE WHEN x.user_a = me.caller_id THEN x.response_a ELSE x.response_b END AS my_response,
                   CASE WHEN x.user_a = me.caller_id THEN x.response_b ELSE x.response_a END AS their_response,
                   u.display_name, p.country, p.languages::text AS languages,
                   to_json(p.interests)::text AS interests
              FROM penpal_matches x
              JOIN penpal_rounds r ON r.id = x.round_id
              JOIN ${PEOPLE} u
                ON u.id = CASE WHEN x.user_a = me.caller_id THEN x.user_b ELSE x.user_a END
              LEFT JOIN ${PROFILES} p ON p.user_id = u.id
             WHERE (x.user_a = me.caller_id OR x.user_b = me.caller_id)
               AND x.status IN ('published', 'accepted', 'declined', 'ended')
             ORDER BY r.enrolment_closes_at DESC, x.id
             LIMIT 200) pal ON true`;

/**
 * The caller (identity's session check, folded in: issue 14) and their published pen pals, newest
 * round first, at most 200, with only what one participant may know of the other (name, country,
 * languages, interests). No caller: no live session; without pen pals the caller's row comes
 * alone, its match columns null.
 *
 * The values come as text, JSON ones as JSON text, for the API to write the answer without parsing
 * them (languages, interests) or only to render them (reasons): pg's parse of arrays and jsonb and
 * the answer's JSON.stringify had been most of the route's own CPU. Facts that are not an object
 * (a JSON null) count as none, as they did when pg parsed them. The rows come in the lateral
 * subquery's order: it depends on the caller's row, so it can only be the inner side of a nested
 * loop over that one row (an ORDER BY on top sorted them again).
 */
export const myPenpalTexts = async (
  m: EntityManager,
  claims: SessionClaims,
): Promise<(CallerColumns & (PenpalText | { match_id: null }))[]> =>
  preparedQuery<CallerColumns & (PenpalText | { match_id: null })>(
    m,
    'kenal_my_penpal_texts_with_caller',
    MY_PENPAL_TEXTS,
    [claims.userId, claims.sessionId],
  );

export interface EndedMatch {
  id: string;
  roundName: string;
  userId: string;
  email: string;
  displayName: string;
  locale: string;
}

/** Cancels the person's live matches; answers each with the pen pal left behind. */
export const endMatchesOf = async (m: EntityManager, userId: string): Promise<EndedMatch[]> => {
  const [ended] = (await m.query(
    `UPDATE penpal_matches x SET status = 'cancelled'
         FROM penpal_rounds r, ${PEOPLE} u
        WHERE r.id = x.round_id
          AND u.id = CASE WHEN x.user_a = $1 THEN x.user_b ELSE x.user_a END
          AND (x.user_a = $1 OR x.user_b = $1) AND x.status IN ('published', 'accepted')
       RETURNING x.id, r.name AS "roundName", u.id AS "userId", u.email,
                 u.display_name AS "displayName", u.locale`,
    [userId],
  )) as [EndedMatch[], number];
  return ended;
};

/** Deletes the person's enrolments, constraints, unpublished matches and run leftovers. */
export const deletePenpalDataOf = async (m: EntityManager, userId: string) => {
  const count = async (sql: string) => ((await m.query(sql, [userId])) as [unknown, number])[1];
  return {
    enrolments: await count(`DELETE FROM penpal_enrolments WHERE user_id = $1`),
    constraints: await count(`DELETE FROM penpal_constraints WHERE user_a = $1 OR user_b = $1`),
    proposedMatches: await count(
      `DELETE FROM penpal_matches
        WHERE (user_a = $1 OR user_b = $1) AND status IN ('proposed', 'carried')`,
    ),
    leftOut: await count(`DELETE FROM matching_run_unmatched WHERE user_id = $1`),
  };
};

/** A match as someone's data export lists it; the reasons are rendered in their language. */
export type ExportedMatch = ExportedRow & { reasons: string[]; reasonFacts: PairFacts | null };

/**
 * The matches shown to someone (also those ended since), of the pen pal only what /me/penpals
 * shows.
 */
export const exportedMatches = (m: EntityManager, userId: string): Promise<ExportedMatch[]> =>
  m.query(
    `SELECT r.name AS round, u.display_name AS "penpal", x.status, x.score, x.reasons,
            x.reason_facts AS "reasonFacts",
            CASE WHEN x.user_a = $1 THEN x.response_a ELSE x.response_b END AS "myResponse"
       FROM penpal_matches x
       JOIN penpal_rounds r ON r.id = x.round_id
       JOIN ${PEOPLE} u ON u.id = CASE WHEN x.user_a = $1 THEN x.user_b ELSE x.user_a END
      WHERE (x.user_a = $1 OR x.user_b = $1)
        AND x.status IN ('published', 'accepted', 'declined', 'cancelled')
      ORDER BY r.enrolment_closes_at, x.id LIMIT ${EXPORT_ROWS}`,
    [userId],
  );

/** Someone's enrolments in pen-pal rounds. */
export const exportedEnrolments = (m: EntityManager, userId: string): Promise<ExportedRow[]> =>
  m.query(
    `SELECT r.name AS round, e.preferred_countries AS "preferredCountries",
            e.practise_languages AS "practiseLanguages", e.gender_preference AS "genderPreference",
            e.capacity, e.created_at AS "enrolledAt"
       FROM penpal_enrolments e JOIN penpal_rounds r ON r.id = e.round_id
      WHERE e.user_id = $1 ORDER BY e.created_at LIMIT ${EXPORT_ROWS}`,
    [userId],
  );
