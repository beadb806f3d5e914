import { HttpStatus } from '@nestjs/common';

export interface FieldError {
  path: string;
  message: string;
}

/** A failure the client can act on: an HTTP status, a stable UPPER_SNAKE code and a sentence. */
export class AppError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: string,
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
export const unauthenticated = (message = 'Sign in to do this') =>
  new AppError(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', message);
export const conflict = (message: string, code = 'CONFLICT') =>
  new AppError(HttpStatus.CONFLICT, code, message);
export const badRequest = (code: string, message: string, errors?: FieldError[]) =>
  new AppError(HttpStatus.BAD_REQUEST, code, message, errors);
export const unprocessable = (code: string, message: string, errors?: FieldError[]) =>
  new AppError(HttpStatus.UNPROCESSABLE_ENTITY, code, message, errors);
/** A service the request needs (Redis, for queued work) does not answer: try again later. */
export const dependencyUnavailable = (what: string) =>
  new AppError(
    HttpStatus.SERVICE_UNAVAILABLE,
    'DEPENDENCY_UNAVAILABLE',
    `${what} is unavailable right now; try again shortly`,
    undefined,
    { 'Retry-After': '30' },
  );
