import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { AppConfig } from '../config/app-config';
import { maskTokens, redactTokens } from './crypto/token-links';

interface LoggedRequest {
  url?: string;
  query?: unknown;
  params?: unknown;
}

/**
 * Structured JSON logs; each HTTP line carries a request id (the caller's x-request-id, else a
 * UUID). The token of an emailed link (a password reset, a guardian's consent, an invitation)
 * never reaches a log line: it is masked in the URL, the query and the route parameters.
 */
export const LoggingModule = LoggerModule.forRootAsync({
  inject: [AppConfig],
  useFactory: (config: AppConfig) => {
    const options = {
      level: config.LOG_LEVEL,
      // Fastify already gave the request its id (x-request-id or a UUID); log and return that one.
      genReqId: (req: IncomingMessage) => req.id ?? randomUUID(),
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      serializers: {
        req: (req: LoggedRequest) => {
          if (typeof req.url === 'string') req.url = maskTokens(req.url);
          if (req.query) req.query = redactTokens(req.query);
          if (req.params) req.params = redactTokens(req.params);
          return req;
        },
      },
      autoLogging: { ignore: (req: { url?: string }) => req.url === '/api/v1/health' },
    };
    return {
      // Named wildcard: path-to-regexp 8 (Nest 11) rejects the bare '*' nestjs-pino uses by default.
      forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
      pinoHttp: config.LOG_FILE
        ? [options, pino.destination({ dest: config.LOG_FILE, mkdir: true, sync: false })]
        : options,
    };
  },
});
