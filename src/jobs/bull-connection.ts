import type { ConnectionOptions } from 'bullmq';
import type { AppConfig } from '../config/app-config';

/**
 * The worker's BullMQ connections (BullMQ makes its own clients, with maxRetriesPerRequest null):
 * patient, they wait for Redis and reconnect every few seconds at most once it is back.
 */
export function bullConnection(config: AppConfig): ConnectionOptions {
  const url = new URL(config.REDIS_URL);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(500 * times, 5000),
  };
}
