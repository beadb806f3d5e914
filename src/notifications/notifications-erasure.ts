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
    const count = async (sql: string, params: unknown[]) =>
      ((await m.query(sql, params)) as [unknown, number])[1];
    // Outbox first: a delivery in flight holds its row, so its inbox entry is in before ours goes.
    const outbox = await count(
      `DELETE FROM outbox_messages WHERE recipient_user_id = $1 OR recipient_email = $2`,
      [person.id, person.email],
    );
    const inbox = await count(`DELETE FROM inbox_entries WHERE user_id = $1`, [person.id]);
    const guardianMail = await count(
      `DELETE FROM outbox_messages
        WHERE recipient_user_id IS NULL AND recipient_email = ANY($1::text[])
          AND type LIKE 'guardian.%' AND payload ->> 'participantName' = $2`,
      [person.guardianEmails, person.displayName],
    );

    const naming: { id: string; type: string; locale: string; payload: object }[] = await m.query(
      `SELECT id, type, locale, payload FROM outbox_messages
        WHERE strpos(payload::text, $1) > 0 OR strpos(payload::text, $2) > 0
        ORDER BY id FOR UPDATE`,
      [JSON.stringify(person.displayName).slice(1, -1), person.email],
    );
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
      await m.query(`UPDATE outbox_messages SET payload = $2 WHERE id = $1`, [row.id, payload]);
      const text = render(row.type, row.locale, payload);
      // The inbox copy of the payload (rendered at read time) is the scrubbed one too.
      await m.query(
        `UPDATE inbox_entries SET title = $2, body = $3,
                payload = CASE WHEN payload IS NULL THEN NULL ELSE $4::jsonb END
          WHERE outbox_id = $1`,
        [row.id, text.title, text.body, payload],
      );
    }
    // Entries whose outbox row was purged after the retention period: the name in their text
    // and in the payload they are rendered from.
    const orphans: { id: string; title: string; body: string; payload: object | null }[] =
      await m.query(
        `SELECT i.id, i.title, i.body, i.payload FROM inbox_entries i
          WHERE ((i.type = ANY($2::text[]) AND (strpos(i.title, $1) > 0 OR strpos(i.body, $1) > 0))
                 OR strpos(i.payload::text, $3) > 0 OR strpos(i.payload::text, $4) > 0)
            AND NOT EXISTS (SELECT 1 FROM outbox_messages o WHERE o.id = i.outbox_id)
          FOR UPDATE`,
        [
          person.displayName,
          TYPES_NAMING_OTHERS,
          JSON.stringify(person.displayName).slice(1, -1),
          person.email,
        ],
      );
    for (const entry of orphans) {
      const title = replaceName(entry.title, person.displayName, FORMER_MEMBER);
      const body = replaceName(entry.body, person.displayName, FORMER_MEMBER);
      const payload = entry.payload ? scrub(entry.payload) : null;
      if (title === entry.title && body === entry.body && !payload) continue;
      renamed += 1;
      await m.query(
        `UPDATE inbox_entries SET title = $2, body = $3, payload = COALESCE($4::jsonb, payload)
          WHERE id = $1`,
        [entry.id, title, body, payload],
      );
    }
    return {
      inboxEntries: inbox,
      outboxMessages: outbox + guardianMail,
      othersRenamed: renamed,
    };
  }
}
