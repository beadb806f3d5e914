import type { EntityManager } from 'typeorm';
import { EXPORT_ROWS } from '../common/export/personal-data-export';
import type { JsonObject } from '../common/json';
import type { InboxEntry } from './inbox-entry.entity';
import type { Channel, OutboxStatus } from './outbox-message.entity';

/** The outbox and inbox tables of notifications (issue 15: only this feature writes them). */

export interface ClaimedRow {
  type: string;
  locale: string;
  payload: JsonObject;
  channels: Channel[];
  recipientUserId: string | null;
  recipientEmail: string;
  emailSentAt: Date | null;
}

const affected = async (m: EntityManager, sql: string, params: unknown[]): Promise<number> =>
  ((await m.query(sql, params)) as [unknown, number])[1];

/** Claims the row for `seconds` unless it needs no delivery or another claim holds it. */
export const claimOutboxRow = async (
  m: EntityManager,
  id: string,
  seconds: number,
): Promise<ClaimedRow | undefined> => {
  const [rows] = (await m.query(
    `UPDATE outbox_messages SET claimed_until = now() + make_interval(secs => $2)
      WHERE id = $1 AND status NOT IN ('delivered', 'failed')
        AND (claimed_until IS NULL OR claimed_until < now())
      RETURNING type, locale, payload, channels, recipient_user_id AS "recipientUserId",
                recipient_email AS "recipientEmail", email_sent_at AS "emailSentAt"`,
    [id, seconds],
  )) as [ClaimedRow[], number];
  return rows[0];
};

/** How long another delivery's claim on the row still holds; undefined when none holds it. */
export const claimHeldMs = async (m: EntityManager, id: string): Promise<number | undefined> => {
  const [held]: { waitMs: number }[] = await m.query(
    `SELECT GREATEST(0, extract(epoch FROM claimed_until - now()) * 1000)::int AS "waitMs"
       FROM outbox_messages
      WHERE id = $1 AND status NOT IN ('delivered', 'failed') AND claimed_until >= now()`,
    [id],
  );
  return held?.waitMs;
};

/** One statement: the in-app entry (at most one per message, when inApp) and the row marked sent. */
export const markDelivered = async (
  m: EntityManager,
  d: {
    outboxId: string;
    payload: string;
    emailSent: boolean;
    recipientUserId: string | null;
    type: string;
    title: string;
    body: string;
    inApp: boolean;
  },
): Promise<void> => {
  await m.query(
    `WITH entry AS (
       INSERT INTO inbox_entries (user_id, outbox_id, type, title, body, payload)
       SELECT $4, $1, $5, $6, $7, $2::jsonb WHERE $8::boolean
       ON CONFLICT DO NOTHING)
     UPDATE outbox_messages
        SET status = 'delivered', delivered_at = now(), payload = $2,
            email_sent_at = CASE WHEN $3::boolean THEN now() ELSE email_sent_at END,
            attempts = attempts + 1, last_error = NULL, claimed_until = NULL
      WHERE id = $1`,
    [d.outboxId, d.payload, d.emailSent, d.recipientUserId, d.type, d.title, d.body, d.inApp],
  );
};

/**
 * Claims up to `batch` rows to hand to BullMQ (SKIP LOCKED, so several workers relay side by
 * side) and marks them queued: pending rows, and queued ones older than `requeueAfter`.
 */
export const pickForRelay = async (
  m: EntityManager,
  batch: number,
  requeueAfter: string,
): Promise<{ id: string; was: string; at: string }[]> => {
  const [rows] = (await m.query(
    `WITH picked AS (
       SELECT id, status AS was FROM outbox_messages
        WHERE status = 'pending' OR (status = 'queued' AND queued_at < now() - interval '${requeueAfter}')
        ORDER BY created_at
        LIMIT ${batch}
        FOR UPDATE SKIP LOCKED)
     UPDATE outbox_messages o SET status = 'queued', queued_at = now()
       FROM picked WHERE o.id = picked.id
     RETURNING o.id, picked.was, (extract(epoch FROM o.queued_at) * 1000)::bigint AS at`,
  )) as [{ id: string; was: string; at: string }[], number];
  return rows;
};

export const backToPending = async (m: EntityManager, ids: string[]): Promise<void> => {
  await m.query(
    `UPDATE outbox_messages SET status = 'pending', queued_at = NULL
      WHERE id = ANY($1) AND status = 'queued'`,
    [ids],
  );
};

/** Deletes up to `chunk` rows delivered more than `days` ago; answers how many. */
export const deleteDeliveredBefore = (
  m: EntityManager,
  days: number,
  chunk: number,
): Promise<number> =>
  // created_at <= delivered_at: the first condition lets the (status, created_at) index serve.
  affected(
    m,
    `DELETE FROM outbox_messages WHERE id IN (
       SELECT id FROM outbox_messages
        WHERE status = 'delivered'
          AND created_at < now() - make_interval(days => $1)
          AND delivered_at < now() - make_interval(days => $1)
        LIMIT ${chunk})`,
    [days],
  );

export interface OutboxRow {
  id: string;
  type: string;
  recipientEmail: string;
  channels: string[];
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  linkForgotten: boolean;
}

