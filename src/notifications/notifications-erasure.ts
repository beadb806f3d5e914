import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AccountErasure,
  ErasureOrder,
  FORMER_MEMBER,
  scrubJson,
  type ErasedPerson,
} from '../common/erasure/account-erasure';
import { OTHER_PERSON_KEYS, render, TYPES_NAMING_OTHERS } from './templates';

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
        WHERE jsonb_path_exists(payload, 'lax $.** ? (@ == $n || @ == $e)',
                                jsonb_build_object('n', $1::text, 'e', $2::text))
        ORDER BY id FOR UPDATE`,
      [person.displayName, person.email],
    );
    let renamed = 0;
    for (const row of naming) {
      const payload = scrubJson(row.payload, (key, text) =>
        text === person.email
          ? FORMER_MEMBER
          : text === person.displayName && OTHER_PERSON_KEYS.includes(key)
            ? FORMER_MEMBER
            : null,
      ) as Record<string, unknown> | null;
      if (!payload) continue;
      renamed += 1;
      await m.query(`UPDATE outbox_messages SET payload = $2 WHERE id = $1`, [row.id, payload]);
      const text = render(row.type, row.locale, payload);
      await m.query(`UPDATE inbox_entries SET title = $2, body = $3 WHERE outbox_id = $1`, [
        row.id,
        text.title,
        text.body,
      ]);
    }
    const orphans = await count(
      `UPDATE inbox_entries i SET title = replace(i.title, $1, $3), body = replace(i.body, $1, $3)
        WHERE i.type = ANY($2::text[]) AND (strpos(i.title, $1) > 0 OR strpos(i.body, $1) > 0)
          AND NOT EXISTS (SELECT 1 FROM outbox_messages o WHERE o.id = i.outbox_id)`,
      [person.displayName, TYPES_NAMING_OTHERS, FORMER_MEMBER],
    );
    return {
      inboxEntries: inbox,
      outboxMessages: outbox + guardianMail,
      othersRenamed: renamed + orphans,
    };
  }
}
