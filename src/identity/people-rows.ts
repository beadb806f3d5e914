import type { EntityManager } from 'typeorm';
import type { Role } from '../common/auth/roles';

/** What other features may read of an account (issue 15: no entity import). */
export interface Person {
  id: string;
  displayName: string;
  email: string;
  locale: string;
  roles: Role[];
  deleted: boolean;
}

export async function peopleOf(m: EntityManager, ids: readonly string[]): Promise<Person[]> {
  if (ids.length === 0) return [];
  return m.query(
    `SELECT id, display_name AS "displayName", email, locale, roles, deleted_at IS NOT NULL AS deleted
       FROM users WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
}

/** Accounts holding `role`, matched on name or email (q), by name; with the total. */
export async function peopleWithRole(
  m: EntityManager,
  role: Role,
  q: string | undefined,
  page: { skip: number; take: number },
): Promise<{ items: Person[]; total: number }> {
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : '%';
  const where = `$1 = ANY(roles) AND deleted_at IS NULL AND (display_name ILIKE $2 OR email ILIKE $2)`;
  const items: Person[] = await m.query(
    `SELECT id, display_name AS "displayName", email, locale, roles, false AS deleted
       FROM users WHERE ${where} ORDER BY display_name, id OFFSET $3 LIMIT $4`,
    [role, pattern, page.skip, page.take],
  );
  const [{ n }] = (await m.query(`SELECT count(*)::int AS n FROM users WHERE ${where}`, [
    role,
    pattern,
  ])) as { n: number }[];
  return { items, total: n };
}
