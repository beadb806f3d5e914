import type { Role } from './roles';

/** The signed-in caller, as every guard and service sees it. */
export interface Principal {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  locale: string;
  /** The owner proved the address with an emailed link. */
  emailVerified: boolean;
  sessionId: string;
}

export const hasRole = (p: Principal, ...roles: Role[]): boolean =>
  roles.some((r) => p.roles.includes(r));
