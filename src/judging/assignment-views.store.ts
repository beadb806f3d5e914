import type { EntityManager } from 'typeorm';
import type { CompetitionRow } from '../competitions/competition-rows';
import {
  COMPETITIONS,
  ENTRIES,
  ENTRY_ASSETS,
  lockRubricSql,
  TEAM_MEMBERS,
  TEAMS,
} from '../competitions/entry-sql';
import { isoSql } from '../database/iso-sql';
import { preparedQuery } from '../database/prepared';
import { PEOPLE } from '../identity/people-sql';
import { type CallerColumns, liveCaller } from '../identity/session-sql';
import type { SessionClaims } from '../common/auth/session-check';
import { PROGRAMMES } from '../programmes/programme-sql';
import { ACCESS_JOINS, accessCase, type EntryAccess } from './assignment-access.store';
import type { JudgeAssignment } from './judge-assignment.entity';
import type { MyAssignmentDto } from './dto/judging.dto';
import { NAMING_FIELDS } from './judge-view';
import type { JudgingRound } from './judging-round.entity';

/**
 * The judge's side of assignments: the views a judge reads and the score write. These are the
 * hottest statements of judging, each a named prepared statement in one round trip; given the
 * non-transactional manager they take any free connection of the pool.
 */

/** What scoring needs of an assignment, read before its conditional write. */
export interface ScoreTarget {
  id: string;
  judgeId: string;
  status: JudgeAssignment['status'];
  scoreState: JudgeAssignment['scoreState'];
  scoreVersion: number;
  roundStatus: JudgingRound['status'];
  closesAt: Date;
  competitionId: string;
  rubric: CompetitionRow['rubric'];
  access: EntryAccess;
}

/** The score's new content, written only while the assignment is still at `version`. */
export interface ScoreWrite {
  id: string;
  version: number;
  competitionId: string;
  scores: Record<string, unknown>;
  comment: string | null;
  state: 'draft' | 'final';
}

/**
 * The judge's view (MyAssignmentDto) of each assignment, built as JSON by PostgreSQL in one round
 * trip: the API passes it on without parsing rows, making objects or serializing them again
 * (GET /me/assignments allocated ~200 kB a request for 20 assignments that way).
 * $1 the server's now, $2 true when staff read it (access `open` whatever the rule says), then the
 * filter's own parameters from $3. `from` names the assignments `a`: the table, or a statement's
 * RETURNING rows. Rows: `id`, `createdAt` and `view`.
 *
 * The entry is read only when the access allows it. A blind round names no one: its entry is built
 * without reading the team at all (no team name, no member names), its content fields without
 * those that name people (NAMING_FIELDS), its files by id, role, type and size only.
 */
function judgeViewSql(filter: string, from = 'judge_assignments a'): string {
  const assets = `COALESCE((SELECT json_agg(json_build_object('id', f.id, 'role', f.role, 'mime', f.mime,
                        'size', f.size, 'href', '/api/v1/assignments/' || v.id || '/assets/' || f.id)
                        ORDER BY f.created_at)
                   FROM ${ENTRY_ASSETS} f WHERE f.submission_id = s.id), '[]')`;
  return `SELECT v.id, v."createdAt", json_build_object(
        'id', v.id, 'roundId', v."roundId", 'roundName', v."roundName",
        'competitionId', v."competitionId", 'competitionTitle', v."competitionTitle",
        'timezone', v.timezone, 'rubric', v.rubric, 'blind', v.blind, 'closesAt', ${isoSql('v."closesAt"')},
        'roundStatus', CASE WHEN v."roundStatus" = 'open' AND v."closesAt" <= $1::timestamptz
                            THEN 'closed' ELSE v."roundStatus" END,
        'status', CASE WHEN v.status = 'removed' THEN 'withdrawn' ELSE v.status END,
        'access', v.access, 'submission', e.entry,
        'score', json_build_object('state', v."scoreState", 'scores', v.scores, 'comment', v.comment,
                                   'version', v."scoreVersion", 'scoredAt', ${isoSql('v."scoredAt"')})
      ) AS view FROM (
      SELECT a.id, a.round_id AS "roundId", a.submission_id AS "submissionId", a.status, a.scores,
             a.comment, a.score_state AS "scoreState", a.score_version AS "scoreVersion",
             a.scored_at AS "scoredAt", a.created_at AS "createdAt",
             r.name AS "roundName", r.blind, r.closes_at AS "closesAt", r.status AS "roundStatus",
             c.id AS "competitionId", c.title AS "competitionTitle", c.rubric, p.timezone,
             CASE WHEN $2::boolean THEN 'open' ELSE ${accessCase('$1::timestamptz')} END AS access
        FROM ${from}
        ${ACCESS_JOINS}
        JOIN ${COMPETITIONS} c ON c.id = r.competition_id
        JOIN ${PROGRAMMES} p ON p.id = c.programme_id
       WHERE ${filter}) v
    LEFT JOIN LATERAL (
      SELECT CASE WHEN v.blind
        THEN json_build_object('id', s.id, 'title', s.title, 'kind', s.kind,
               'fields', s.fields - '{${NAMING_FIELDS.join(',')}}'::text[], 'assets', ${assets})
        ELSE json_build_object('id', s.id, 'title', s.title, 'kind', s.kind, 'fields', s.fields,
               'assets', ${assets},
               'teamName', (SELECT t.name FROM ${TEAMS} t WHERE t.id = s.team_id),
               'memberNames', COALESCE((SELECT json_agg(u.display_name ORDER BY tm.joined_at, u.id)
                                          FROM ${TEAM_MEMBERS} tm JOIN ${PEOPLE} u ON u.id = tm.user_id
                                         WHERE tm.team_id = s.team_id), '[]'))
        END AS entry
        FROM ${ENTRIES} s
       WHERE s.id = v."submissionId") e ON v.access = 'open'
    ORDER BY v."createdAt", v.id`;
}

