/** The roles an account can hold; the auth guard, the admin routes and the entity share them. */
export const ROLES = ['applicant', 'judge', 'coordinator', 'admin', 'mentor'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES: readonly Role[] = ['judge', 'coordinator', 'admin', 'mentor'];
