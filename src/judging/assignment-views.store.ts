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
import { jsonInstantSql, jsonTextSql } from '../database/iso-sql';
import { preparedQuery } from '../database/prepared';
import { PEOPLE } from '../identity/people-sql';
import { type CallerColumns, liveCaller } from '../identity/session-sql';
import { COMPETITION_KINDS } from '../competitions/rules/types';
import type { SessionClaims } from '../common/auth/session-check';
import { PROGRAMMES } from '../programmes/programme-sql';
import {
  ACCESS_JOINS,
  ACCESS_JOINS_JUDGE_READ,
  accessCase,
  type EntryAccess,
} from './assignment-access.store';
import type { AssignmentStatus, JudgeAssignment, ScoreState } from './judge-assignment.entity';
import type { MyAssignmentDto } from './dto/judging.dto';
import { NAMING_FIELDS } from './judge-view';
import type { JudgingRound, RoundStatus } from './judging-round.entity';

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

const instant = jsonInstantSql;
const str = jsonTextSql;
/**
 * str(t) for a column that holds one of a few known words (a status, a kind): each of `words`,
 * which need no escaping, is written as its JSON string literal, `as` renaming some; any other
 * value, null included, still goes through str. to_json looks up its argument's type and output
 * function on every call (~3,000 instructions); a comparison with a constant costs a few dozen.
 */
const word = (t: string, words: readonly string[], as: Record<string, string> = {}) =>
  `CASE ${t} ${words.map((w) => `WHEN '${w}' THEN '"${as[w] ?? w}"'`).join(' ')} ELSE ${str(t)} END`;
/** The words of those columns (a word missing here only costs str's price). */
const ASSIGNMENT_STATUSES = [
  'active',
  'recused',
  'removed',
] as const satisfies readonly AssignmentStatus[];
const SCORE_STATES = ['none', 'draft', 'final'] as const satisfies readonly ScoreState[];
const ROUND_STATUSES = ['draft', 'open', 'closed'] as const satisfies readonly RoundStatus[];
/**
 * The concatenation of these text expressions as a balanced tree of ||: a chain of n ||
 * copies its text so far at each step (about n/2 copies of each byte), the tree about log2(n).
 */
const cat = (...parts: string[]): string => {
  if (parts.length === 1) return parts[0];
  const half = Math.ceil(parts.length / 2);
  return `(${cat(...parts.slice(0, half))} || ${cat(...parts.slice(half))})`;
};

/**
 * The judge's view (MyAssignmentDto) of each assignment, built as JSON text by PostgreSQL in one
 * round trip: the API passes it on without parsing rows, making objects or serializing them again
 * (GET /me/assignments allocated ~200 kB a request for 20 assignments that way).
 * $1 the server's now, $2 true when staff read it (access `open` whatever the rule says), then the
 * filter's own parameters from $3. `from` names the assignments `a`: the table, or a statement's
 * RETURNING rows; the filter may also read their entry, `s`. `judgeRoles`, when the statement
 * already read the judge's account (their own session check), is that read's roles, and the
 * access rule does not join the account again. Rows, in no order: `id`, `createdAt`, `view`
 * (text) and `openUntil`: the round's close while it is still ahead of $1, the one instant the
 * view compares $1 with (its access and roundStatus change there), else null.
 *
 * The text is concatenated, not made by json_build_object, which looks up each argument's type
 * and output function on every call: it was the largest part of the statement's CPU (perf). Ids,
 * numbers, booleans, timestamps and `access` (a word of accessCase) are JSON as they are; jsonb
 * columns print as JSON; statuses and kinds of the known words are their literals (word); any
 * other text goes through to_json (str). What is the same for all assignments of a round (its
 * name, competition, rubric, ...) is written once per round (`rp`), and the files of all the
 * entries in one pass (`f`, `fa`), not in a subquery per assignment.
 *
 * The entry is read only when the access allows it. A blind round names no one: its entry is built
 * without reading the team at all (no team name, no member names), its content fields without
 * those that name people (NAMING_FIELDS), its files by id, role, type and size only.
 */
