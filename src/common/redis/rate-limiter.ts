import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { AppError } from '../errors/app-error';
import type { CodeFor } from '../errors/error-codes';
import { REDIS } from './redis.token';

export interface LimitHit {
  /** What is counted, e.g. `consent:user:<id>`; namespaced under QUEUE_PREFIX here. */
  key: string;
  /** At most this many hits per window; 0 means no limit. */
  limit: number;
  windowSeconds: number;
}

export type LimitOutcome = { allowed: true } | { allowed: false; retryAfter: number };

/**
 * Checks every counter and, only when all have room, counts one hit on each, atomically.
 * Returns 0 when allowed, else the milliseconds until the fullest refusing window ends.
 */
const HIT_ALL = `
local wait = 0
for i, key in ipairs(KEYS) do
  local limit = tonumber(ARGV[i * 2 - 1])
  local count = tonumber(redis.call('GET', key) or '0')
  if count >= limit then
    local ttl = redis.call('PTTL', key)
    if ttl < 0 then ttl = tonumber(ARGV[i * 2]) end
    if ttl > wait then wait = ttl end
  end
end
if wait > 0 then return wait end
for i, key in ipairs(KEYS) do
  if redis.call('INCR', key) == 1 then redis.call('PEXPIRE', key, ARGV[i * 2]) end
end
return 0
`;

/**
 * Fixed-window counters in Redis, shared by every API process: per client address (the guard),
 * per account or email address (failed logins, reset mails), per sender or recipient of emails.
 * Keys live under the QUEUE_PREFIX so test runs and instances never share counts. Call it before a
 * transaction, never inside one. While Redis does not answer, each API process counts on its own
 * for the same windows and logs that once a minute: sign-in stays up and the limits still bite.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  /** The fallback while Redis is away: hits per key in this process, per window. */
  private readonly local = new Map<string, { count: number; resetAt: number }>();
  private warnedAt = -Infinity;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  hit(key: string, limit: number, windowSeconds: number): Promise<LimitOutcome> {
    return this.hitAll([{ key, limit, windowSeconds }]);
  }

  /** One hit on each counter when all have room; none when any is full. */
  async hitAll(hits: LimitHit[]): Promise<LimitOutcome> {
    const active = hits.filter((h) => h.limit > 0);
    if (active.length === 0) return { allowed: true };
    try {
      const wait = (await this.redis.eval(
        HIT_ALL,
        active.length,
        ...active.map((h) => this.key(h.key)),
        ...active.flatMap((h) => [h.limit, h.windowSeconds * 1000]),
      )) as number;
      return wait > 0
        ? { allowed: false, retryAfter: Math.max(1, Math.ceil(wait / 1000)) }
        : { allowed: true };
    } catch (err) {
      return this.hitLocally(active, err as Error);
    }
  }

  private hitLocally(hits: LimitHit[], err: Error): LimitOutcome {
    const now = Date.now();
    if (now - this.warnedAt >= 60_000) {
      this.warnedAt = now;
      this.logger.warn(
        `Rate limits count in this process while Redis is unavailable: ${err.message}`,
      );
    }
    for (const [k, w] of this.local) if (w.resetAt <= now) this.local.delete(k);
    const windows = hits.map((h) => {
      const key = this.key(h.key);
      const w = this.local.get(key) ?? { count: 0, resetAt: now + h.windowSeconds * 1000 };
      this.local.set(key, w);
      return { w, limit: h.limit };
    });
    const full = windows.filter(({ w, limit }) => w.count >= limit);
    if (full.length > 0) {
      const wait = Math.max(...full.map(({ w }) => w.resetAt - now));
      return { allowed: false, retryAfter: Math.max(1, Math.ceil(wait / 1000)) };
    }
    for (const { w } of windows) w.count += 1;
    return { allowed: true };
  }

  /** Forgets the count (e.g. failed logins after a successful one). */
  async reset(key: string): Promise<void> {
    this.local.delete(this.key(key));
    await this.redis.del(this.key(key)).catch((err: Error) => {
      this.logger.warn(`Rate limit not reset (Redis): ${err.message}`);
    });
  }

  /** `hit`, throwing 429 with Retry-After and the given code when the limit is passed. */
  async enforce(
    key: string,
    limit: number,
    windowSeconds: number,
    code: RateLimitCode = 'RATE_LIMITED',
  ): Promise<void> {
    const outcome = await this.hit(key, limit, windowSeconds);
    if (!outcome.allowed) throw tooManyRequests(outcome.retryAfter, code);
  }

  private key(key: string): string {
    return `${this.config.QUEUE_PREFIX}:rl:${key}`;
  }
}

type RateLimitCode = CodeFor<HttpStatus.TOO_MANY_REQUESTS>;

/** 429 problem with a Retry-After header (seconds) and a stable code. */
export const tooManyRequests = (retryAfterSeconds: number, code: RateLimitCode = 'RATE_LIMITED') =>
  new AppError(
    HttpStatus.TOO_MANY_REQUESTS,
    code,
    `Too many attempts; try again in ${retryAfterSeconds} s`,
    undefined,
    { 'Retry-After': String(retryAfterSeconds) },
  );
