/**
 * Competitions' tables as other features' SQL may join them (issue 15): derived tables the
 * planner inlines, so a join through one costs what a join on the table did, while competitions
 * alone names its tables and decides which columns it promises. Use as `FROM ${ENTRIES} s`.
 * Reads only: changes to an entry go through submission-lifecycle.ts.
 */

/** An entry: `id`, `competition_id`, `team_id`, `title`, `kind`, `status`, `submitted_at`, `fields`. */
export const ENTRIES = `(SELECT id, competition_id, team_id, title, kind, status, submitted_at, fields
                           FROM submissions)`;

/** A team: `id`, `name` (its own name; results show publicEntries' public name instead). */
export const TEAMS = `(SELECT id, name FROM teams)`;

/** A team's membership: `team_id`, `user_id`, `joined_at`. */
export const TEAM_MEMBERS = `(SELECT team_id, user_id, joined_at FROM team_members)`;

/** A competition: `id`, `programme_id`, `title`, `rubric`, `rubric_locked_at`, `created_at`. */
export const COMPETITIONS = `(SELECT id, programme_id, title, rubric, rubric_locked_at, created_at
                                FROM competitions)`;

/** An entry's file: `id`, `submission_id`, `role`, `mime`, `size`, `created_at`. */
export const ENTRY_ASSETS = `(SELECT id, submission_id, role, mime, size, created_at
                                FROM submission_assets)`;

/**
 * The one change another feature may embed in its own statement: scores given against a rubric
 * freeze it. Judging's score write runs it as a CTE of the same statement (its hot path has no
 * room for a second round trip). `competitionId` and `when` are SQL expressions (e.g. `$8`, a
 * guard such as `EXISTS (SELECT 1 FROM a)`); the first write wins, later ones change nothing.
 */
export const lockRubricSql = (competitionId: string, when: string) =>
  `UPDATE competitions SET rubric_locked_at = now()
    WHERE id = ${competitionId} AND rubric_locked_at IS NULL AND ${when}`;
