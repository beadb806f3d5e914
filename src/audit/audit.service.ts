import type { JsonObject } from '../common/json';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
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

  async list(q: PageQuery & { action?: string; actorId?: string }) {
    const where: FindOptionsWhere<AuditEvent> = {};
    if (q.action) where.action = q.action;
    if (q.actorId) where.actorId = q.actorId;
    const [items, total] = await this.db
      .getRepository(AuditEvent)
      .findAndCount({ where, order: { createdAt: 'DESC', id: 'ASC' }, ...skipTake(q) });
    return pageOf(items, total, q);
  }
}
