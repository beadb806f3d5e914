/**
 * Judging's results as other features' SQL may join them (issue 15), as
 * `competitions/entry-sql.ts` does for entries: a derived table the planner inlines, so judging
 * alone names competition_results. Competitions' listing gets it through ListingResults.
 */

/** A competition's results: `competition_id`, `published_at` (null until published). */
export const PUBLISHED_RESULTS = `(SELECT competition_id, published_at FROM competition_results)`;
