import type { RedisOptions } from 'ioredis';
import type { AppConfig } from '../../config/app-config';

/**
 * Options of every Redis client that answers for a request (rate limits, health, job
 * producers): a command fails at once while Redis is away (no offline queue), and waits at most
 * REDIS_COMMAND_TIMEOUT_MS when Redis is there but does not answer. The client keeps
 * reconnecting in the background. BullMQ's workers use their own, patient connections.
 */
export const failFastRedisOptions = (config: AppConfig): RedisOptions => ({
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  commandTimeout: config.REDIS_COMMAND_TIMEOUT_MS,
  connectTimeout: Math.max(config.REDIS_COMMAND_TIMEOUT_MS, 2000),
});

/** Logs once when Redis goes away and once when it is back (not every reconnect attempt). */
export function logOutages(
  client: { on: (e: string, f: (err: Error) => void) => unknown },
  logger: { warn: (m: string) => void; log: (m: string) => void },
): void {
  let down = false;
  client.on('error', (err: Error) => {
    if (!down) logger.warn(`Redis unavailable: ${err.message}`);
    down = true;
  });
  client.on('ready', () => {
    if (down) logger.log('Redis is back');
    down = false;
  });
}

/** Resolves when the client is ready, or after `ms` if Redis does not come (start-up goes on). */
export const readyWithin = (
  client: { status: string; once: (e: string, f: () => void) => unknown },
  ms: number,
) =>
  new Promise<void>((resolve) => {
    if (client.status === 'ready') return resolve();
    const timer = setTimeout(resolve, ms);
    client.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/** Rejects when `promise` has not settled within `ms` (the work itself may still finish later). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
