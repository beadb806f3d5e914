import type { DataSource } from 'typeorm';
import { liveCaller } from '../../src/identity/session-sql';

interface PlanNode {
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

const relations = (node: PlanNode, into: Set<string>): Set<string> => {
  if (node['Relation Name']) into.add(node['Relation Name']);
  for (const child of node.Plans ?? []) relations(child, into);
  return into;
};

/**
 * Every table PostgreSQL's plan of `sql` reads with these parameters (subqueries and CTEs
 * included): what a cache of its answers must name (TableChanges). Prepared, as the API runs it.
 */
export async function planRelations(
  db: DataSource,
  sql: string,
  params: unknown[],
): Promise<string[]> {
  const runner = db.createQueryRunner();
  try {
    await runner.query(`PREPARE kenal_plan_relations AS ${sql}`);
    const args = params.map((_, i) => `$${i + 1}`).join(', ');
    const rows = (await runner.query(
      `EXPLAIN (FORMAT JSON) EXECUTE kenal_plan_relations${params.length ? `(${args})` : ''}`.replace(
        /\$(\d+)/g,
        (_, n: string) => literal(params[Number(n) - 1]),
      ),
    )) as { 'QUERY PLAN': { Plan: PlanNode }[] }[];
    return [...relations(rows[0]['QUERY PLAN'][0].Plan, new Set())].sort();
  } finally {
    await runner.query(`DEALLOCATE ALL`).catch(() => undefined);
    await runner.release();
  }
}

/** A parameter written as SQL text (EXPLAIN EXECUTE takes no bind parameters). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (value instanceof Date) return `'${value.toISOString()}'`;
  if (Array.isArray(value)) {
    return `ARRAY[${value.map(literal).join(', ')}]::text[]`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `'${String(value).replace(/'/g, "''")}'`;
}

/**
 * `sql` with its session check (liveCaller, at these placeholders) replaced by a row made of the
 * parameters alone: its plan then shows what the statement reads besides the caller's own rows
 * (a cache may drop only the callers a change names for the tables it reads nowhere else).
 */
export function withoutSessionCheck(sql: string, userParam: string, sessionParam: string): string {
  const check = liveCaller(userParam, sessionParam);
  if (!sql.includes(check))
    throw new Error('the statement has no session check at these placeholders');
  return sql.replace(
    check,
    `(SELECT ${userParam}::uuid AS caller_id, ''::text AS caller_email,
             ''::text AS caller_display_name, '{}'::text[] AS caller_roles,
             'en'::text AS caller_locale, true AS caller_email_verified
       WHERE ${sessionParam}::uuid IS NOT NULL)`,
  );
}
