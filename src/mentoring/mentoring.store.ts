import type { EntityManager } from 'typeorm';
import { EXPORT_ROWS, type ExportedRow } from '../common/export/personal-data-export';
import { TEAM_MEMBERS } from '../competitions/entry-sql';
import { PEOPLE } from '../identity/people-sql';
import type { MentorCandidate, PairIds, Reason, Sector } from './core';
import type { MentoringRun } from './mentoring-run.entity';

/** The SQL of mentoring: runs and their input, publication, mentorships, and erasure. */

/** Locks the round's row: publications (FOR UPDATE) and run inputs (FOR SHARE) take turns on it. */
export const lockMentoringRound = async (
  m: EntityManager,
  roundId: string,
  mode: 'UPDATE' | 'SHARE',
): Promise<void> => {
  await m.query(`SELECT 1 FROM mentoring_rounds WHERE id = $1 FOR ${mode}`, [roundId]);
};

export const markMentoringRunStarted = async (m: EntityManager, runId: string): Promise<void> => {
  await m.query(`UPDATE mentoring_runs SET started_at = clock_timestamp() WHERE id = $1`, [runId]);
};

export interface MentorRow {
  user_id: string;
  organisation: string;
  sector: MentorCandidate['sector'];
  sdgs: number[];
  topics: string[];
  countries: string[];
  languages: { code: string; level: string }[];
  capacity: number;
  busy: number;
}

/** The round's mentors, each with the active mentorships they hold in other rounds (busy). */
export const roundMentorsForMatching = (m: EntityManager, roundId: string): Promise<MentorRow[]> =>
  m.query(
    `SELECT p.user_id, p.organisation, p.sector, p.sdgs, p.topics, p.countries, p.languages, p.capacity,
            (SELECT count(*)::int FROM mentorships x
              WHERE x.mentor_id = p.user_id AND x.status = 'active' AND x.round_id <> $1) AS busy
       FROM mentoring_round_mentors rm JOIN mentor_profiles p ON p.user_id = rm.user_id
      WHERE rm.round_id = $1
      ORDER BY p.user_id`,
    [roundId],
  );

const PAIRS_OF_ROUND = {
  // Published mentorships stay: they come first among the pins, ahead of the coordinator's.
  published: `SELECT submission_id AS s, mentor_id AS u FROM mentorships WHERE round_id = $1 AND status = 'active' ORDER BY created_at, id`,
  pinned: `SELECT submission_id AS s, mentor_id AS u FROM mentoring_constraints WHERE round_id = $1 AND type = 'pin' ORDER BY created_at, id`,
  forbidden: `SELECT submission_id AS s, mentor_id AS u FROM mentoring_constraints WHERE round_id = $1 AND type = 'forbid'`,
} as const;

export const mentoringPairsOfRound = async (
  m: EntityManager,
  roundId: string,
  kind: keyof typeof PAIRS_OF_ROUND,
): Promise<PairIds[]> =>
  ((await m.query(PAIRS_OF_ROUND[kind], [roundId])) as { s: string; u: string }[]).map(
    (r) => [r.s, r.u] as const,
  );

/** One statement per chunk of pairs: unnest() turns column arrays into rows. */
export const insertMentoringMatches = async (
  m: EntityManager,
  runId: string,
  pairs: {
    submissionId: string;
    teamId: string;
    mentorId: string;
    score: number;
    reasons: unknown;
    pinned: boolean;
  }[],
): Promise<void> => {
  await m.query(
    `INSERT INTO mentoring_matches (run_id, submission_id, team_id, mentor_id, score, reasons, pinned)
     SELECT $1, s, t, u, sc, r::jsonb, pin
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::text[], $7::bool[])
         AS x(s, t, u, sc, r, pin)`,
    [
      runId,
      pairs.map((p) => p.submissionId),
      pairs.map((p) => p.teamId),
      pairs.map((p) => p.mentorId),
      pairs.map((p) => p.score),
      pairs.map((p) => JSON.stringify(p.reasons)),
      pairs.map((p) => p.pinned),
    ],
  );
};