function judgeViewSql(
  filter: string,
  { from = 'judge_assignments a', judgeRoles }: { from?: string; judgeRoles?: string } = {},
): string {
  return `SELECT * FROM (WITH v AS MATERIALIZED (
      SELECT a.id, a.round_id AS "roundId", a.submission_id AS "submissionId", a.status, a.scores,
             a.comment, a.score_state AS "scoreState", a.score_version AS "scoreVersion",
             a.scored_at AS "scoredAt", a.created_at AS "createdAt", r.blind, s.title, s.kind,
             s.fields, s.team_id AS "teamId",
             CASE WHEN $2::boolean THEN 'open' ELSE ${accessCase('$1::timestamptz', judgeRoles)} END AS access
        FROM ${from}
        ${judgeRoles ? ACCESS_JOINS_JUDGE_READ : ACCESS_JOINS}
        JOIN ${ENTRIES} s ON s.id = a.submission_id
       WHERE ${filter}
    ), rp AS MATERIALIZED (
      SELECT r.id, '"roundId":"' || r.id || '","roundName":' || ${str('r.name')}
               || ',"competitionId":"' || c.id || '","competitionTitle":' || ${str('c.title')}
               || ',"timezone":' || ${str('p.timezone')} || ',"rubric":' || c.rubric
               || ',"blind":' || r.blind || ',"closesAt":' || ${instant('r.closes_at')}
               || ',"roundStatus":' || CASE WHEN r.status = 'open' AND r.closes_at <= $1::timestamptz
                                            THEN '"closed"' ELSE ${word('r.status', ROUND_STATUSES)} END AS part,
             CASE WHEN r.status = 'open' AND r.closes_at > $1::timestamptz THEN r.closes_at END
               AS "openUntil"
        FROM judging_rounds r
        JOIN ${COMPETITIONS} c ON c.id = r.competition_id
        JOIN ${PROGRAMMES} p ON p.id = c.programme_id
       WHERE r.id IN (SELECT "roundId" FROM v)
    ), f AS MATERIALIZED (
      SELECT * FROM ${ENTRY_ASSETS} f
       WHERE f.submission_id = ANY (ARRAY(SELECT "submissionId" FROM v WHERE access = 'open'))
    ), fa AS MATERIALIZED (
      SELECT v.id, string_agg('{"id":"' || f.id || '","role":' || ${str('f.role')}
               || ',"mime":' || ${str('f.mime')} || ',"size":' || f.size || ',"href":"/api/v1/assignments/'
               || v.id || '/assets/' || f.id || '"}', ',' ORDER BY f.created_at) AS list
        FROM v JOIN f ON f.submission_id = v."submissionId"
       WHERE v.access = 'open'
       GROUP BY v.id
    )
    SELECT v.id, v."createdAt", rp."openUntil", ${cat(
      `'{"id":"' || v.id::text`,
      `'",' || rp.part`,
      `',"status":' || ${word('v.status', ASSIGNMENT_STATUSES, { removed: 'withdrawn' })}`,
      `',"access":"' || v.access`,
      `'","submission":' || CASE WHEN v.access <> 'open' THEN 'null' ELSE ${cat(
        `'{"id":"' || v."submissionId"::text`,
        `'","title":' || ${str('v.title')}`,
        `',"kind":' || ${word('v.kind', COMPETITION_KINDS)}`,
        `',"fields":' || (CASE WHEN v.blind THEN v.fields - '{${NAMING_FIELDS.join(',')}}'::text[]
                               ELSE v.fields END)::text`,
        `',"assets":[' || COALESCE(fa.list, '')`,
        `']' || CASE WHEN v.blind THEN '}' ELSE ${cat(
          `',"teamName":' || ${str(`(SELECT t.name FROM ${TEAMS} t WHERE t.id = v."teamId")`)}`,
          `',"memberNames":' || COALESCE((SELECT json_agg(u.display_name ORDER BY tm.joined_at, u.id)
                                             FROM ${TEAM_MEMBERS} tm JOIN ${PEOPLE} u ON u.id = tm.user_id
                                            WHERE tm.team_id = v."teamId")::text, '[]')`,
          `'}'`,
        )} END`,
      )} END`,
      `',"score":{"state":' || ${word('v."scoreState"', SCORE_STATES)}`,
      `',"scores":' || v.scores::text`,
      `',"comment":' || ${str('v.comment')}`,
      `',"version":' || v."scoreVersion"::text`,
      `',"scoredAt":' || ${instant('v."scoredAt"')}`,
      `'}}'`,
    )} AS view
      FROM v
      JOIN rp ON rp.id = v."roundId"
      LEFT JOIN fa ON fa.id = v.id) views`;
}

