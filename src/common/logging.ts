import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Global, Module } from '@nestjs/common';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { Logger, PARAMS_PROVIDER_TOKEN, type Params, PinoLogger } from 'nestjs-pino';
import pino, { type Logger as Pino } from 'pino';
import { type HttpLogger, type Options, pinoHttp } from 'pino-http';
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
function pinoHttpParams(config: AppConfig): Options | [Options, pino.DestinationStream] {
  const options: Options = {
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
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/v1/health' },
  };
  return config.LOG_FILE
    ? [options, pino.destination({ dest: config.LOG_FILE, mkdir: true, sync: false })]
    : options;
}

/** pino-http's middleware: one line per request, and the request's logger for what it logs. */
export class RequestLogger {
  constructor(readonly middleware: HttpLogger) {}
}

/**
 * nestjs-pino's Logger (Nest's logs as JSON, with the request's bindings when logged during a
 * request) without its LoggerModule, which runs pino-http as a Nest middleware: through
 * @fastify/middie and Nest's middleware proxies that cost about a tenth of a small request's CPU.
 * The API calls pino-http from a Fastify hook instead (requestLogging below).
 */
@Global()
@Module({
  providers: [
    {
      provide: PARAMS_PROVIDER_TOKEN,
      inject: [AppConfig],
      useFactory: (config: AppConfig): Params => ({ pinoHttp: pinoHttpParams(config) }),
    },
    {
      provide: RequestLogger,
      inject: [PARAMS_PROVIDER_TOKEN],
      useFactory: ({ pinoHttp: params }: Params) => {
        const middleware = Array.isArray(params)
          ? pinoHttp(params[0], params[1])
          : pinoHttp(params as Options);
        // As nestjs-pino's LoggerModule does: the root logger is the request logger's.
        (PinoLogger as unknown as { root: Pino }).root = middleware.logger;
        return new RequestLogger(middleware);
      },
    },
    PinoLogger,
    Logger,
  ],
  exports: [Logger, PinoLogger, RequestLogger],
})
export class LoggingModule {}

type RawRequest = IncomingMessage & { id?: string; query?: unknown; log?: Pino };

/**
 * Fastify onRequest hook: pino-http's line for the request (what @fastify/middie handed it before:
 * the raw request with Fastify's id and parsed query). No AsyncLocalStorage context is opened: on
 * Node 20 one store run turns on promise hooks for every promise of the process, which cost more
 * CPU per request than the rest of this hook (bench:api-compare). What a request logs about
 * itself (the problem filter's 500s) takes the request's logger from `requestLog`.
 */
export function requestLogging({ middleware }: RequestLogger) {
  return (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const raw = req.raw as RawRequest;
    raw.id = req.id;
    raw.query = req.query;
    middleware(raw, reply.raw);
    done();
  };
}

/** The request's own logger (its line carries the request), set by requestLogging. */
export const requestLog = (req: { raw?: IncomingMessage }): Pino | undefined =>
  (req.raw as RawRequest | undefined)?.log;
