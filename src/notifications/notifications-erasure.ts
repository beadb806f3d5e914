import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AccountErasure,
  ErasureOrder,
  FORMER_MEMBER,
  replaceName,
  scrubJson,
  type ErasedPerson,
} from '../common/erasure/account-erasure';
import {
  deleteGuardianMail,
  deleteInboxOf,
  deleteOutboxTo,
  orphanInboxNaming,
  outboxNaming,
  rewriteInboxCopy,
  rewriteInboxEntry,
  setOutboxPayload,
} from './notifications.store';
import { NAMING_KEYS, render, TYPES_NAMING_OTHERS } from './templates';

/**
 * A deleted account's notifications go: their inbox, every outbox row addressed to them (sent
 * or not), and the consent emails to their guardians. Where another person's notification names
 * them (a pen pal's match, an invitation they sent), the name becomes "Former member" in the
 * stored payload and the inbox entry is rendered again from it; an entry whose outbox row was
 * already purged gets the name replaced in its text.
 */
@Injectable()
export class NotificationsErasure {
  constructor(erasure: AccountErasure) {
    erasure.register('notifications', (m, p) => this.erase(m, p), ErasureOrder.Notifications);
  }

  async erase(m: EntityManager, person: ErasedPerson): Promise<Record<string, number>> {
    // Outbox first: a delivery in flight holds its row, so its inbox entry is in before ours goes.
    const outbox = await deleteOutboxTo(m, person.id, person.email);
    const inbox = await deleteInboxOf(m, person.id);
    const guardianMail = await deleteGuardianMail(m, person.guardianEmails, person.displayName);
    const jsonName = JSON.stringify(person.displayName).slice(1, -1);
    const naming = await outboxNaming(m, jsonName, person.email);
    // A payload with the person's name or address replaced, or null when it names neither.
    const scrub = (value: object) =>
      scrubJson(value, (key, text) =>
        text === person.email
          ? FORMER_MEMBER
          : NAMING_KEYS.includes(key)
            ? replaceName(text, person.displayName, FORMER_MEMBER)
            : null,
      ) as Record<string, unknown> | null;
    let renamed = 0;
    for (const row of naming) {
      const payload = scrub(row.payload);
      if (!payload) continue;
      renamed += 1;
      await setOutboxPayload(m, row.id, payload);
      // The inbox copy of the payload (rendered at read time) is the scrubbed one too.
      await rewriteInboxCopy(m, row.id, render(row.type, row.locale, payload), payload);
    }
    // Entries whose outbox row was purged after the retention period: the name in their text
    // and in the payload they are rendered from.
    const orphans = await orphanInboxNaming(m, {
      name: person.displayName,
      jsonName,
      email: person.email,
      typesNamingOthers: TYPES_NAMING_OTHERS,
    });
    for (const entry of orphans) {
      const title = replaceName(entry.title, person.displayName, FORMER_MEMBER);
      const body = replaceName(entry.body, person.displayName, FORMER_MEMBER);
      const payload = entry.payload ? scrub(entry.payload) : null;
      if (title === entry.title && body === entry.body && !payload) continue;
      renamed += 1;
      await rewriteInboxEntry(m, entry.id, { title, body }, payload);
    }
    return {
      inboxEntries: inbox,
      outboxMessages: outbox + guardianMail,
      othersRenamed: renamed,
    };
  }
}
