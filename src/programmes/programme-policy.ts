import type { Principal } from '../common/auth/principal';

/** Pure decision: admins manage every programme; a coordinator only those they coordinate. */
export function canManageProgramme(
  who: Pick<Principal, 'id' | 'roles'>,
  coordinatorIds: readonly string[],
): boolean {
  if (who.roles.includes('admin')) return true;
  return who.roles.includes('coordinator') && coordinatorIds.includes(who.id);
}
