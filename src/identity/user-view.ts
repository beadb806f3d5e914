import type { User } from './user.entity';

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  locale: string;
  emailVerified: boolean;
}

export const userView = (u: User): UserView => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  roles: u.roles,
  locale: u.locale,
  emailVerified: u.emailVerifiedAt !== null && u.emailVerifiedAt !== undefined,
});
