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
