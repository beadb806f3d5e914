import type { EntityManager } from 'typeorm';
import { isoSql } from '../database/iso-sql';
import { preparedQuery } from '../database/prepared';
import { PEOPLE, PROFILES } from '../identity/people-sql';
import { type CallerColumns, liveCaller } from '../identity/session-sql';
import type { SessionClaims } from '../common/auth/session-check';
import type { JsonObject } from '../common/json';
import { PROGRAMMES } from '../programmes/programme-sql';
import type { RosterMember } from './roster.store';
import type { CompetitionKind, SubmissionStatus, VersionAction } from './rules/types';
import type { Submission, SubmissionAsset } from './submission.entity';
import { SubmissionVersion } from './submission.entity';

/** The SQL of entries: a member's one-query read, the version history, a person's entries. */

/** What an entry's view is made of (SubmissionsService.render), from entities or one query. */
export type SubmissionViewRow = Pick<
  Submission,
  | 'id'
  | 'competitionId'
  | 'teamId'
  | 'kind'
  | 'title'
  | 'status'
  | 'fields'
  | 'version'
  | 'extensionUntil'
> & {
  /** Dates from entities; from the one query, the ISO strings they are shown as (none parsed). */
  submittedAt: Date | string | null;
  withdrawnAt: Date | string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
  submissionClosesAt: Date;
  timezone: string;
  teamName: string;
  members: Pick<RosterMember, 'userId' | 'displayName' | 'country'>[];
  /** createdAt is a Date from an entity, its ISO string (as JSON gives it) from the one query. */
  assets: (Pick<SubmissionAsset, 'id' | 'role' | 'mime' | 'size' | 'sha256' | 'originalName'> & {
    createdAt: Date | string;
  })[];
};

/**
 * The caller (identity's session check, folded in: issue 14) and the entry with its deadline,
 * team, members and files, and whether the caller is in its team, as one prepared query (a team
 * member's read, the common case). No caller: no live session; no entry: none of that id.
 */
export const entryView = async (
  m: EntityManager,
  id: string,
  claims: SessionClaims,
): Promise<{
  caller: CallerColumns | undefined;
  entry: (SubmissionViewRow & { isMember: boolean }) | undefined;
}> => {
  const [row] = await preparedQuery<
    CallerColumns & ((SubmissionViewRow & { isMember: boolean }) | { id: null })
  >(
    m,
    'kenal_submission_view_with_caller',
    `SELECT me.*, s.id, s.competition_id AS "competitionId", s.team_id AS "teamId", s.kind, s.title,
            s.status, s.fields, s.version, s.extension_until AS "extensionUntil",
            ${isoSql('s.submitted_at')} AS "submittedAt", ${isoSql('s.withdrawn_at')} AS "withdrawnAt",
            ${isoSql('s.created_at')} AS "createdAt", ${isoSql('s.updated_at')} AS "updatedAt",
            c.submission_closes_at AS "submissionClosesAt", p.timezone, t.name AS "teamName",
            EXISTS (SELECT 1 FROM team_members WHERE team_id = s.team_id AND user_id = $2) AS "isMember",
            COALESCE((SELECT json_agg(json_build_object('userId', u.id, 'displayName', u.display_name,
                                                        'country', pr.country) ORDER BY tm.joined_at, u.id)
                        FROM team_members tm JOIN ${PEOPLE} u ON u.id = tm.user_id
                        LEFT JOIN ${PROFILES} pr ON pr.user_id = u.id
                       WHERE tm.team_id = s.team_id), '[]') AS members,
            COALESCE((SELECT json_agg(json_build_object('id', a.id, 'role', a.role, 'mime', a.mime,
                               'size', a.size, 'sha256', a.sha256, 'originalName', a.original_name,
                               'createdAt', ${isoSql('a.created_at')})
                               ORDER BY a.created_at)
                        FROM submission_assets a WHERE a.submission_id = s.id), '[]') AS assets
       FROM ${liveCaller('$2', '$3')} me
       LEFT JOIN (submissions s
                  JOIN competitions c ON c.id = s.competition_id
                  JOIN ${PROGRAMMES} p ON p.id = c.programme_id
                  JOIN teams t ON t.id = s.team_id) ON s.id = $1`,
    [id, claims.userId, claims.sessionId],
  );
  return {
    caller: row,
    entry: row?.id ? (row as SubmissionViewRow & { isMember: boolean }) : undefined,
  };
};

