/** The deliberate violation scripts/table-owners.ts must catch: beta's SQL names alpha's table. */
export const foreignRead = `SELECT b.id FROM beta_things b JOIN alpha_items a ON a.id = b.alpha_id`;
