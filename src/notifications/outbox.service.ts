import type { JsonObject } from '../common/json';
import { Injectable } from '@nestjs/common';
import { isTombstoneEmail } from '../common/erasure/account-erasure';
import { EntityManager } from 'typeorm';
import { Channel, OutboxMessage } from './outbox-message.entity';
import { NOTIFICATION_TYPES } from './templates';

export interface NotificationRequest {
  type: string;
  recipient: { userId?: string | null; email: string; locale?: string };
  channels?: Channel[];
  payload: JsonObject;
}

@Injectable()
export class OutboxService {
  /**
   * Writes the notification with the caller's transaction: it is sent if and only if the change
   * that caused it commits. The relay in the worker picks it up from there.
   */
  async enqueue(
    manager: EntityManager,
    requests: NotificationRequest | NotificationRequest[],
  ): Promise<string[]> {
    // A deleted account (kept as a tombstone in a team or a round) is never written to.
    const list = (Array.isArray(requests) ? requests : [requests]).filter(
      (r) => !isTombstoneEmail(r.recipient.email),
    );
    if (list.length === 0) return [];
    for (const r of list) {
      if (!NOTIFICATION_TYPES.includes(r.type))
        throw new Error(`Unknown notification type "${r.type}"`);
    }
    const result = await manager.insert(
      OutboxMessage,
      list.map((r) => ({
        type: r.type,
        recipientUserId: r.recipient.userId ?? null,
        recipientEmail: r.recipient.email,
        locale: r.recipient.locale ?? 'en',
        channels: r.channels ?? (r.recipient.userId ? ['email', 'in_app'] : ['email']),
        payload: r.payload,
      })),
    );
    return result.identifiers.map((i) => i.id as string);
  }
}
