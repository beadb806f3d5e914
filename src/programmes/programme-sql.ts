/**
 * Programmes' tables as other features' SQL may join them (issue 15): derived tables the planner
 * inlines, while programmes alone names its tables. Use as `JOIN ${PROGRAMMES} p`.
 */

/** A programme: `id`, `name`, `timezone`. */
export const PROGRAMMES = `(SELECT id, name, timezone FROM programmes)`;

/** Who coordinates a programme: `programme_id`, `user_id`. */
export const PROGRAMME_COORDINATORS = `(SELECT programme_id, user_id FROM programme_coordinators)`;