/**
 * The views' array of a judge's ($3) active assignments on entries in $4's statuses, oldest first,
 * at most $5, as JSON text.
 */
const MY_ASSIGNMENTS = `SELECT COALESCE(json_agg(j.view ORDER BY j."createdAt", j.id), '[]')::text
  FROM (${judgeViewSql(
    `a.judge_id = $3 AND a.status = 'active'
       AND EXISTS (SELECT 1 FROM ${ENTRIES} s WHERE s.id = a.submission_id AND s.status = ANY($4::text[]))
     ORDER BY a.created_at, a.id
     LIMIT $5`,
  )}) j`;

/**
 * The caller (identity's session check, folded in: issue 14) and, as `body`, the JSON text of the
 * views of their active assignments on entries in `live` statuses, oldest first, at most `limit`,
 * as sent. No row: no live session; the views are then not built at all (PostgreSQL runs the
 * uncorrelated subquery only when it outputs the caller's row).
 */
export const myAssignmentViews = async (
  m: EntityManager,
  claims: SessionClaims,
  live: readonly string[],
  limit: number,
  now: Date,
): Promise<(CallerColumns & { body: string }) | undefined> =>
  (
    await preparedQuery<CallerColumns & { body: string }>(
      m,
      'kenal_my_assignments_json_with_caller',
      `SELECT me.*, (${MY_ASSIGNMENTS}) AS body FROM ${liveCaller('$3', '$6')} me`,
      [now, false, claims.userId, live, limit, claims.sessionId],
    )
  )[0];

/** The views of these assignments, in m (often a transaction that just changed the rows). */
export const assignmentViews = async (
  m: EntityManager,
  ids: readonly string[],
  asStaff: boolean,
  now: Date,
): Promise<{ id: string; view: MyAssignmentDto }[]> =>
  preparedQuery<{ id: string; view: MyAssignmentDto }>(
    m,
    'kenal_assignment_views_json',
    judgeViewSql('a.id = ANY($3::uuid[])'),
    [now, asStaff, ids],
  );

/** The assignment as scoring checks it, with its round, rubric and access; undefined when unknown. */
export const scoreTarget = async (
  m: EntityManager,
  id: string,
  now: Date,
): Promise<ScoreTarget | undefined> =>
  (
    await preparedQuery<ScoreTarget>(
      m,
      'kenal_score_target',
      `SELECT a.id, a.judge_id AS "judgeId", a.status, a.score_state AS "scoreState",
              a.score_version AS "scoreVersion", r.status AS "roundStatus", r.closes_at AS "closesAt",
              c.id AS "competitionId", c.rubric, ${accessCase('$2::timestamptz')} AS access
         FROM judge_assignments a
         ${ACCESS_JOINS}
         JOIN ${COMPETITIONS} c ON c.id = r.competition_id
        WHERE a.id = $1`,
      [id, now],
    )
  )[0];

/**
 * Writes the score while the assignment is still at the version read, active, not final and its
 * round open, freezing the rubric in the same statement, and answers the judge's view; undefined
 * when a concurrent change made it match nothing.
 */
export const writeScore = async (
  m: EntityManager,
  w: ScoreWrite,
  now: Date,
): Promise<MyAssignmentDto | undefined> =>
  (
    await preparedQuery<{ view: MyAssignmentDto }>(
      m,
      'kenal_score_write_json',
      `WITH a AS (
         UPDATE judge_assignments
            SET scores = $4, comment = $5, score_state = $6, score_version = score_version + 1,
                scored_at = $1
          WHERE id = $3 AND score_version = $7 AND status = 'active' AND score_state <> 'final'
            AND EXISTS (SELECT 1 FROM judging_rounds jr
                         WHERE jr.id = judge_assignments.round_id
                           AND jr.status = 'open' AND jr.closes_at > $1)
         RETURNING *
       ), rubric_lock AS (${lockRubricSql('$8', 'EXISTS (SELECT 1 FROM a)')})
       ${judgeViewSql('TRUE', 'a')}`,
      [now, false, w.id, JSON.stringify(w.scores), w.comment, w.state, w.version, w.competitionId],
    )
  )[0]?.view;
