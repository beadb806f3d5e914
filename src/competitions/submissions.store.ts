import type { EntityManager } from 'typeorm';
import { isoSql, jsonInstantSql, jsonTextSql } from '../database/iso-sql';
import { preparedQuery } from '../database/prepared';
import { PEOPLE, PROFILES } from '../identity/people-sql';
import { type CallerColumns, liveCaller } from '../identity/session-sql';
import type { SessionClaims } from '../common/auth/session-check';
import type { JsonObject } from '../common/json';
import { PROGRAMMES } from '../programmes/programme-sql';
import type { RosterMember } from './roster.store';
import type {
  CompetitionKind,
  SubmissionFields,
  SubmissionStatus,
  VersionAction,
} from './rules/types';
import type { Submission, SubmissionAsset } from './submission.entity';
import { SubmissionVersion } from './submission.entity';

/** The SQL of entries: a member's one-query read, the version history, a person's entries. */

/** What an entry's view is made of (SubmissionsService.render), from its entities. */
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
  | 'submittedAt'
  | 'withdrawnAt'
  | 'createdAt'
  | 'updatedAt'
> & {
  submissionClosesAt: Date;
  timezone: string;
  teamName: string;
  members: Pick<RosterMember, 'userId' | 'displayName' | 'country'>[];
  assets: Pick<
    SubmissionAsset,
    'id' | 'role' | 'mime' | 'size' | 'sha256' | 'originalName' | 'createdAt'
  >[];
};

const instant = jsonInstantSql;
const str = jsonTextSql;

/**
 * The caller's session (identity's check, folded in: issue 14) and, when they are in the entry's
 * team, the entry's answer, one prepared query: see memberEntryJson.
 * The answer (SubmissionResponseDto, as render writes it) is JSON text PostgreSQL builds by
 * concatenation, not json_build_object (which looks up each argument's output function on every
 * call); text people wrote goes through to_json (`str`). What is cheaper in Node is left to JS
 * (see MemberEntryJson and memberEntryText): the entry's own columns (escaped by JSON.stringify,
 * not to_json), the content fields of its kind (picking them in SQL, eight jsonb look-ups, cost
 * PostgreSQL more than JSON.parse and stringify cost Node) and the deadline's local time and zone
 * (zonedIso, as everywhere else). $4 is PUBLIC_URL as JSON string content (escaped,
 * without its quotes), for the files' `url`.
 * The entry is joined only for a member of its team: for anyone else none of it is read.
 */
export const MEMBER_ENTRY_JSON = `SELECT me.*, s.version, s.kind, s.fields, p.timezone,
         ${isoSql('GREATEST(c.submission_closes_at, s.extension_until)')} AS closes,
         s.id, s.competition_id AS "competitionId", s.team_id AS "teamId", t.name AS "teamName",
         s.title, s.status,
         COALESCE((SELECT string_agg('{"userId":"' || u.id || '","displayName":' || ${str('u.display_name')}
                                     || ',"country":' || ${str('pr.country')} || '}', ',' ORDER BY tm.joined_at, u.id)
                     FROM team_members tm JOIN ${PEOPLE} u ON u.id = tm.user_id
                     LEFT JOIN ${PROFILES} pr ON pr.user_id = u.id
                    WHERE tm.team_id = s.team_id), '') AS members,
         ',"assets":[' || COALESCE((
              SELECT string_agg('{"id":"' || a.id || '","role":' || ${str('a.role')}
                                || ',"mime":' || ${str('a.mime')} || ',"size":' || a.size
                                || ',"sha256":' || ${str('a.sha256')}
                                || ',"originalName":' || ${str('a.original_name')}
                                || ',"createdAt":' || ${instant('a.created_at')}
                                || ',"url":"' || $4::text || '/api/v1/submissions/' || s.id || '/assets/' || a.id
                                || '"}', ',' ORDER BY a.created_at)
                FROM submission_assets a WHERE a.submission_id = s.id), '')
         || '],"deadline":{"closesAt":' || ${instant('c.submission_closes_at')}
         || ',"extensionUntil":' || ${instant('s.extension_until')} AS mid,
         ',"submittedAt":' || ${instant('s.submitted_at')} || ',"withdrawnAt":' || ${instant('s.withdrawn_at')}
         || ',"createdAt":' || ${instant('s.created_at')} || ',"updatedAt":' || ${instant('s.updated_at')}
         || '}' AS "end"
    FROM ${liveCaller('$2', '$3')} me
    LEFT JOIN (submissions s
               JOIN competitions c ON c.id = s.competition_id
               JOIN ${PROGRAMMES} p ON p.id = c.programme_id
               JOIN teams t ON t.id = s.team_id)
      ON s.id = $1 AND EXISTS (SELECT 1 FROM team_members WHERE team_id = s.team_id AND user_id = $2)`;

/**
 * Every table MEMBER_ENTRY_JSON reads (the fragments' too): a change to any of them may change
 * its answer, so a kept answer is dropped at each (test/submission-cache.e2e-spec.ts holds this
 * list to the statement's plan).
 */
export const MEMBER_ENTRY_TABLES = [
  'users',
  'auth_sessions',
  'submissions',
  'competitions',
  'programmes',
  'teams',
  'team_members',
  'profiles',
  'submission_assets',
] as const;

/**
 * The caller (no row: no live session) and, when they are in the team of entry `id`, the parts of
 * its answer (none: no entry of that id, or the caller is not in its team).
 */
export const memberEntryJson = async (
  m: EntityManager,
  id: string,
  claims: SessionClaims,
  publicUrlJson: string,
): Promise<{ caller: CallerColumns | undefined; entry: MemberEntryJson | undefined }> => {
  const [row] = await preparedQuery<
    CallerColumns & (MemberEntryJson | { [K in keyof MemberEntryJson]: null })
  >(m, 'kenal_member_entry_json_with_caller', MEMBER_ENTRY_JSON, [
    id,
    claims.userId,
    claims.sessionId,
    publicUrlJson,
  ]);
  return { caller: row, entry: row?.id != null ? (row as MemberEntryJson) : undefined };
};

/**
 * A member's entry as memberEntryJson reads it: its answer is made of the plain columns, `members`
 * (the JSON objects of the members, comma-separated), the content fields of `kind` (from `fields`),
 * `mid` (`,"assets":[…],"deadline":{…,"extensionUntil":…`), the deadline's effectiveClosesAt
 * (`closes`), closesAtLocal and timezone, then `end` (the instants, and the closing brace).
 */
export interface MemberEntryJson {
  id: string;
  competitionId: string;
  teamId: string;
  teamName: string;
  title: string;
  status: SubmissionStatus;
  version: number;
  kind: CompetitionKind;
  fields: SubmissionFields;
  timezone: string;
  /** The effective close (the competition's, or the team's extension if later), ISO 8601. */
  closes: string;
  members: string;
  mid: string;
  end: string;
}

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
