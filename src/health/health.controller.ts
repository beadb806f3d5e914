import { Controller, Get, Inject } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  HealthCheckError,
  HealthCheckService,
  HealthIndicatorResult,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import Redis from 'ioredis';
import { Res } from '@nestjs/common';
import { Public } from '../common/auth/decorators';
import { REDIS } from '../common/redis/redis.module';

type Check = 'up' | 'down';

class HealthChecksDto {
  @ApiProperty({ enum: ['up', 'down'] }) database: Check;
  @ApiProperty({ enum: ['up', 'down'] }) redis: Check;
}

class HealthDto {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty({ type: HealthChecksDto }) checks: HealthChecksDto;
}

@ApiTags('service')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Public()
  @Get()
  @ApiOperation({
    summary: 'Liveness and dependencies: 200 when PostgreSQL and Redis answer, else 503',
  })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'a dependency is down' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthDto> {
    const result = await this.health
      .check([() => this.db.pingCheck('database', { timeout: 2000 }), () => this.pingRedis()])
      .catch((err: { response?: { details?: Record<string, { status: string }> } }) => ({
        status: 'error' as const,
        details: err.response?.details ?? {},
      }));
    const up = (name: string): Check => (result.details?.[name]?.status === 'up' ? 'up' : 'down');
    const checks: HealthChecksDto = { database: up('database'), redis: up('redis') };
    const ok = checks.database === 'up' && checks.redis === 'up';
    reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'error', checks };
  }

  private async pingRedis(): Promise<HealthIndicatorResult> {
    const pong = await Promise.race([
      this.redis.ping().catch(() => 'down'),
      new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), 2000)),
    ]);
    if (pong !== 'PONG') throw new HealthCheckError('redis', { redis: { status: 'down' } });
    return { redis: { status: 'up' } };
  }
}
