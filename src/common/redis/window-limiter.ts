import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { REDIS } from './redis.module';

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
 * Fixed-window counters in Redis, shared by every API process: `hit(key, limit, windowSeconds)`
 * answers allowed, or refused with the seconds to wait. Call it before a transaction, never inside
 * one. When Redis does not answer, it lets the request through and logs it (fail open): a limit
 * on emails must not take sign-in or consent down with Redis.
 */
@Injectable()
export class WindowLimiter {
  private readonly logger = new Logger(WindowLimiter.name);

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
        ...active.map((h) => `${this.config.QUEUE_PREFIX}:limit:${h.key}`),
        ...active.flatMap((h) => [h.limit, h.windowSeconds * 1000]),
      )) as number;
      return wait > 0 ? { allowed: false, retryAfter: Math.ceil(wait / 1000) } : { allowed: true };
    } catch (err) {
      this.logger.warn(`Limit check skipped (Redis): ${(err as Error).message}`);
      return { allowed: true };
    }
  }
}
