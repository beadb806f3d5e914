import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import type { Role } from './roles';
import type { Principal } from './principal';

export const IS_PUBLIC = 'kenal:public';
export const ROLES_KEY = 'kenal:roles';
export const VERIFIED_EMAIL = 'kenal:verified-email';
export const OPTIONAL_AUTH = 'kenal:optional-auth';

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
