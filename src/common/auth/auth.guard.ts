import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from './roles';
import { admit, noCaller } from './admit';
import {
  IS_PUBLIC,
  OPTIONAL_AUTH,
  ROLES_KEY,
  SESSION_IN_STATEMENT,
  VERIFIED_EMAIL,
} from './decorators';
import { Principal } from './principal';
import { SessionCheck } from './session-check';
import { SessionResolver } from './session-resolver';

/** What a route's decorators ask of its caller. */
interface RouteRule {
  /** The controller the rule was read for (a handler a base class shares is read per class). */
  controller: object;
  isPublic: boolean;
  optionalAuth: boolean;
  roles: Role[] | undefined;
  verifiedEmail: boolean;
  /** The route's own statement checks the session (@SessionInStatement). */
  sessionInStatement: boolean;
}

interface GuardedRequest {
  headers: Record<string, string | undefined>;
  principal?: Principal;
  sessionCheck?: SessionCheck;
}

/** Global guard: every route needs a valid bearer token unless marked @Public(), then @Roles(). */
@Injectable()
export class AuthGuard implements CanActivate {
  /**
   * Per handler: decorators are fixed once the app is built, and four reflector look-ups (each
   * through reflect-metadata's maps, for the handler then its class) were redone on every request.
   */
  private readonly rules = new WeakMap<object, RouteRule>();

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionResolver,
  ) {}

  private ruleOf(ctx: ExecutionContext): RouteRule {
    const handler = ctx.getHandler();
    const controller = ctx.getClass();
    let rule = this.rules.get(handler);
    if (rule?.controller !== controller) {
      const targets = [handler, controller];
      rule = {
        controller,
        isPublic: this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true,
        optionalAuth: this.reflector.getAllAndOverride<boolean>(OPTIONAL_AUTH, targets) === true,
        roles: this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets),
        verifiedEmail: this.reflector.getAllAndOverride<boolean>(VERIFIED_EMAIL, targets) === true,
        sessionInStatement:
          this.reflector.getAllAndOverride<boolean>(SESSION_IN_STATEMENT, targets) === true,
      };
      this.rules.set(handler, rule);
    }
    return rule;
  }

  /**
   * Synchronous where the decision needs no database (public routes, @SessionInStatement): Nest
   * awaits only a guard's promise, and an async guard cost every request its promise and the
   * guards consumer's extra await.
   */
  canActivate(ctx: ExecutionContext): boolean | Promise<boolean> {
    const rule = this.ruleOf(ctx);
    if (rule.isPublic && !rule.optionalAuth) return true;
    const request = ctx.switchToHttp().getRequest<GuardedRequest>();
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (rule.sessionInStatement && !rule.isPublic) {
      const claims = token ? this.sessions.claims(token) : null;
      if (!claims) throw noCaller(Boolean(token));
      request.sessionCheck = new SessionCheck(claims, rule, request, this.sessions);
      return true;
    }
    return this.resolveCaller(request, rule, token);
  }

  private async resolveCaller(
    request: GuardedRequest,
    rule: RouteRule,
    token: string | undefined,
  ): Promise<boolean> {
    const principal = token ? await this.sessions.resolve(token) : null;
    if (principal) request.principal = principal;

    if (rule.isPublic) return true;
    admit(principal, rule, Boolean(token));
    return true;
  }
}
