import type { OutboxMessageDto } from './dto/pipeline.dto';
import type { OutboxRow } from './notifications.store';

/** An outbox row as the admin's pipeline shows it; the payload (it may hold a link) stays out. */
export const toOutboxMessageDto = (r: OutboxRow): OutboxMessageDto => ({
  id: r.id,
  type: r.type,
  recipientEmail: r.recipientEmail,
  channels: r.channels,
  status: r.status,
  attempts: r.attempts,
  lastError: r.lastError,
  createdAt: r.createdAt,
  deliveredAt: r.deliveredAt,
  linkForgotten: r.linkForgotten,
});