/**
 * The views' array of a judge's ($3) active assignments on entries in $4's statuses, oldest first,
 * at most $5, as JSON text (`body`), and `until`: the earliest instant after $1 at which that text
 * would read otherwise with nothing changed in the tables (a round of theirs closing), null for
 * never. The judge is the caller: their roles are those their session check (`me`, liveCaller of
 * $3) read, not read again.
 */
const MY_ASSIGNMENTS = `SELECT '[' || COALESCE(string_agg(j.view, ',' ORDER BY j."createdAt", j.id), '') || ']' AS body,
       min(j."openUntil") AS until
  FROM (${judgeViewSql(
    `a.judge_id = $3 AND a.status = 'active' AND s.status = ANY($4::text[])
     ORDER BY a.created_at, a.id
     LIMIT $5`,
    { judgeRoles: 'me.caller_roles' },
  )}) j`;

/**
 * myAssignmentViews' statement: $1 now, $2 false, $3 the caller's id, $4 the live statuses, $5 the
 * limit, $6 the session. The views are built for the caller's row only, after it (a nested loop on
 * it): no live session, no views built at all.
 */
export const MY_ASSIGNMENT_VIEWS_SQL = `SELECT me.*, b.body, b.until
  FROM ${liveCaller('$3', '$6')} me CROSS JOIN LATERAL (${MY_ASSIGNMENTS}) b`;

/**
 * Every table MY_ASSIGNMENT_VIEWS_SQL reads (a test holds it to the statement's plan): an answer
 * kept from it is good until one of them changes, or until its `until`.
 */
export const MY_ASSIGNMENT_VIEWS_TABLES = [
  'users',
  'auth_sessions',
  'judge_assignments',
  'judging_rounds',
  'judge_pool_members',
  'competition_results',
  'submissions',
  'submission_assets',
  'competitions',
  'programmes',
  'teams',
  'team_members',
] as const;

/**
 * The caller (identity's session check, folded in: issue 14) and, as `body`, the JSON text of the
 * views of their active assignments on entries in `live` statuses, oldest first, at most `limit`,
 * as sent, with its `until`. No row: no live session.
 */
export const myAssignmentViews = async (
  m: EntityManager,
  claims: SessionClaims,
  live: readonly string[],
  limit: number,
  now: Date,
): Promise<(CallerColumns & { body: string; until: Date | null }) | undefined> =>
  (
    await preparedQuery<CallerColumns & { body: string; until: Date | null }>(
      m,
      'kenal_my_assignments_json_until',
      MY_ASSIGNMENT_VIEWS_SQL,
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
  (
    await preparedQuery<{ id: string; view: string }>(
      m,
      'kenal_assignment_views_json',
      judgeViewSql('a.id = ANY($3::uuid[])'),
      [now, asStaff, ids],
    )
  ).map((row) => ({ id: row.id, view: JSON.parse(row.view) as MyAssignmentDto }));

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
    await preparedQuery<{ view: string }>(
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
       ${judgeViewSql('TRUE', { from: 'a' })}`,
      [now, false, w.id, JSON.stringify(w.scores), w.comment, w.state, w.version, w.competitionId],
    )
  ).map((row) => JSON.parse(row.view) as MyAssignmentDto)[0];
