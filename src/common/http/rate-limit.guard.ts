import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppConfig } from '../../config/app-config';
import { RateLimiter } from '../redis/rate-limiter';

const RATE_LIMIT_BUCKET = 'kenal:rate-limit-bucket';
const WINDOW_SECONDS = 60;

/**
 * Counts attempts per client address per minute in Redis, so every API process shares the count.
 * The address is the socket's, or the one a trusted proxy reports (TRUST_PROXY): a client cannot
 * choose it with X-Forwarded-For.
 */
export const RateLimited = (bucket: string) => SetMetadata(RATE_LIMIT_BUCKET, bucket);

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const bucket = this.reflector.get<string | undefined>(RATE_LIMIT_BUCKET, ctx.getHandler());
    if (!bucket) return true;
    const ip = ctx.switchToHttp().getRequest<{ ip: string }>().ip;
    await this.limiter.enforce(`${bucket}:${ip}`, this.config.AUTH_RATE_LIMIT, WINDOW_SECONDS);
    return true;
  }
}
