import type { JsonObject } from '../common/json';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  AccountErasure,
  ErasureOrder,
  FORMER_MEMBER,
  scrubJson,
  type ErasedPerson,
} from '../common/erasure/account-erasure';
import { PageQuery, pageOf, skipTake } from '../common/http/pagination';
import { AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  details?: JsonObject;
}

@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    erasure: AccountErasure,
  ) {
    erasure.register('audit', (m, person) => this.erase(m, person), ErasureOrder.Audit);
  }

  /**
   * The audit trail stays (who did what stays accountable): the actor id points at the account's
   * tombstone, and the email or name an event copied into its details becomes "Former member".
   */
  private async erase(m: EntityManager, person: ErasedPerson): Promise<Record<string, number>> {
    const rows: { id: string; details: object }[] = await m.query(
      `SELECT id, details FROM audit_events
        WHERE jsonb_path_exists(details, 'lax $.** ? (@ == $n || @ == $e)',
                                jsonb_build_object('n', $1::text, 'e', $2::text))
        ORDER BY id FOR UPDATE`,
      [person.displayName, person.email],
    );
    let scrubbed = 0;
    for (const row of rows) {
      // The name only where an event holds a person's name, not a round that happens to share it.
      const details = scrubJson(row.details, (key, text) =>
        text === person.email ||
        (/name$/i.test(key) && key !== 'name' && text === person.displayName)
          ? FORMER_MEMBER
          : null,
      );
      if (!details) continue;
      scrubbed += 1;
      await m.query(`UPDATE audit_events SET details = $2 WHERE id = $1`, [row.id, details]);
    }
    return { eventsScrubbed: scrubbed };
  }

  /** Written with the caller's manager, so the audit row commits or rolls back with the change. */
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.insert(AuditEvent, {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      details: entry.details ?? {},
    });
  }

  /**
   * The log newest first, each event with its actor's name and email. `action` matches an action
   * or every action under a prefix (user → user.*); `actorEmail` a part of the address; `from`
   * inclusive, `to` exclusive.
   */
  async list(q: AuditFilter) {
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
      this.db.query(
        `SELECT e.id, e.actor_id AS "actorId", u.display_name AS "actorName", u.email AS "actorEmail",
                e.action, e.target_type AS "targetType", e.target_id AS "targetId", e.details,
                e.created_at AS "createdAt"
           FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
           ${filter}
          ORDER BY e.created_at DESC, e.id
          LIMIT ${take} OFFSET ${skip}`,
        params,
      ) as Promise<AuditEventRow[]>,
      this.db.query(
        `SELECT count(*)::int AS n FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id ${filter}`,
        params,
      ) as Promise<{ n: number }[]>,
    ]);
    return pageOf(rows, counted[0].n, q);
  }
}

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
