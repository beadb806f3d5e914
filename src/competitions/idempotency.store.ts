import type { EntityManager } from 'typeorm';
import type { JsonObject } from '../common/json';
import { IdempotencyKey } from './submission.entity';

/** The SQL of Idempotency-Keys: claiming a caller's key in the change's transaction, its answer. */

/** How long a key and its stored answer are kept. */
export const IDEMPOTENCY_TTL_HOURS = 24;

/**
 * Drops the caller's keys older than `ttlHours`, then claims `key` for this request. Answers
 * null when the key is new (its row now waits for the answer), else the row stored before;
 * a concurrent claim of the same key waits on the unique index until the first commits.
 */
export const claimKey = async (
  m: EntityManager,
  userId: string,
  key: string,
  requestHash: string,
  ttlHours: number,
): Promise<IdempotencyKey | null> => {
  // The caller's expired keys go here, which keeps the table bounded.
  await m.query(
    `DELETE FROM idempotency_keys
      WHERE user_id = $1 AND created_at < now() - interval '${ttlHours} hours'`,
    [userId],
  );
  const inserted: unknown[] = await m.query(
    `INSERT INTO idempotency_keys (user_id, key, request_hash, response_status, response_body)
     VALUES ($1, $2, $3, 0, '{}') ON CONFLICT DO NOTHING RETURNING key`,
    [userId, key, requestHash],
  );
  return inserted.length === 0 ? m.findOneByOrFail(IdempotencyKey, { userId, key }) : null;
};

/** Stores the answer of the change a claimed key ran, for its replays. */
export const storeAnswer = async (
  m: EntityManager,
  userId: string,
  key: string,
  body: object,
): Promise<void> => {
  await m.update(
    IdempotencyKey,
    { userId, key },
    { responseStatus: 200, responseBody: JSON.parse(JSON.stringify(body)) as JsonObject },
  );
};
