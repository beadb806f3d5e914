import type { InboxItemDto } from './dto/inbox.dto';
import type { InboxEntry } from './inbox-entry.entity';
import { NOTIFICATION_TYPES, render } from './templates';

/**
 * An entry in the reader's current language, rendered from its payload; an entry delivered
 * before payloads were kept shows the words it was written with.
 */
export const view = (
  e: Pick<InboxEntry, 'id' | 'type' | 'title' | 'body' | 'payload' | 'createdAt' | 'readAt'>,
  locale: string,
): InboxItemDto => {
  const text =
    e.payload && NOTIFICATION_TYPES.includes(e.type)
      ? render(e.type, locale, e.payload)
      : { title: e.title, body: e.body };
  return {
    id: e.id,
    type: e.type,
    title: text.title,
    body: text.body,
    createdAt: e.createdAt.toISOString(),
    readAt: e.readAt?.toISOString() ?? null,
  };
};
