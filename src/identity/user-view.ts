import type { UserDto } from './dto/auth.dto';
import type { User } from './user.entity';

export const userView = (u: User): UserDto => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  roles: u.roles,
  locale: u.locale,
  emailVerified: u.emailVerifiedAt !== null && u.emailVerifiedAt !== undefined,
});
