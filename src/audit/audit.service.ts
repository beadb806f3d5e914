import type { JsonObject } from '../common/json';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
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
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
