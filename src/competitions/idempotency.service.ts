import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { badRequest, unprocessable } from '../common/errors/app-error';
import { Transactions } from '../database/transactions';
import { claimKey, IDEMPOTENCY_TTL_HOURS, storeAnswer } from './idempotency.store';

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
  constructor(private readonly tx: Transactions) {}

  async run<T extends object>(
    userId: string,
    key: string | undefined,
    request: string,
    change: (m: EntityManager) => Promise<T>,
  ): Promise<IdempotentResult<T>> {
    if (key === undefined) {
      return { body: await this.tx.run(change), replayed: false };
    }
    if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw badRequest(
        'VALIDATION_FAILED',
        'Idempotency-Key must be 1 to 255 visible ASCII characters',
        [{ path: 'Idempotency-Key', message: 'invalid' }],
      );
    }
    const requestHash = createHash('sha256').update(request).digest('hex');
    return this.tx.run(async (m) => {
      const stored = await claimKey(m, userId, key, requestHash, IDEMPOTENCY_TTL_HOURS);
      if (stored) {
        if (stored.requestHash !== requestHash) {
          throw unprocessable(
            'IDEMPOTENCY_KEY_REUSED',
            'This Idempotency-Key was used for a different request; use a new key',
          );
        }
        return { body: stored.responseBody as T, replayed: true };
      }
      const body = await change(m);
      await storeAnswer(m, userId, key, body);
      return { body, replayed: false };
    });
  }
}