export const markMentoringRunSucceeded = async (
  m: EntityManager,
  runId: string,
  stats: object,
): Promise<void> => {
  await m.query(
    `UPDATE mentoring_runs SET status = 'succeeded', progress = 1, finished_at = now(), stats = $2 WHERE id = $1`,
    [runId, JSON.stringify(stats)],
  );
};

/** Whether a newer run exists, or one was published after this run read its input. */
export const mentoringRunIsStale = async (
  m: EntityManager,
  run: MentoringRun,
): Promise<boolean> => {
  const [row] = (await m.query(
    `SELECT EXISTS (SELECT 1 FROM mentoring_runs r
                     WHERE r.round_id = $2 AND r.id <> $1
                       AND (r.created_at > $3 OR (r.published_at IS NOT NULL AND r.published_at >= $4))) AS stale`,
    [run.id, run.roundId, run.createdAt, run.startedAt ?? run.createdAt],
  )) as { stale: boolean }[];
  return row.stale;
};

/** The run's matches become mentorships (those the round has already kept); answers the new ids. */
export const publishMentoringRun = async (
  m: EntityManager,
  runId: string,
  roundId: string,
): Promise<{ id: string }[]> => {
  const created: { id: string }[] = await m.query(
    `INSERT INTO mentorships (round_id, run_id, submission_id, team_id, mentor_id, score, reasons, last_activity_at)
     SELECT $2, x.run_id, x.submission_id, x.team_id, x.mentor_id, x.score, x.reasons, now()
       FROM mentoring_matches x WHERE x.run_id = $1
     ON CONFLICT (round_id, submission_id, mentor_id) DO NOTHING
     RETURNING id`,
    [runId, roundId],
  );
  await m.query(`UPDATE mentoring_runs SET published_at = clock_timestamp() WHERE id = $1`, [
    runId,
  ]);
  return created;
};

export const roundMentors = (
  m: EntityManager,
  roundId: string,
): Promise<
  {
    userId: string;
    organisation: string;
    sector: Sector;
    capacity: number;
    sdgs: number[];
    countries: string[];
    addedAt: Date;
  }[]
> =>
  m.query(
    `SELECT rm.user_id AS "userId", p.organisation, p.sector, p.capacity, p.sdgs, p.countries,
            rm.added_at AS "addedAt"
       FROM mentoring_round_mentors rm JOIN mentor_profiles p ON p.user_id = rm.user_id
      WHERE rm.round_id = $1 ORDER BY rm.added_at, rm.user_id`,
    [roundId],
  );

export const roundCounts = async (
  m: EntityManager,
  roundId: string,
): Promise<{ mentors: number; mentorships: number }> => {
  const [counts] = (await m.query(
    `SELECT (SELECT count(*)::int FROM mentoring_round_mentors WHERE round_id = $1) AS mentors,
            (SELECT count(*)::int FROM mentorships WHERE round_id = $1) AS mentorships`,
    [roundId],
  )) as { mentors: number; mentorships: number }[];
  return counts;
};

/** A check-in is activity: the silence clock starts again, and so may its reminder. */
export const markMentorshipActive = async (m: EntityManager, id: string): Promise<void> => {
  await m.query(
    `UPDATE mentorships SET last_activity_at = greatest(last_activity_at, now()), reminded_at = NULL WHERE id = $1`,
    [id],
  );
};

/**
 * Active mentorships of running rounds silent for `days` at `now` and not reminded in that time,
 * oldest silence first, locked (SKIP LOCKED: a parallel sweep takes others).
 */