/** A page of an entry's versions, newest first, with their authors' names, and how many in all. */
export interface VersionRow {
  version: number;
  action: VersionAction;
  authorId: string | null;
  authorName: string | null;
  changes: JsonObject;
  createdAt: Date;
}

export const versionPage = (
  m: EntityManager,
  submissionId: string,
  skip: number,
  take: number,
): Promise<[VersionRow[], number]> =>
  Promise.all([
    m.query(
      `SELECT v.version, v.action, v.author_id AS "authorId", u.display_name AS "authorName",
              v.changes, v.created_at AS "createdAt"
         FROM submission_versions v LEFT JOIN ${PEOPLE} u ON u.id = v.author_id
        WHERE v.submission_id = $1
        ORDER BY v.version DESC
        OFFSET $2 LIMIT $3`,
      [submissionId, skip, take],
    ) as Promise<VersionRow[]>,
    m.countBy(SubmissionVersion, { submissionId }),
  ]);

export interface MemberEntryRow {
  id: string;
  competitionId: string;
  competitionTitle: string;
  teamId: string;
  teamName: string;
  kind: CompetitionKind;
  title: string;
  status: SubmissionStatus;
  version: number;
  submittedAt: Date | null;
  updatedAt: Date;
}

/** A page of the entries of the teams a person belongs to, newest first, and how many in all. */
export const entriesOfMember = async (
  m: EntityManager,
  userId: string,
  skip: number,
  take: number,
): Promise<[MemberEntryRow[], number]> => {
  const [rows, count]: [MemberEntryRow[], { n: number }[]] = await Promise.all([
    m.query(
      `SELECT s.id, s.competition_id AS "competitionId", c.title AS "competitionTitle",
              s.team_id AS "teamId", t.name AS "teamName", s.kind, s.title, s.status, s.version,
              s.submitted_at AS "submittedAt", s.updated_at AS "updatedAt"
         FROM submissions s
         JOIN team_members tm ON tm.team_id = s.team_id AND tm.user_id = $1
         JOIN teams t ON t.id = s.team_id
         JOIN competitions c ON c.id = s.competition_id
        ORDER BY s.created_at DESC, s.id
        OFFSET $2 LIMIT $3`,
      [userId, skip, take],
    ),
    m.query(
      `SELECT count(*)::int AS n FROM submissions s
         JOIN team_members tm ON tm.team_id = s.team_id AND tm.user_id = $1`,
      [userId],
    ),
  ]);
  return [rows, count[0].n];
};

/**
 * Moves the entries in one of the `from` statuses to `to`, each to its next version, after
 * locking them all; answers the ones it moved, with their new version and former status.
 */
export const moveStatuses = async (
  m: EntityManager,
  ids: readonly string[],
  from: readonly SubmissionStatus[],
  to: SubmissionStatus,
): Promise<{ id: string; version: number; previous: string }[]> => {
  // An UPDATE through the query runner answers [rows, affected count].
  const [changed] = (await m.query(
    `UPDATE submissions s SET status = $3, version = s.version + 1, updated_at = now()
       FROM (SELECT id, status FROM submissions WHERE id = ANY($1::uuid[]) FOR UPDATE) old
      WHERE s.id = old.id AND old.status = ANY($2::text[])
      RETURNING s.id, s.version, old.status AS previous`,
    [ids, from, to],
  )) as [{ id: string; version: number; previous: string }[], number];
  return changed;
};
