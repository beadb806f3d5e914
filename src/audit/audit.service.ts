import type { JsonObject } from '../common/json';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AccountErasure,
  ErasureOrder,
  FORMER_MEMBER,
  scrubJson,
  type ErasedPerson,
} from '../common/erasure/account-erasure';
import { pageOf } from '../common/http/pagination';
import { Transactions } from '../database/transactions';
import { AuditActors } from './audit-actors';
import { AuditEvent } from './audit-event.entity';
import type { AuditEventPageDto } from './audit-event.dto';
import { AuditFilter, eventsNaming, pageAuditEvents, setEventDetails } from './audit.store';

export type { AuditEventRow, AuditFilter } from './audit.store';

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
    private readonly tx: Transactions,
    private readonly actors: AuditActors,
    erasure: AccountErasure,
  ) {
    erasure.register('audit', (m, person) => this.erase(m, person), ErasureOrder.Audit);
  }

  /**
   * The audit trail stays (who did what stays accountable): the actor id points at the account's
   * tombstone, and the email or name an event copied into its details becomes "Former member".
   */
  private async erase(m: EntityManager, person: ErasedPerson): Promise<Record<string, number>> {
    const rows = await eventsNaming(m, person.displayName, person.email);
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
      await setEventDetails(m, row.id, details);
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
  async list(q: AuditFilter): Promise<AuditEventPageDto> {
    const [rows, total] = await pageAuditEvents(this.tx.manager, q, this.actors.table);
    return pageOf(rows, total, q);
  }
}
