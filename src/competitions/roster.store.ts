import { EntityManager } from 'typeorm';
import { PEOPLE, PROFILES } from '../identity/people-sql';

export interface RosterMember {
  userId: string;
  displayName: string;
  email: string;
  locale: string;
  country: string | null;
  dateOfBirth: string | null;
  timezone: string | null;
  joinedAt: Date;
}

/** A team's members with what notifications and eligibility need, the longest-standing first. */
export async function rosterOf(m: EntityManager, teamId: string): Promise<RosterMember[]> {
  return m.query(
    `SELECT u.id AS "userId", u.display_name AS "displayName", u.email, u.locale,
            p.country, to_char(p.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", p.timezone,
            tm.joined_at AS "joinedAt"
       FROM team_members tm
       JOIN ${PEOPLE} u ON u.id = tm.user_id
       LEFT JOIN ${PROFILES} p ON p.user_id = u.id
      WHERE tm.team_id = $1
      ORDER BY tm.joined_at, u.id`,
    [teamId],
  );
}
