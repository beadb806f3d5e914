import type { User } from './user.entity';

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  locale: string;
}

export const userView = (u: User): UserView => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  roles: u.roles,
  locale: u.locale,
});

/** Postgres unique_violation, for races that a prior SELECT cannot rule out. */
export const isUniqueViolation = (err: unknown): boolean =>
  (err as { code?: string })?.code === '23505';
