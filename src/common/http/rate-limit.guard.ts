import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
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
    const [[, count], [, ttl]] = (await this.redis.multi().incr(key).pttl(key).exec()) as [
      [null, number],
      [null, number],
    ];
    if (ttl < 0) await this.redis.pexpire(key, WINDOW_MS);
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
}
