import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { AppError } from '../errors/app-error';
import { REDIS } from './redis.token';

/**
 * Fixed-window counters in Redis, shared by every API process: per client address (the guard),
 * per account or email address (failed logins, reset mails), per sender or recipient.
 * Keys live under the QUEUE_PREFIX so test runs and instances never share counts.
 */
@Injectable()
export class RateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /**
   * Counts one event under `key`; answers 0 while at most `limit` events fell in the current
   * window of `windowSeconds`, else the seconds until the window ends (at least 1).
   * A limit of 0 turns the check off.
   */
  async hit(key: string, limit: number, windowSeconds: number): Promise<number> {
    if (limit <= 0) return 0;
    const k = this.key(key);
    const [[, count], [, ttl]] = (await this.redis.multi().incr(k).pttl(k).exec()) as [
      [null, number],
      [null, number],
    ];
    if (ttl < 0) await this.redis.pexpire(k, windowSeconds * 1000);
    return count > limit ? retryAfter(ttl, windowSeconds) : 0;
  }

  /** Forgets the count (e.g. failed logins after a successful one). */
  async reset(key: string): Promise<void> {
    await this.redis.del(this.key(key));
  }

  /** `hit`, throwing 429 with Retry-After and the given code when the limit is passed. */
  async enforce(
    key: string,
    limit: number,
    windowSeconds: number,
    code = 'RATE_LIMITED',
  ): Promise<void> {
    const wait = await this.hit(key, limit, windowSeconds);
    if (wait > 0) throw tooManyRequests(wait, code);
  }

  private key(key: string): string {
    return `${this.config.QUEUE_PREFIX}:rl:${key}`;
  }
}

const retryAfter = (ttlMs: number, windowSeconds: number): number =>
  Math.max(1, Math.ceil((ttlMs < 0 ? windowSeconds * 1000 : ttlMs) / 1000));

/** 429 problem with a Retry-After header (seconds) and a stable code. */
export const tooManyRequests = (retryAfterSeconds: number, code = 'RATE_LIMITED') =>
  new AppError(
    HttpStatus.TOO_MANY_REQUESTS,
    code,
    `Too many attempts; try again in ${retryAfterSeconds} s`,
    undefined,
    { 'Retry-After': String(retryAfterSeconds) },
  );
