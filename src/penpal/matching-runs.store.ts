import type { EntityManager } from 'typeorm';
import { containsPattern } from '../common/sql-like';
import { PEOPLE, PROFILES } from '../identity/people-sql';
import type { RunPair } from './run-compare';
import type { PenpalMatch } from './penpal-match.entity';
import type {
  MatchedPair,
  Participant,
  PairIds,
  UnmatchedParticipant,
  UnmatchedReason,
} from './matching';
import type { Country } from '../common/reference-data';

/** The SQL of matching runs: their pairs, their unmatched people, and publication. */

export type NamedPairRow = Pick<
  PenpalMatch,
  'id' | 'score' | 'reasons' | 'reasonFacts' | 'pinned' | 'status'
> & { a: string; b: string; ca: Country; cb: Country; na: string; nb: string };

/** A page of a run's pairs, best first; `search` matches either name or either country code. */
export const pageRunPairs = async (
  m: EntityManager,
  runId: string,
  search: string | undefined,
  skip: number,
  take: number,
): Promise<{ rows: NamedPairRow[]; n: number }> => {
  const params: unknown[] = [runId];
  let filter = 'x.run_id = $1';
  if (search) {
    params.push(containsPattern(search), search.toUpperCase());
    filter += ` AND (ua.display_name ILIKE $2 OR ub.display_name ILIKE $2
                     OR x.country_a = $3 OR x.country_b = $3)`;
  }
  const from = `penpal_matches x JOIN ${PEOPLE} ua ON ua.id = x.user_a JOIN ${PEOPLE} ub ON ub.id = x.user_b`;
  const rows: NamedPairRow[] = await m.query(
    `SELECT x.id, x.user_a AS a, x.user_b AS b, x.country_a AS ca, x.country_b AS cb,
            ua.display_name AS na, ub.display_name AS nb, x.score, x.reasons,
            x.reason_facts AS "reasonFacts", x.pinned, x.status
       FROM ${from} WHERE ${filter}
      ORDER BY x.score DESC, x.id
     OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
    [...params, skip, take],
  );
  const [{ n }]: { n: number }[] = await m.query(
    `SELECT count(*)::int AS n FROM ${search ? from : 'penpal_matches x'} WHERE ${filter}`,
    params,
  );
  return { rows, n };
};

export const runPairs = (m: EntityManager, runId: string): Promise<RunPair[]> =>
  m.query(
    `SELECT user_a AS a, country_a AS "countryA", user_b AS b, country_b AS "countryB"
       FROM penpal_matches WHERE run_id = $1`,
    [runId],
  );

/** A page of the people a run left without a pen pal, optionally of one reason or country. */
export interface UnmatchedRow {
  userId: string;
  displayName: string;
  country: Country;
  reason: UnmatchedReason;
  detail: string;
}

export const pageUnmatched = async (
  m: EntityManager,
  runId: string,
  by: { reason?: string; country?: string },
  skip: number,
  take: number,
): Promise<{ rows: UnmatchedRow[]; n: number }> => {
  const where = ['x.run_id = $1'];
  const params: unknown[] = [runId];
  for (const [column, value] of [
    ['reason', by.reason],
    ['country', by.country],
  ] as const) {
    if (value === undefined) continue;
    params.push(value);
    where.push(`x.${column} = $${params.length}`);
  }
  const filter = where.join(' AND ');
  const rows: UnmatchedRow[] = await m.query(
    `SELECT x.user_id AS "userId", u.display_name AS "displayName", x.country, x.reason, x.detail
       FROM matching_run_unmatched x JOIN ${PEOPLE} u ON u.id = x.user_id
      WHERE ${filter}
      ORDER BY x.reason, x.country, u.display_name, x.user_id
      OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
    [...params, skip, take],
  );
  const [{ n }]: { n: number }[] = await m.query(
    `SELECT count(*)::int AS n FROM matching_run_unmatched x WHERE ${filter}`,
    params,
  );
  return { rows, n };
};

export const proposedPairs = (
  m: EntityManager,
  runId: string,
): Promise<{ id: string; a: string; b: string }[]> =>
  m.query(
    `SELECT id, user_a AS a, user_b AS b FROM penpal_matches WHERE run_id = $1 AND status = 'proposed'`,
    [runId],
  );

/**
 * How many enrolled people publishing the run now would match, and how many it would leave with
 * no pen pal from any publication (the pairs in `skipped` left out).
 */
