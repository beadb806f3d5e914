import {
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  Logger,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { AppError } from '../errors/app-error';
import { REDIS } from '../redis/redis.module';

const RATE_LIMIT_BUCKET = 'kenal:rate-limit-bucket';
const WINDOW_MS = 60_000;

/** Counts attempts per client address per minute in Redis, so every API process shares the count. */
export const RateLimited = (bucket: string) => SetMetadata(RATE_LIMIT_BUCKET, bucket);

@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger(RateLimitGuard.name);
  /** The fallback while Redis is away: attempts per key in this process, per window. */
  private readonly local = new Map<string, { count: number; resetAt: number }>();
  private warnedAt = -Infinity;

  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const bucket = this.reflector.get<string | undefined>(RATE_LIMIT_BUCKET, ctx.getHandler());
    const limit = this.config.AUTH_RATE_LIMIT;
    if (!bucket || limit === 0) return true;
    const ip = ctx.switchToHttp().getRequest<{ ip: string }>().ip;
    const key = `${this.config.QUEUE_PREFIX}:rl:${bucket}:${ip}`;
    const { count, ttl } = await this.hit(key);
    if (count > limit) {
      const retryAfter = Math.max(1, Math.ceil((ttl < 0 ? WINDOW_MS : ttl) / 1000));
      throw new AppError(
        429,
        'RATE_LIMITED',
        `Too many attempts; try again in ${retryAfter} s`,
        undefined,
        {
          'Retry-After': String(retryAfter),
        },
      );
    }
    return true;
  }

  /** Counts one attempt in Redis; while Redis is away, in this process (logged once a window). */
  private async hit(key: string): Promise<{ count: number; ttl: number }> {
    try {
      const [[, count], [, ttl]] = (await this.redis.multi().incr(key).pttl(key).exec()) as [
        [null, number],
        [null, number],
      ];
      if (ttl < 0) await this.redis.pexpire(key, WINDOW_MS);
      return { count, ttl };
    } catch (err) {
      const now = Date.now();
      if (now - this.warnedAt >= WINDOW_MS) {
        this.warnedAt = now;
        this.logger.warn(
          `Rate limits count in this process while Redis is unavailable: ${(err as Error).message}`,
        );
      }
      for (const [k, w] of this.local) if (w.resetAt <= now) this.local.delete(k);
      const window = this.local.get(key) ?? { count: 0, resetAt: now + WINDOW_MS };
      window.count += 1;
      this.local.set(key, window);
      return { count: window.count, ttl: window.resetAt - now };
    }
  }
}
