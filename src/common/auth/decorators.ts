import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import type { Role } from '../../identity/user.entity';
import type { Principal } from './principal';

export const IS_PUBLIC = 'kenal:public';
export const ROLES_KEY = 'kenal:roles';
export const VERIFIED_EMAIL = 'kenal:verified-email';

export const READS_CALLER = 'kenal:reads-caller';

/**
 * The route answers without a token. A bearer sent anyway is not even checked (a database round
 * trip saved per request) unless `readsCaller`: then @CurrentUser() is the caller, or undefined.
 */
export const Public = (opts: { readsCaller?: boolean } = {}) =>
  applyDecorators(
    SetMetadata(IS_PUBLIC, true),
    SetMetadata(READS_CALLER, opts.readsCaller === true),
  );

/** The caller needs at least one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * The caller must have proved their email address (enrolling, team actions, submissions): an
 * address squatted at sign-up cannot take part in anyone's name. 403 EMAIL_UNVERIFIED otherwise.
 */
export const VerifiedEmail = () =>
  applyDecorators(
    SetMetadata(VERIFIED_EMAIL, true),
    ApiForbiddenResponse({
      description: 'EMAIL_UNVERIFIED: the caller has not confirmed their email address yet',
    }),
  );

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
