import type { EntityManager } from 'typeorm';
import { EXPORT_ROWS, type ExportedRow } from '../common/export/personal-data-export';
import { PEOPLE } from '../identity/people-sql';
import { Team, TeamMember } from './team.entity';

/**
 * The SQL of teams, their members and invitations: a member's page of teams, their export, and
 * erasure.
 */

/** A page of the teams someone is a member of, newest first, each with its competition. */
export const pageTeamsOf = (
  m: EntityManager,
  userId: string,
  skip: number,
  take: number,
): Promise<[Team[], number]> =>
  m
    .getRepository(Team)
    .createQueryBuilder('t')
    .innerJoin(TeamMember, 'tm', 'tm.team_id = t.id AND tm.user_id = :me', { me: userId })
    .innerJoinAndSelect('t.competition', 'c')
    .orderBy('t.created_at', 'DESC')
    .addOrderBy('t.id')
    .skip(skip)
    .take(take)
    .getManyAndCount();

export interface ErasedMembership {
  id: string;
  name: string;
  leaderId: string;
  /** The team has an entry that was submitted (whatever became of it since): others rely on it. */
  entered: boolean;
}

/** The teams someone is a member of, locked for their erasure. */
export const lockTeamsOf = (m: EntityManager, userId: string): Promise<ErasedMembership[]> =>
  m.query(
    `SELECT t.id, t.name, t.leader_id AS "leaderId",
            EXISTS (SELECT 1 FROM submissions s WHERE s.team_id = t.id AND s.submitted_at IS NOT NULL) AS entered
       FROM teams t JOIN team_members tm ON tm.team_id = t.id AND tm.user_id = $1
      ORDER BY t.id
        FOR UPDATE OF t`,
    [userId],
  );

/** The team's other members, the longest-standing first. */
export const otherMembers = (
  m: EntityManager,
  teamId: string,
  userId: string,
): Promise<{ userId: string }[]> =>
  m.query(
    `SELECT user_id AS "userId" FROM team_members WHERE team_id = $1 AND user_id <> $2
      ORDER BY joined_at, user_id`,
    [teamId, userId],
  );

/** Where the files of the team's entries are stored. */
export const teamFileKeys = async (m: EntityManager, teamId: string): Promise<string[]> =>
  (
    (await m.query(
      `SELECT a.storage_key AS key FROM submission_assets a
         JOIN submissions s ON s.id = a.submission_id WHERE s.team_id = $1`,
      [teamId],
    )) as { key: string }[]
  ).map((a) => a.key);

/** Submissions, their versions and assets, invitations and reminders go with the team. */
export const deleteTeam = async (m: EntityManager, teamId: string): Promise<void> => {
  await m.query(`DELETE FROM teams WHERE id = $1`, [teamId]);
};

export const renameTeam = async (m: EntityManager, teamId: string, name: string): Promise<void> => {
  await m.query(`UPDATE teams SET name = $2 WHERE id = $1`, [teamId, name]);
};

export const deleteMember = async (
  m: EntityManager,
  teamId: string,
  userId: string,
): Promise<void> => {
  await m.query(`DELETE FROM team_members WHERE team_id = $1 AND user_id = $2`, [teamId, userId]);
};

export const setTeamLeader = async (
  m: EntityManager,
  teamId: string,
  userId: string,
): Promise<void> => {
  await m.query(`UPDATE teams SET leader_id = $2 WHERE id = $1`, [teamId, userId]);
};

const affected = async (m: EntityManager, sql: string, params: unknown[]): Promise<number> =>
  ((await m.query(sql, params)) as [unknown, number])[1];

export const revokeInvitationsBy = (m: EntityManager, userId: string): Promise<number> =>
  affected(
    m,
    `UPDATE team_invitations SET status = 'revoked', responded_at = now()
      WHERE invited_by_id = $1 AND status = 'pending'`,
    [userId],
  );

export const deleteInvitationsTo = (m: EntityManager, email: string): Promise<number> =>
  affected(m, `DELETE FROM team_invitations WHERE email = $1`, [email]);

/** Someone's teams, with their members' names as the team page shows them, for their export. */
export const exportedTeams = (m: EntityManager, userId: string): Promise<ExportedRow[]> =>
  m.query(
    `SELECT t.name AS team, c.title AS competition, t.leader_id = $1 AS leader,
            tm.joined_at AS "joinedAt",
            (SELECT array_agg(u.display_name ORDER BY o.joined_at, u.id)
               FROM team_members o JOIN ${PEOPLE} u ON u.id = o.user_id
              WHERE o.team_id = t.id) AS members
       FROM team_members tm JOIN teams t ON t.id = tm.team_id
       JOIN competitions c ON c.id = tm.competition_id
      WHERE tm.user_id = $1 ORDER BY tm.joined_at LIMIT ${EXPORT_ROWS}`,
    [userId],
  );

/** The entries of someone's teams, for their export. */
export const exportedEntries = (m: EntityManager, userId: string): Promise<ExportedRow[]> =>
  m.query(
    `SELECT s.id, c.title AS competition, t.name AS team, s.kind, s.title, s.fields, s.status,
            s.submitted_at AS "submittedAt", s.updated_at AS "updatedAt"
       FROM submissions s JOIN team_members tm ON tm.team_id = s.team_id AND tm.user_id = $1
       JOIN teams t ON t.id = s.team_id JOIN competitions c ON c.id = s.competition_id
      ORDER BY s.created_at LIMIT ${EXPORT_ROWS}`,
    [userId],
  );