export const publicationCounts = async (
  m: EntityManager,
  runId: string,
  roundId: string,
  skipped: string[],
): Promise<{ matched: number; unmatched: number }> => {
  const [counts]: { matched: number; unmatched: number }[] = await m.query(
    `WITH published AS (
       SELECT x.user_a, x.user_b FROM penpal_matches x
        WHERE x.run_id = $1 AND x.status = 'proposed' AND x.id <> ALL($3::uuid[])
          AND EXISTS (SELECT 1 FROM penpal_enrolments e WHERE e.round_id = x.round_id AND e.user_id = x.user_a)
          AND EXISTS (SELECT 1 FROM penpal_enrolments e WHERE e.round_id = x.round_id AND e.user_id = x.user_b)),
     matched AS (SELECT user_a AS id FROM published UNION SELECT user_b FROM published)
     SELECT count(m.id)::int AS matched,
            count(*) FILTER (WHERE m.id IS NULL AND NOT EXISTS (
              SELECT 1 FROM penpal_matches y
               WHERE y.round_id = $2 AND y.run_id <> $1 AND y.status IN ('published', 'accepted')
                 AND (y.user_a = e.user_id OR y.user_b = e.user_id)))::int AS unmatched
       FROM penpal_enrolments e LEFT JOIN matched m ON m.id = e.user_id
      WHERE e.round_id = $2`,
    [runId, roundId, skipped],
  );
  return counts;
};

/** Locks the round's row: publications (FOR UPDATE) and run inputs (FOR SHARE) take turns on it. */
export const lockRound = async (
  m: EntityManager,
  roundId: string,
  mode: 'UPDATE' | 'SHARE',
): Promise<void> => {
  await m.query(`SELECT 1 FROM penpal_rounds WHERE id = $1 FOR ${mode}`, [roundId]);
};

/** Whether another run of the round was published after this run read its input. */
export const publishedSinceRead = async (m: EntityManager, runId: string): Promise<boolean> => {
  const [row] = (await m.query(
    `SELECT EXISTS (SELECT 1 FROM matching_runs r JOIN matching_runs me ON me.id = $1
                     WHERE r.round_id = me.round_id AND r.id <> me.id AND r.published_at IS NOT NULL
                       AND (r.published_at >= me.started_at OR r.created_at > me.created_at)) AS stale`,
    [runId],
  )) as { stale: boolean }[];
  return row.stale;
};

/** Publishes the run's proposed pairs whose two people are still enrolled, but for `skipped`. */
export const publishPairs = async (
  m: EntityManager,
  runId: string,
  skipped: string[],
): Promise<void> => {
  await m.query(
    `UPDATE penpal_matches x SET status = 'published'
      WHERE x.run_id = $1 AND x.status = 'proposed' AND x.id <> ALL($2::uuid[])
        AND EXISTS (SELECT 1 FROM penpal_enrolments e WHERE e.round_id = x.round_id AND e.user_id = x.user_a)
        AND EXISTS (SELECT 1 FROM penpal_enrolments e WHERE e.round_id = x.round_id AND e.user_id = x.user_b)`,
    [runId, skipped],
  );
  await m.query(`UPDATE matching_runs SET published_at = clock_timestamp() WHERE id = $1`, [runId]);
};

export interface EnrolledForPublication {
  user_id: string;
  email: string;
  locale: string;
  display_name: string;
  matched: boolean;
  earlier: boolean;
}

/** Everyone enrolled in the round: matched by this run, and paired by an earlier publication. */
export const enrolledForPublication = (
  m: EntityManager,
  runId: string,
  roundId: string,
): Promise<EnrolledForPublication[]> =>
  m.query(
    `SELECT u.id AS user_id, u.email, u.locale, u.display_name,
            EXISTS (SELECT 1 FROM penpal_matches x
                     WHERE x.run_id = $1 AND x.status = 'published' AND (x.user_a = u.id OR x.user_b = u.id)) AS matched,
            EXISTS (SELECT 1 FROM penpal_matches y
                     WHERE y.round_id = $2 AND y.run_id <> $1 AND y.status IN ('published', 'accepted')
                       AND (y.user_a = u.id OR y.user_b = u.id)) AS earlier
       FROM penpal_enrolments e JOIN ${PEOPLE} u ON u.id = e.user_id
      WHERE e.round_id = $2`,
    [runId, roundId],
  );

export const publishedPairsNamed = (
  m: EntityManager,
  runId: string,
): Promise<{ a: string; b: string; ca: string; cb: string; na: string; nb: string }[]> =>
  m.query(
    `SELECT x.user_a AS a, x.user_b AS b, x.country_a AS ca, x.country_b AS cb, ua.display_name AS na, ub.display_name AS nb
       FROM penpal_matches x JOIN ${PEOPLE} ua ON ua.id = x.user_a JOIN ${PEOPLE} ub ON ub.id = x.user_b
      WHERE x.run_id = $1 AND x.status = 'published'`,
    [runId],
  );

// The run itself (matching-job.ts): its input, and its result saved in bulk.

