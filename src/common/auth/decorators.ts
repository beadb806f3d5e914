import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import type { Role } from './roles';
import type { Principal } from './principal';
import type { SessionCheck } from './session-check';

export const IS_PUBLIC = 'kenal:public';
export const ROLES_KEY = 'kenal:roles';
export const VERIFIED_EMAIL = 'kenal:verified-email';
export const OPTIONAL_AUTH = 'kenal:optional-auth';
export const SESSION_IN_STATEMENT = 'kenal:session-in-statement';

/**
 * The route answers without a token. A bearer sent anyway is not even checked (a database round
 * trip saved per request); a route that reads its caller is @OptionalAuth() instead.
 */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * The route answers without a token, and answers more to a signed-in caller (e.g. staff):
 * @CurrentUser() is the caller, or undefined.
 */
export const OptionalAuth = () =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), SetMetadata(OPTIONAL_AUTH, true));

/** The caller needs at least one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * The caller must have proved their email address (enrolling, team actions, submissions): an
 * address squatted at sign-up cannot take part in anyone's name. 403 EMAIL_UNVERIFIED otherwise
 * (the OpenAPI document reads the marker, as it does @Roles).
 */
export const VerifiedEmail = () => SetMetadata(VERIFIED_EMAIL, true);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ principal: Principal }>().principal;
});

/**
 * The route checks its caller's session inside its own statement (issue 14: one round trip, not
 * two): the guard only verifies the token, and the handler gets @CallerCheck() instead of
 * @CurrentUser(), whose admit() it must call with what the statement read before using any of it.
 * Pipes run between the guard and the handler: a well-signed token of an ended session with a
 * malformed path id gets the pipe's 400 (INVALID_ID), not 401; it learns nothing by that.
 */
export const SessionInStatement = () => SetMetadata(SESSION_IN_STATEMENT, true);

export const CallerCheck = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): SessionCheck => {
    return ctx.switchToHttp().getRequest<{ sessionCheck: SessionCheck }>().sessionCheck;
  },
);
