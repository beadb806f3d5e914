import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';

/** Structured JSON logs; each HTTP line carries a request id (the caller's x-request-id, else a UUID). */
export const LoggingModule = LoggerModule.forRootAsync({
  inject: [AppConfig],
  useFactory: (config: AppConfig) => ({
    // Named wildcard: path-to-regexp 8 (Nest 11) rejects the bare '*' nestjs-pino uses by default.
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.LOG_LEVEL,
      // Fastify already gave the request its id (x-request-id or a UUID); log and return that one.
      genReqId: (req: IncomingMessage) => req.id ?? randomUUID(),
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      autoLogging: { ignore: (req: { url?: string }) => req.url === '/api/v1/health' },
    },
  }),
});
