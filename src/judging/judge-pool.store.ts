import type { EntityManager } from 'typeorm';
import { COMPETITIONS } from '../competitions/entry-sql';
import { PEOPLE, PROFILES } from '../identity/people-sql';
import { PROGRAMMES, PROGRAMME_COORDINATORS } from '../programmes/programme-sql';
import type { JudgeConflicts } from './judge-pool-member.entity';

/** The SQL of judge pools: who judges a competition, and what the conflict rules know of them. */

export interface PoolRow {
  userId: string;
  institution: string | null;
  country: string | null;
  expertise: string[];
  conflicts: JudgeConflicts;
}

/** The pool's members who still hold the judge role, with their profile, by user id. */
export const poolRows = (m: EntityManager, competitionId: string): Promise<PoolRow[]> =>
  m.query(
    `SELECT j.user_id AS "userId", p.institution, p.country, j.expertise, j.conflicts
       FROM judge_pool_members j
       JOIN ${PEOPLE} u ON u.id = j.user_id
       LEFT JOIN ${PROFILES} p ON p.user_id = j.user_id
      WHERE j.competition_id = $1 AND 'judge' = ANY(u.roles)
      ORDER BY j.user_id`,
    [competitionId],
  );

/** Every member of the pool with their name, by user id. */
export const poolNames = (
  m: EntityManager,
  competitionId: string,
): Promise<{ judgeId: string; judgeName: string }[]> =>
  m.query(
    `SELECT j.user_id AS "judgeId", u.display_name AS "judgeName"
       FROM judge_pool_members j JOIN ${PEOPLE} u ON u.id = j.user_id
      WHERE j.competition_id = $1 ORDER BY j.user_id`,
    [competitionId],
  );

export interface StaffCompetitionRow {
  id: string;
  title: string;
  programmeId: string;
  programmeName: string;
  timezone: string;
  rounds: number;
  judges: number;
}

/** Competitions of the programmes `userId` coordinates (every one when `admin`), with counts. */
export const staffCompetitions = (
  m: EntityManager,
  admin: boolean,
  userId: string,
): Promise<StaffCompetitionRow[]> =>
  m.query(
    `SELECT c.id, c.title, p.id AS "programmeId", p.name AS "programmeName", p.timezone,
            (SELECT count(*)::int FROM judging_rounds r WHERE r.competition_id = c.id) AS rounds,
            (SELECT count(*)::int FROM judge_pool_members j WHERE j.competition_id = c.id) AS judges
       FROM ${COMPETITIONS} c JOIN ${PROGRAMMES} p ON p.id = c.programme_id
      WHERE $1::boolean
         OR EXISTS (SELECT 1 FROM ${PROGRAMME_COORDINATORS} pc
                     WHERE pc.programme_id = p.id AND pc.user_id = $2)
      ORDER BY p.name, c.created_at DESC, c.id
      LIMIT 500`,
    [admin, userId],
  );

/** At most 20 holders of the judge role whose name or email matches the LIKE pattern. */
export const judgeCandidates = (
  m: EntityManager,
  like: string,
): Promise<{ userId: string; displayName: string; email: string }[]> =>
  m.query(
    `SELECT id AS "userId", display_name AS "displayName", email FROM ${PEOPLE} u
      WHERE 'judge' = ANY(roles) AND (display_name ILIKE $1 OR email ILIKE $1)
      ORDER BY display_name, id LIMIT 20`,
    [like],
  );

/** Competitions where a judge declared conflicts that are not applied yet. */
export const competitionsWithPendingConflicts = async (m: EntityManager): Promise<string[]> =>
  (
    (await m.query(
      `SELECT DISTINCT competition_id AS "competitionId" FROM judge_pool_members
        WHERE conflicts_pending_since IS NOT NULL`,
    )) as { competitionId: string }[]
  ).map((r) => r.competitionId);
