/**
 * Pen-pal rounds as other features' SQL may join them (issue 15), as `identity/people-sql.ts`
 * does for people: a derived table the planner inlines, so penpal alone names its table and
 * decides which columns it promises. Use as `JOIN ${ROUND_LETTER_RULES} r ON r.id = ...`.
 */

/** A round's rules for letters: `id`, `programme_id`, `letter_delay`, `letters_per_day`, `screen_adult_letters`. */
export const ROUND_LETTER_RULES = `(SELECT id, programme_id, letter_delay, letters_per_day,
                                           screen_adult_letters FROM penpal_rounds)`;
