import type { EntityManager } from 'typeorm';
import { Profile } from './profile.entity';
import { User } from './user.entity';

/**
 * Identity owns the users and profiles tables (issue 15): other features read a person through
 * these functions, in their own transaction, and never name the entities.
 */
export type UserRow = Readonly<
  Pick<User, 'id' | 'email' | 'displayName' | 'roles' | 'locale' | 'deletedAt'>
>;
export type ProfileRow = Readonly<Omit<Profile, 'user'>>;

export const findUser = (m: EntityManager, id: string): Promise<UserRow | null> =>
  m.findOneBy(User, { id });

export const getUser = (m: EntityManager, id: string): Promise<UserRow> =>
  m.findOneByOrFail(User, { id });

/** By address, as stored (lower-cased). */
export const findUserByEmail = (m: EntityManager, email: string): Promise<UserRow | null> =>
  m.findOneBy(User, { email });

export const getProfile = (m: EntityManager, userId: string): Promise<ProfileRow> =>
  m.findOneByOrFail(Profile, { userId });
