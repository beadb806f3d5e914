import { HttpStatus } from '@nestjs/common';
import type { CodeFor } from './error-codes';

export interface FieldError {
  path: string;
  message: string;
}

/**
 * A failure the client can act on: an HTTP status, a stable UPPER_SNAKE code listed with that
 * status in error-codes.ts, and a sentence.
 */
export class AppError<St extends HttpStatus = HttpStatus> extends Error {
  constructor(
    readonly status: St,
    readonly code: CodeFor<St>,
    message: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) =>
  new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'You may not do this') =>
  new AppError(HttpStatus.FORBIDDEN, 'FORBIDDEN', message);
export const emailUnverified = (
  message = 'Confirm your email address first: open the link we emailed you (POST /auth/verify-email sends a new one)',
) => new AppError(HttpStatus.FORBIDDEN, 'EMAIL_UNVERIFIED', message);
/** 429 with Retry-After: a sender or a recipient has had as many emails as the window allows. */
export const tooManyEmails = (retryAfterSeconds: number, message: string) =>
  new AppError(HttpStatus.TOO_MANY_REQUESTS, 'TOO_MANY_EMAILS', message, undefined, {
    'Retry-After': String(retryAfterSeconds),
  });
export const unauthenticated = (message = 'Sign in to do this') =>
  new AppError(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', message);
export const conflict = (message: string, code: CodeFor<HttpStatus.CONFLICT> = 'CONFLICT') =>
  new AppError(HttpStatus.CONFLICT, code, message);
export const badRequest = (
  code: CodeFor<HttpStatus.BAD_REQUEST>,
  message: string,
  errors?: FieldError[],
) => new AppError(HttpStatus.BAD_REQUEST, code, message, errors);
export const unprocessable = (
  code: CodeFor<HttpStatus.UNPROCESSABLE_ENTITY>,
  message: string,
  errors?: FieldError[],
) => new AppError(HttpStatus.UNPROCESSABLE_ENTITY, code, message, errors);
/** A service the request needs (Redis, for queued work) does not answer: try again later. */
export const dependencyUnavailable = (what: string) =>
  new AppError(
    HttpStatus.SERVICE_UNAVAILABLE,
    'DEPENDENCY_UNAVAILABLE',
    `${what} is unavailable right now; try again shortly`,
    undefined,
    { 'Retry-After': '30' },
  );
