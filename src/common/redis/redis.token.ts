/** The injection token of the shared ioredis client (see RedisModule). */
export const REDIS = Symbol('REDIS');
