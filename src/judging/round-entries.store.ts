import type { EntityManager } from 'typeorm';
import { ENTRIES, TEAM_MEMBERS } from '../competitions/entry-sql';
import { PEOPLE, PROFILES } from '../identity/people-sql';

/** The entries judging reads, through competitions' derived tables (competitions/entry-sql.ts). */

export interface RoundEntry {
  id: string;
  teamId: string;
  title: string;
  kind: string;
  submittedAt: Date;
  sdgs: number[] | null;
}

/** The competition's entries in `statuses`, by id; with `only`, just those of them. */
export const competitionEntries = (
  m: EntityManager,
  competitionId: string,
  statuses: readonly string[],
  only?: readonly string[],
): Promise<RoundEntry[]> => {
  const base = `SELECT s.id, s.team_id AS "teamId", s.title, s.kind, s.submitted_at AS "submittedAt",
                       s.fields -> 'sdgs' AS sdgs
                  FROM ${ENTRIES} s
                 WHERE s.competition_id = $1 AND s.status = ANY($2::text[])`;
  return only
    ? m.query(`${base} AND s.id = ANY($3::uuid[]) ORDER BY s.id`, [competitionId, statuses, only])
    : m.query(`${base} ORDER BY s.id`, [competitionId, statuses]);
};

/** Of `ids`, those that are entries of the competition in `statuses`. */
export const entryIdsIn = async (
  m: EntityManager,
  competitionId: string,
  statuses: readonly string[],
  ids: readonly string[],
): Promise<string[]> =>
  (
    (await m.query(
      `SELECT id FROM ${ENTRIES} s WHERE competition_id = $1 AND status = ANY($2::text[]) AND id = ANY($3::uuid[])`,
      [competitionId, statuses, ids],
    )) as { id: string }[]
  ).map((r) => r.id);

/** A team member with what the conflict rules compare. */
export interface MemberProfileRow {
  teamId: string;
  userId: string;
  institution: string | null;
  country: string | null;
}

export const teamMemberProfiles = (
  m: EntityManager,
  teamIds: readonly string[],
): Promise<MemberProfileRow[]> =>
  m.query(
    `SELECT tm.team_id AS "teamId", tm.user_id AS "userId", p.institution, p.country
       FROM ${TEAM_MEMBERS} tm LEFT JOIN ${PROFILES} p ON p.user_id = tm.user_id
      WHERE tm.team_id = ANY($1::uuid[])`,
    [teamIds],
  );

/** How many people and entries of the competition in `statuses` publishing would tell. */
export const entryAudience = async (
  m: EntityManager,
  competitionId: string,
  statuses: readonly string[],
): Promise<{ people: number; entries: number }> => {
  const [counts]: { people: number; entries: number }[] = await m.query(
    `SELECT count(DISTINCT tm.user_id)::int AS people, count(DISTINCT s.id)::int AS entries
       FROM ${ENTRIES} s JOIN ${TEAM_MEMBERS} tm ON tm.team_id = s.team_id
      WHERE s.competition_id = $1 AND s.status = ANY($2::text[])`,
    [competitionId, statuses],
  );
  return counts;
};

/** A member of an entry, with what their notification needs. */
export interface EntryMemberRow {
  userId: string;
  email: string;
  displayName: string;
  locale: string;
  submissionId: string;
  title: string;
}

/** Every member of every entry of the competition in `statuses`, by entry then person. */
export const entryMembers = (
  m: EntityManager,
  competitionId: string,
  statuses: readonly string[],
): Promise<EntryMemberRow[]> =>
  m.query(
    `SELECT u.id AS "userId", u.email, u.display_name AS "displayName", u.locale,
            s.id AS "submissionId", s.title
       FROM ${ENTRIES} s
       JOIN ${TEAM_MEMBERS} tm ON tm.team_id = s.team_id
       JOIN ${PEOPLE} u ON u.id = tm.user_id
      WHERE s.competition_id = $1 AND s.status = ANY($2::text[])
      ORDER BY s.id, u.id`,
    [competitionId, statuses],
  );