export const silentMentorships = (
  m: EntityManager,
  now: Date,
  days: number,
  limit: number,
): Promise<{ id: string }[]> =>
  m.query(
    `SELECT x.id FROM mentorships x JOIN mentoring_rounds r ON r.id = x.round_id
      WHERE x.status = 'active' AND r.ends_at > $1
        AND x.last_activity_at <= $1::timestamptz - make_interval(days => $2)
        AND (x.reminded_at IS NULL OR x.reminded_at <= $1::timestamptz - make_interval(days => $2))
      ORDER BY x.last_activity_at, x.id
      LIMIT $3 FOR UPDATE OF x SKIP LOCKED`,
    [now, days, limit],
  );

export const markReminded = async (m: EntityManager, ids: string[], at: Date): Promise<void> => {
  await m.query(`UPDATE mentorships SET reminded_at = $2 WHERE id = ANY($1::uuid[])`, [ids, at]);
};

/**
 * A mentor who deletes their account: their mentorships end, their check-ins lose the author,
 * their places, rules, unpublished matches and profile go.
 */
export const eraseMentorData = async (m: EntityManager, userId: string) => {
  const count = async (sql: string) => ((await m.query(sql, [userId])) as [unknown, number])[1];
  return {
    mentorships: await count(
      `UPDATE mentorships SET status = 'ended' WHERE mentor_id = $1 AND status = 'active'`,
    ),
    checkIns: await count(`UPDATE mentoring_check_ins SET author_id = NULL WHERE author_id = $1`),
    roundPlaces: await count(`DELETE FROM mentoring_round_mentors WHERE user_id = $1`),
    rules: await count(`DELETE FROM mentoring_constraints WHERE mentor_id = $1`),
    proposed: await count(
      `DELETE FROM mentoring_matches x USING mentoring_runs r
        WHERE r.id = x.run_id AND r.published_at IS NULL AND x.mentor_id = $1`,
    ),
    profile: await count(`DELETE FROM mentor_profiles WHERE user_id = $1`),
  };
};

/** A mentorship as someone's data export lists it; the reasons are rendered in their language. */
export type ExportedMentorship = ExportedRow & { reasons: Reason[] };

/** The mentorships someone is part of, as the mentor or as a member of the team. */
export const exportedMentorships = (
  m: EntityManager,
  userId: string,
): Promise<ExportedMentorship[]> =>
  m.query(
    `SELECT r.name AS round, CASE WHEN x.mentor_id = $1 THEN 'mentor' ELSE 'team' END AS "as",
            u.display_name AS mentor, x.status, x.reasons, x.created_at AS "startedAt",
            x.last_activity_at AS "lastActivityAt"
       FROM mentorships x
       JOIN mentoring_rounds r ON r.id = x.round_id
       JOIN ${PEOPLE} u ON u.id = x.mentor_id
      WHERE x.mentor_id = $1
         OR x.team_id IN (SELECT team_id FROM ${TEAM_MEMBERS} tm WHERE user_id = $1)
      ORDER BY x.created_at, x.id LIMIT ${EXPORT_ROWS}`,
    [userId],
  );

export const exportedMentorProfile = async (
  m: EntityManager,
  userId: string,
): Promise<ExportedRow | undefined> =>
  (
    (await m.query(
      `SELECT organisation, sector, sdgs, topics, countries, languages, capacity, bio, updated_at AS "updatedAt"
         FROM mentor_profiles WHERE user_id = $1 LIMIT ${EXPORT_ROWS}`,
      [userId],
    )) as ExportedRow[]
  )[0];

/** The check-ins someone wrote. */
export const exportedCheckIns = (m: EntityManager, userId: string): Promise<ExportedRow[]> =>
  m.query(
    `SELECT c.happened_on AS "happenedOn", c.summary, c.next_steps AS "nextSteps", c.created_at AS "createdAt"
       FROM mentoring_check_ins c WHERE c.author_id = $1 ORDER BY c.created_at, c.id LIMIT ${EXPORT_ROWS}`,
    [userId],
  );
