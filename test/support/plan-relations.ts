import type { DataSource } from 'typeorm';
import { liveCaller } from '../../src/identity/session-sql';

interface PlanNode {
  'Relation Name'?: string;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

const relations = (node: PlanNode, into: Set<string>): Set<string> => {
  if (node['Relation Name']) into.add(node['Relation Name']);
  for (const child of node.Plans ?? []) relations(child, into);
  return into;
};

/** PostgreSQL's plan of `sql`, prepared as the API runs it, with these parameters. */
async function plan(db: DataSource, sql: string, params: unknown[]): Promise<PlanNode> {
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
    return rows[0]['QUERY PLAN'][0].Plan;
  } finally {
    await runner.query(`DEALLOCATE ALL`).catch(() => undefined);
    await runner.release();
  }
}

/**
 * Every table PostgreSQL's plan of `sql` reads with these parameters (subqueries and CTEs
 * included): what a cache of its answers must name (TableChanges). Prepared, as the API runs it.
 */
export async function planRelations(
  db: DataSource,
  sql: string,
  params: unknown[],
): Promise<string[]> {
  return [...relations(await plan(db, sql, params), new Set())].sort();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The terms of a condition as EXPLAIN prints it, joined by `op` at its top level:
 * "((a) AND (b))" → "(a)", "(b)"; a condition without it → itself.
 */
function terms(condition: string, op: 'AND' | 'OR'): string[] {
  const wrapped = (c: string) => {
    let depth = 0;
    for (let i = 0; i < c.length; i++) {
      depth += c[i] === '(' ? 1 : c[i] === ')' ? -1 : 0;
      if (depth === 0 && i < c.length - 1) return false;
    }
    return c.startsWith('(');
  };
  const body = wrapped(condition) ? condition.slice(1, -1) : condition;
  const found: string[] = [];
  const sep = ` ${op} `;
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '(') depth++;
    else if (body[i] === ')') depth--;
    else if (depth === 0 && body.startsWith(sep, i)) {
      found.push(body.slice(start, i));
      start = i + sep.length;
    }
  }
  found.push(body.slice(start));
  return found.length === 1 ? [condition] : found;
}

/**
 * The conditions of each scan of `table` in the plan of `sql` that reads more than the rows of one
 * account: no term ANDed at the top of its conditions is `<one of columns> = <one of pins>`, or
 * such terms ORed (either pen pal of a match); a pin is the caller's id as a literal, or a column
 * already pinned to it (the session check's `u.id`). A cache may drop only the callers a change
 * names for a table read so.
 */
export async function scansNotPinned(
  db: DataSource,
  sql: string,
  params: unknown[],
  { table, columns, pins }: { table: string; columns: string[]; pins: string[] },
): Promise<string[]> {
  // A bitmap heap scan's Recheck Cond is its index scans' conditions combined (BitmapOr: ORed).
  const conditions = (node: PlanNode): string[] =>
    [node['Index Cond'], node['Recheck Cond'], node.Filter].filter((c) => c !== undefined);
  const unpinned: string[] = [];
  const walk = (node: PlanNode) => {
    if (node['Relation Name'] === table) {
      const conds = conditions(node);
      // One term ANDed at the top whose every ORed part is `<one of columns> = <one of pins>`.
      const pin = new RegExp(
        `^\\((\\w+\\.)?(${columns.join('|')}) = (${pins.map(escape).join('|')})\\)$`,
      );
      const pinned = conds
        .flatMap((c) => terms(c, 'AND'))
        .some((c) => terms(c, 'OR').every((part) => pin.test(part)));
      if (!pinned) unpinned.push(conds.join(' AND ') || '(no condition)');
    }
    for (const child of node.Plans ?? []) walk(child);
  };
  const root = await plan(db, sql, params);
  walk(root);
  if (!relations(root, new Set()).has(table)) unpinned.push(`${table} not read at all`);
  return unpinned;
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
function withoutSessionCheck(sql: string, userParam: string, sessionParam: string): string {
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

/**
 * The tables the plan of `sql` reads besides its session check (liveCaller at `placeholders`,
 * the user's and the session's): a cache drops by caller only tables not among them.
 */
export const readBesideSessionCheck = (
  db: DataSource,
  sql: string,
  [userParam, sessionParam]: [string, string],
  params: unknown[],
): Promise<string[]> =>
  planRelations(db, withoutSessionCheck(sql, userParam, sessionParam), params);
