import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from './roles';
import { emailUnverified, forbidden, unauthenticated } from '../errors/app-error';
import { IS_PUBLIC, OPTIONAL_AUTH, ROLES_KEY, VERIFIED_EMAIL } from './decorators';
import { Principal } from './principal';
import { SessionResolver } from './session-resolver';

/** Global guard: every route needs a valid bearer token unless marked @Public(), then @Roles(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionResolver,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    const request = ctx
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    if (isPublic && !this.reflector.getAllAndOverride<boolean>(OPTIONAL_AUTH, targets)) return true;
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const principal = token ? await this.sessions.resolve(token) : null;
    if (principal) request.principal = principal;

    if (isPublic) return true;
    if (!principal)
      throw unauthenticated(token ? 'The access token is invalid or expired' : undefined);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.some((r) => principal.roles.includes(r))) {
      throw forbidden(`This needs one of the roles: ${roles.join(', ')}`);
    }
    if (
      !principal.emailVerified &&
      this.reflector.getAllAndOverride<boolean>(VERIFIED_EMAIL, targets)
    ) {
      throw emailUnverified();
    }
    return true;
  }
}
