/**
 * Pen-pal matches as other features' SQL may join them (issue 15), as `round-sql.ts` does for
 * rounds: a derived table the planner inlines (a locking clause on its alias locks the match
 * row), so penpal alone names its table and decides which columns it promises.
 * Use as `FROM ${MATCH_PAIRS} m`.
 */

/** A match's two people and state: `id`, `round_id`, `user_a`, `user_b`, `status`. */
export const MATCH_PAIRS = `(SELECT id, round_id, user_a, user_b, status FROM penpal_matches)`;
