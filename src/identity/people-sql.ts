/**
 * Identity's tables as other features' SQL may join them (issue 15): derived tables the planner
 * inlines, so a join through one costs what a join on the table did, while identity alone names
 * its tables and decides which columns it promises. Use as `FROM ${PEOPLE} u`.
 */

/** A person: `id`, `email`, `display_name`, `locale`, `roles`. */
export const PEOPLE = `(SELECT id, email, display_name, locale, roles FROM users)`;

/**
 * A person's profile: `user_id`, `country`, `institution`, `languages`, `interests`,
 * `date_of_birth`, `gender`, `timezone`.
 */
export const PROFILES = `(SELECT user_id, country, institution, languages, interests, date_of_birth,
                                 gender, timezone FROM profiles)`;
