import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { badRequest, unprocessable } from '../common/errors/app-error';
import type { JsonObject } from '../common/json';
import { IdempotencyKey } from './submission.entity';

export const IDEMPOTENCY_TTL_HOURS = 24;

export interface IdempotentResult<T> {
  body: T;
  replayed: boolean;
}

/**
 * Runs a change at most once per caller and Idempotency-Key. The key row is inserted in the
 * change's own transaction: a concurrent request with the same key waits on that row's unique
 * index until the first commits, then reads its stored answer. A failed change rolls back its
 * key too, so the client may retry with the same key.
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async run<T extends JsonObject>(
    userId: string,
    key: string | undefined,
    request: string,
    change: (m: EntityManager) => Promise<T>,
  ): Promise<IdempotentResult<T>> {
    if (key === undefined) {
      return { body: await this.db.transaction(change), replayed: false };
    }
    if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw badRequest(
        'VALIDATION_FAILED',
        'Idempotency-Key must be 1 to 255 visible ASCII characters',
        [{ path: 'Idempotency-Key', message: 'invalid' }],
      );
    }
    const requestHash = createHash('sha256').update(request).digest('hex');
    return this.db.transaction(async (m) => {
      // Keys are kept 24 h: the caller's older ones go here, which keeps the table bounded.
      await m.query(
        `DELETE FROM idempotency_keys
          WHERE user_id = $1 AND created_at < now() - interval '${IDEMPOTENCY_TTL_HOURS} hours'`,
        [userId],
      );
      const inserted: unknown[] = await m.query(
        `INSERT INTO idempotency_keys (user_id, key, request_hash, response_status, response_body)
         VALUES ($1, $2, $3, 0, '{}') ON CONFLICT DO NOTHING RETURNING key`,
        [userId, key, requestHash],
      );
      if (inserted.length === 0) {
        const stored = await m.findOneByOrFail(IdempotencyKey, { userId, key });
        if (stored.requestHash !== requestHash) {
          throw unprocessable(
            'IDEMPOTENCY_KEY_REUSED',
            'This Idempotency-Key was used for a different request; use a new key',
          );
        }
        return { body: stored.responseBody as T, replayed: true };
      }
      const body = await change(m);
      await m.update(
        IdempotencyKey,
        { userId, key },
        { responseStatus: 200, responseBody: JSON.parse(JSON.stringify(body)) as JsonObject },
      );
      return { body, replayed: false };
    });
  }
}
