import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { RateLimiter } from './rate-limiter';
import { failFastRedisOptions, logOutages, readyWithin } from './redis-options';
import { REDIS } from './redis.token';

export { REDIS };

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * One shared client for plain commands (rate limits, health); BullMQ makes its own. Commands fail
 * fast while Redis is away: callers decide what that means (health 503, rate limits count locally).
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => {
        const redis = new Redis(config.REDIS_URL, failFastRedisOptions(config));
        logOutages(redis, new Logger('Redis'));
        // Start-up waits briefly for the first connection, never for Redis to come back.
        await readyWithin(redis, 2000);
        return redis;
      },
    },
    RedisCloser,
    RateLimiter,
  ],
  exports: [REDIS, RateLimiter],
})
export class RedisModule {}
