import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestLog } from '../logging';
import { AppError, FieldError } from './app-error';
import type { ErrorCode } from './error-codes';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldError[];
}

/** The generic code of a status, when nothing more precise is known. */
export const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
};

/** Fastify's own errors (bad JSON, body too large) carry a code and a statusCode, not an HttpException. */
const FASTIFY_CODES: Partial<Record<string, ErrorCode>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

function titleFor(status: number): string {
  const name = HttpStatus[status];
  return name
    ? name
        .toLowerCase()
        .split('_')
        .map((w, i) => (i === 0 ? w[0].toUpperCase() + w.slice(1) : w))
        .join(' ')
    : 'Error';
}

export function toProblem(exception: unknown): {
  problem: Problem;
  headers?: Record<string, string>;
} {
  if (exception instanceof AppError) {
    return {
      problem: {
        type: `https://kenal.dev/problems/${exception.code.toLowerCase().replace(/_/g, '-')}`,
        title: titleFor(exception.status),
        status: exception.status,
        detail: exception.message,
        code: exception.code,
        ...(exception.errors ? { errors: exception.errors } : {}),
      },
      headers: exception.headers,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const detail =
      typeof response === 'string'
        ? response
        : Array.isArray((response as { message?: unknown }).message)
          ? ((response as { message: string[] }).message.join('; ') ?? exception.message)
          : String((response as { message?: unknown }).message ?? exception.message);
    // Nest turns Fastify's body-parser errors into plain HttpExceptions, dropping Fastify's code.
    const malformed = status === 400 && /content-type is set to 'application\/json'/.test(detail);
    const code = malformed
      ? 'MALFORMED_JSON'
      : (CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'ERROR'));
    return {
      problem: problem(status, code, status >= 500 ? 'Something went wrong on our side' : detail),
    };
  }
  const fastify = exception as { statusCode?: number; code?: string; message?: string };
  if (
    typeof fastify?.statusCode === 'number' &&
    fastify.statusCode >= 400 &&
    fastify.statusCode < 500
  ) {
    const code =
      (fastify.code ? FASTIFY_CODES[fastify.code] : undefined) ??
      CODE_BY_STATUS[fastify.statusCode] ??
      'BAD_REQUEST';
    return {
      problem: problem(fastify.statusCode, code, fastify.message ?? titleFor(fastify.statusCode)),
    };
  }
  return { problem: problem(500, 'INTERNAL', 'Something went wrong on our side') };
}

function problem(status: number, code: ErrorCode, detail: string): Problem {
  return {
    type: `https://kenal.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: titleFor(status),
    status,
    detail,
    code,
  };
}

/** Every error leaves as application/problem+json (RFC 9457); a 500 never carries a stack. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { problem: body, headers } = toProblem(exception);
    if (body.status >= 500) {
      const message =
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception);
      // The request's logger, so that the line names the request (no async context carries it).
      const log = requestLog(host.switchToHttp().getRequest<FastifyRequest>());
      if (log) log.error({ context: 'Errors' }, message);
      else this.logger.error(message);
    }
    for (const [name, value] of Object.entries(headers ?? {})) reply.header(name, value);
    reply
      .status(body.status)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(body);
  }
}
