import type { EntityManager } from 'typeorm';
import { EXPORT_ROWS, type ExportedRow } from '../common/export/personal-data-export';
import type { JsonObject } from '../common/json';
import { PageQuery, skipTake } from '../common/http/pagination';

export interface AuditFilter extends PageQuery {
  action?: string;
  actorId?: string;
  actorEmail?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

export interface AuditEventRow {
  id: string;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: JsonObject;
  createdAt: Date;
}

/** The events whose details hold this name or email anywhere, locked for the scrub. */
export const eventsNaming = (
  m: EntityManager,
  displayName: string,
  email: string,
): Promise<{ id: string; details: object }[]> =>
  m.query(
    `SELECT id, details FROM audit_events
      WHERE jsonb_path_exists(details, 'lax $.** ? (@ == $n || @ == $e)',
                              jsonb_build_object('n', $1::text, 'e', $2::text))
      ORDER BY id FOR UPDATE`,
    [displayName, email],
  );

export const setEventDetails = async (
  m: EntityManager,
  id: string,
  details: object,
): Promise<void> => {
  await m.query(`UPDATE audit_events SET details = $2 WHERE id = $1`, [id, details]);
};

/**
 * The log newest first, each event with its actor's name and email from `people` (AuditActors),
 * and the count that matches.
 * `action` matches an action or every action under a prefix (user → user.*); `actorEmail` a part
 * of the address; `from` inclusive, `to` exclusive.
 */
export const pageAuditEvents = async (
  m: EntityManager,
  q: AuditFilter,
  people: string,
): Promise<[AuditEventRow[], number]> => {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (q.action) add(`(e.action = ? OR starts_with(e.action, ? || '.'))`, q.action);
  if (q.actorId) add('e.actor_id = ?', q.actorId);
  if (q.actorEmail) add(`strpos(u.email, ?) > 0`, q.actorEmail.toLowerCase());
  if (q.targetType) add('e.target_type = ?', q.targetType);
  if (q.targetId) add('e.target_id = ?', q.targetId);
  if (q.from) add('e.created_at >= ?', q.from);
  if (q.to) add('e.created_at < ?', q.to);
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const { skip, take } = skipTake(q);
  const [rows, counted] = await Promise.all([
    m.query(
      `SELECT e.id, e.actor_id AS "actorId", u.display_name AS "actorName", u.email AS "actorEmail",
                e.action, e.target_type AS "targetType", e.target_id AS "targetId", e.details,
                e.created_at AS "createdAt"
           FROM audit_events e LEFT JOIN ${people} u ON u.id = e.actor_id
           ${filter}
          ORDER BY e.created_at DESC, e.id
          LIMIT ${take} OFFSET ${skip}`,
      params,
    ) as Promise<AuditEventRow[]>,
    m.query(
      `SELECT count(*)::int AS n FROM audit_events e LEFT JOIN ${people} u ON u.id = e.actor_id ${filter}`,
      params,
    ) as Promise<{ n: number }[]>,
  ]);
  return [rows, counted[0].n];
};

/** What someone did, as the audit log recorded it, for their data export. */
export const exportedActions = (m: EntityManager, userId: string): Promise<ExportedRow[]> =>
  m.query(
    `SELECT action, target_type AS "targetType", target_id AS "targetId", details,
            created_at AS "at"
       FROM audit_events WHERE actor_id = $1 ORDER BY created_at LIMIT ${EXPORT_ROWS}`,
    [userId],
  );
