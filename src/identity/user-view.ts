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