/** A page of the outbox newest first, its count, and the count per status of the whole outbox. */
export const pageOutbox = async (
  m: EntityManager,
  q: { status?: string; type?: string; skip: number; take: number },
  forgottenLink: string,
): Promise<{ rows: OutboxRow[]; total: number; counts: { status: string; n: number }[] }> => {
  const params: unknown[] = [];
  const where: string[] = [];
  if (q.status) where.push(`status = $${params.push(q.status)}`);
  if (q.type) where.push(`type = $${params.push(q.type)}`);
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [rows, total, counts] = await Promise.all([
    m.query(
      `SELECT id, type, recipient_email AS "recipientEmail", channels, status, attempts,
              last_error AS "lastError", created_at AS "createdAt", delivered_at AS "deliveredAt",
              (status = 'failed' AND payload::text LIKE $${params.length + 1}) AS "linkForgotten"
         FROM outbox_messages ${filter}
        ORDER BY created_at DESC, id LIMIT ${q.take} OFFSET ${q.skip}`,
      [...params, forgottenLink],
    ) as Promise<OutboxRow[]>,
    m.query(`SELECT count(*)::int AS n FROM outbox_messages ${filter}`, params) as Promise<
      { n: number }[]
    >,
    m.query(`SELECT status, count(*)::int AS n FROM outbox_messages GROUP BY status`) as Promise<
      { status: string; n: number }[]
    >,
  ]);
  return { rows, total: total[0].n, counts };
};

// Account erasure (notifications-erasure.ts).

export const deleteOutboxTo = (m: EntityManager, userId: string, email: string) =>
  affected(m, `DELETE FROM outbox_messages WHERE recipient_user_id = $1 OR recipient_email = $2`, [
    userId,
    email,
  ]);

export const deleteInboxOf = (m: EntityManager, userId: string) =>
  affected(m, `DELETE FROM inbox_entries WHERE user_id = $1`, [userId]);

/** The consent emails to a person's guardians that name them. */
export const deleteGuardianMail = (
  m: EntityManager,
  guardianEmails: string[],
  participantName: string,
) =>
  affected(
    m,
    `DELETE FROM outbox_messages
      WHERE recipient_user_id IS NULL AND recipient_email = ANY($1::text[])
        AND type LIKE 'guardian.%' AND payload ->> 'participantName' = $2`,
    [guardianEmails, participantName],
  );

/** Outbox rows whose payload holds either text, locked for the scrub. */
export const outboxNaming = (
  m: EntityManager,
  jsonName: string,
  email: string,
): Promise<{ id: string; type: string; locale: string; payload: object }[]> =>
  m.query(
    `SELECT id, type, locale, payload FROM outbox_messages
      WHERE strpos(payload::text, $1) > 0 OR strpos(payload::text, $2) > 0
      ORDER BY id FOR UPDATE`,
    [jsonName, email],
  );

export const setOutboxPayload = async (m: EntityManager, id: string, payload: object) => {
  await m.query(`UPDATE outbox_messages SET payload = $2 WHERE id = $1`, [id, payload]);
};

/** The inbox copy of an outbox row, rendered again; its payload (when it keeps one) replaced. */
export const rewriteInboxCopy = async (
  m: EntityManager,
  outboxId: string,
  text: { title: string; body: string },
  payload: object,
) => {
  await m.query(
    `UPDATE inbox_entries SET title = $2, body = $3,
            payload = CASE WHEN payload IS NULL THEN NULL ELSE $4::jsonb END
      WHERE outbox_id = $1`,
    [outboxId, text.title, text.body, payload],
  );
};

/**
 * Inbox entries whose outbox row is gone and that name the person: by name in the text of a
 * type that names others, or by (JSON-escaped) name or email in the payload. Locked.
 */
export const orphanInboxNaming = (
  m: EntityManager,
  p: { name: string; jsonName: string; email: string; typesNamingOthers: readonly string[] },
): Promise<{ id: string; title: string; body: string; payload: object | null }[]> =>
  m.query(
    `SELECT i.id, i.title, i.body, i.payload FROM inbox_entries i
      WHERE ((i.type = ANY($2::text[]) AND (strpos(i.title, $1) > 0 OR strpos(i.body, $1) > 0))
             OR strpos(i.payload::text, $3) > 0 OR strpos(i.payload::text, $4) > 0)
        AND NOT EXISTS (SELECT 1 FROM outbox_messages o WHERE o.id = i.outbox_id)
      FOR UPDATE`,
    [p.name, p.typesNamingOthers, p.jsonName, p.email],
  );

export const rewriteInboxEntry = async (
  m: EntityManager,
  id: string,
  text: { title: string; body: string },
  payload: object | null,
) => {
  await m.query(
    `UPDATE inbox_entries SET title = $2, body = $3, payload = COALESCE($4::jsonb, payload)
      WHERE id = $1`,
    [id, text.title, text.body, payload],
  );
};

export type ExportedInboxEntry = Pick<
  InboxEntry,
  'id' | 'type' | 'title' | 'body' | 'payload' | 'createdAt' | 'readAt'
>;

/** Someone's inbox, oldest first, for their data export. */
export const exportedInbox = (m: EntityManager, userId: string): Promise<ExportedInboxEntry[]> =>
  m.query(
    `SELECT id, type, title, body, payload, created_at AS "createdAt", read_at AS "readAt"
       FROM inbox_entries WHERE user_id = $1 ORDER BY created_at LIMIT ${EXPORT_ROWS}`,
    [userId],
  );
