/** Postgres unique_violation, for races that a prior SELECT cannot rule out. */
export const isUniqueViolation = (err: unknown): boolean =>
  (err as { code?: string })?.code === '23505';