export interface EnrolledRow {
  user_id: string;
  country: string;
  date_of_birth: string;
  gender: string | null;
  languages: Participant['languages'];
  interests: string[];
  preferred_countries: string[];
  practise_languages: string[];
  gender_preference: string | null;
  capacity: number;
}

export const enrolledForMatching = (m: EntityManager, roundId: string): Promise<EnrolledRow[]> =>
  m.query(
    `SELECT e.user_id, p.country, to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, p.gender, p.languages, p.interests,
            e.preferred_countries, e.practise_languages, e.gender_preference, e.capacity
       FROM penpal_enrolments e JOIN ${PROFILES} p ON p.user_id = e.user_id
      WHERE e.round_id = $1
      ORDER BY e.user_id`,
    [roundId],
  );

const PAIRS_OF_ROUND = {
  // Pen pals already published in this round stay together.
  published: `SELECT DISTINCT user_a AS a, user_b AS b FROM penpal_matches WHERE round_id = $1 AND status IN ('published', 'accepted')`,
  pinned: `SELECT user_a AS a, user_b AS b FROM penpal_constraints WHERE round_id = $1 AND type = 'pin'`,
  forbidden: `SELECT user_a AS a, user_b AS b FROM penpal_constraints WHERE round_id = $1 AND type = 'forbid'`,
  // A declined pair or one a coordinator ended is never proposed again, nor a pair that met in an
  // earlier round of the programme. Only pairs of two people enrolled here: the programme's other
  // rounds hold many more.
  neverAgain: `SELECT DISTINCT x.user_a AS a, x.user_b AS b
       FROM penpal_matches x JOIN penpal_rounds r ON r.id = x.round_id
      WHERE ((x.round_id = $1 AND x.status IN ('declined', 'cancelled', 'ended'))
             OR (x.round_id <> $1 AND x.status IN ('published', 'accepted', 'declined', 'cancelled', 'ended')
                 AND r.programme_id = (SELECT programme_id FROM penpal_rounds WHERE id = $1)))
        AND EXISTS (SELECT 1 FROM penpal_enrolments e WHERE e.round_id = $1 AND e.user_id = x.user_a)
        AND EXISTS (SELECT 1 FROM penpal_enrolments e WHERE e.round_id = $1 AND e.user_id = x.user_b)`,
} as const;

export const pairsOfRound = async (
  m: EntityManager,
  roundId: string,
  kind: keyof typeof PAIRS_OF_ROUND,
): Promise<PairIds[]> =>
  ((await m.query(PAIRS_OF_ROUND[kind], [roundId])) as { a: string; b: string }[]).map(
    (r) => [r.a, r.b] as const,
  );

export const markRunStarted = async (m: EntityManager, runId: string): Promise<void> => {
  await m.query(`UPDATE matching_runs SET started_at = clock_timestamp() WHERE id = $1`, [runId]);
};

/** One statement per chunk of pairs: unnest() turns column arrays into rows. */
export const insertRunPairs = async (
  m: EntityManager,
  runId: string,
  roundId: string,
  pairs: (MatchedPair & { status: 'carried' | 'proposed' })[],
): Promise<void> => {
  await m.query(
    `INSERT INTO penpal_matches (run_id, round_id, user_a, country_a, user_b, country_b, score, reasons, reason_facts, pinned, status)
     SELECT $1, $2, a, 'KR', b, cb, sc, ARRAY(SELECT jsonb_array_elements_text(r::jsonb)), f::jsonb, pin, st
       FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::int[], $7::text[], $8::text[], $9::bool[], $10::text[])
         AS t(a, b, cb, sc, r, f, pin, st)`,
    [
      runId,
      roundId,
      pairs.map((p) => p.krId),
      pairs.map((p) => p.aseanId),
      pairs.map((p) => p.aseanCountry),
      pairs.map((p) => p.score),
      pairs.map((p) => JSON.stringify(p.reasons)),
      pairs.map((p) => JSON.stringify(p.facts)),
      pairs.map((p) => p.pinned),
      pairs.map((p) => p.status),
    ],
  );
};

export const insertRunUnmatched = async (
  m: EntityManager,
  runId: string,
  people: UnmatchedParticipant[],
): Promise<void> => {
  await m.query(
    `INSERT INTO matching_run_unmatched (run_id, user_id, country, reason, detail)
     SELECT $1, u, c, r, d FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) AS t(u, c, r, d)`,
    [
      runId,
      people.map((u) => u.id),
      people.map((u) => u.country),
      people.map((u) => u.reason),
      people.map((u) => u.detail),
    ],
  );
};

export const markRunSucceeded = async (
  m: EntityManager,
  runId: string,
  stats: object,
): Promise<void> => {
  await m.query(
    `UPDATE matching_runs SET status = 'succeeded', progress = 1, finished_at = now(), stats = $2 WHERE id = $1`,
    [runId, JSON.stringify(stats)],
  );
};
