import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { JwtService } from '@nestjs/jwt';
import { EntityManager, IsNull, LessThan, Not } from 'typeorm';
import { Principal } from '../common/auth/principal';
import { SessionResolver } from '../common/auth/session-resolver';
import type { SessionAccount, SessionClaims } from '../common/auth/session-check';
import { CheckedAccessTokens, jwtKey } from '../common/crypto/access-jwt';
import { hashToken, newToken, openWithToken, sealWithToken } from '../common/crypto/tokens';
import { unauthenticated } from '../common/errors/app-error';
import { AppConfig } from '../config/app-config';
import { AuthSession } from './auth-session.entity';
import { RefreshToken } from './refresh-token.entity';
import { TableChanges, type TableCache } from '../database/table-changes';
import { Transactions } from '../database/transactions';
import { sessionPrincipal } from './identity.store';
import { LIVE_CALLER_TABLES } from './session-sql';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

interface AccessClaims {
  sub: string;
  sid: string;
}

/** The session an access token names, or null when its claims do not name one. */
const sessionClaims = ({
  sub,
  sid,
}: Partial<Record<keyof AccessClaims, unknown>>): SessionClaims | null =>
  typeof sub === 'string' && typeof sid === 'string' ? { userId: sub, sessionId: sid } : null;

/** Live sessions this process knows, by session id: ~300 bytes each. */
const KNOWN_SESSIONS = 20_000;

/** A session known live, with the account behind it. */
interface KnownSession {
  userId: string;
  account: SessionAccount;
}

/**
 * Access tokens are short JWTs naming the user and the session; every request checks both, so
 * logout, a revoked family, a deleted account and a role change take effect at once: against
 * the database, or against this process's memory of live sessions (`sessions`), which every
 * change to a session or an account drops (TableChanges: PostgreSQL notifies it at commit, and a
 * request that writes answers only once its own commits were heard).
 * Refresh tokens are opaque "<row id>.<secret>" strings, stored hashed, rotated on every use.
 */
@Injectable()
export class SessionTokens extends SessionResolver {
  /** Checks access tokens (signing stays with JwtService, which holds its own key object). */
  private readonly accessTokens: CheckedAccessTokens<SessionClaims>;

  /** Read by liveCaller: EXPLAIN of its statement shows these relations (table-changes e2e). */
  private readonly sessions: TableCache<KnownSession>;

  constructor(
    private readonly tx: Transactions,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    changes: TableChanges,
  ) {
    super();
    this.accessTokens = new CheckedAccessTokens(jwtKey(config.JWT_SECRET), sessionClaims);
    this.sessions = changes.cache('sessions', LIVE_CALLER_TABLES, KNOWN_SESSIONS, {
      tables: LIVE_CALLER_TABLES,
      callerOf: (_, session) => session.userId,
    });
  }

  async startSession(m: EntityManager, userId: string): Promise<TokenPair> {
    const session = await m.save(AuthSession, m.create(AuthSession, { userId }));
    return this.issue(m, userId, session.id);
  }

  private async issue(m: EntityManager, userId: string, sessionId: string): Promise<TokenPair> {
    const secret = newToken();
    const expiresAt = new Date(
      this.clock.now().getTime() + this.config.REFRESH_TOKEN_TTL_DAYS * 86400_000,
    );
    const row = await m.save(
      RefreshToken,
      m.create(RefreshToken, { sessionId, tokenHash: hashToken(secret), expiresAt }),
    );
    const claims: AccessClaims = { sub: userId, sid: sessionId };
    return {
      accessToken: await this.jwt.signAsync(claims, {
        expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      }),
      refreshToken: `${row.id}.${secret}`,
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
    };
  }

  /**
   * Rotates a refresh token. Presenting one that was already rotated revokes its whole session,
   * except within REFRESH_REUSE_GRACE_SECONDS of its rotation (two tabs refreshing at once): then
   * it answers the same pair as the first time, unsealed with the presented token's secret.
   */
  async rotate(presented: string): Promise<{ userId: string; tokens: TokenPair }> {
    const [id, secret] = presented.split('.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id))
      throw unauthenticated('The refresh token is invalid');
    const graceMs = this.config.REFRESH_REUSE_GRACE_SECONDS * 1000;
    const outcome = await this.tx.run(async (m) => {
      const token = await m.findOne(RefreshToken, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!token || token.tokenHash !== hashToken(secret)) return { error: 'invalid' as const };
      const session = await m.findOneBy(AuthSession, { id: token.sessionId });
      if (!session || session.revokedAt) return { error: 'invalid' as const };
      if (token.usedAt) {
        const again =
          token.successorSealed && this.clock.now().getTime() - token.usedAt.getTime() < graceMs
            ? openWithToken(secret, token.successorSealed)
            : null;
        if (again) return { userId: session.userId, tokens: JSON.parse(again) as TokenPair };
        await m.update(
          AuthSession,
          { id: session.id },
          { revokedAt: this.clock.now(), revokedReason: 'refresh_token_reuse' },
        );
        await m.update(RefreshToken, { sessionId: session.id }, { successorSealed: null });
        return { error: 'reuse' as const };
      }
      if (token.expiresAt.getTime() <= this.clock.now().getTime())
        return { error: 'invalid' as const };
      const now = this.clock.now();
      const tokens = await this.issue(m, session.userId, session.id);
      await m.update(
        RefreshToken,
        { id: token.id },
        {
          usedAt: now,
          successorSealed: graceMs > 0 ? sealWithToken(secret, JSON.stringify(tokens)) : null,
        },
      );
      // Sealed pairs past their grace are of no more use: keep none longer than needed.
      await m.update(
        RefreshToken,
        {
          sessionId: session.id,
          successorSealed: Not(IsNull()),
          usedAt: LessThan(new Date(now.getTime() - graceMs)),
        },
        { successorSealed: null },
      );
      return { userId: session.userId, tokens };
    });
    if ('error' in outcome) {
      throw unauthenticated(
        outcome.error === 'reuse'
          ? 'This refresh token was already used; the session has been ended for safety'
          : 'The refresh token is invalid or expired',
      );
    }
    return outcome as { userId: string; tokens: TokenPair };
  }

  /** Ends the session of the refresh token if given (and the caller's), else the caller's current one. */
  async logout(principal: Principal, refreshToken?: string): Promise<void> {
    let sessionId = principal.sessionId;
    if (refreshToken) {
      const token = await this.tx.manager
        .getRepository(RefreshToken)
        .findOneBy({ id: refreshToken.split('.')[0] ?? '' })
        .catch(() => null);
      const session = token
        ? await this.tx.manager.getRepository(AuthSession).findOneBy({ id: token.sessionId })
        : null;
      if (session && session.userId === principal.id) sessionId = session.id;
    }
    await this.tx.manager
      .getRepository(AuthSession)
      .update(
        { id: sessionId, revokedAt: IsNull() },
        { revokedAt: this.clock.now(), revokedReason: 'logout' },
      );
  }

  async revokeAllSessions(m: EntityManager, userId: string, reason: string): Promise<void> {
    await m.update(
      AuthSession,
      { userId, revokedAt: IsNull() },
      { revokedAt: this.clock.now(), revokedReason: reason },
    );
  }

  claims(accessToken: string): SessionClaims | null {
    return this.accessTokens.claims(accessToken);
  }

  async resolve(accessToken: string): Promise<Principal | null> {
    const claims = this.claims(accessToken);
    if (!claims) return null;
    let user = this.known(claims);
    if (!user) {
      const ticket = this.ticket();
      user = await sessionPrincipal(this.tx.manager, claims.userId, claims.sessionId);
      if (user) this.keep(claims, ticket, user);
    }
    return user ? { ...user, sessionId: claims.sessionId } : null;
  }

  known(claims: SessionClaims): SessionAccount | undefined {
    // Time plays no part in a session's life here (the token's own expiry is checked per request).
    const hit = this.sessions.get(claims.sessionId, 0);
    return hit?.userId === claims.userId ? hit.account : undefined;
  }

  ticket(): number {
    return this.sessions.ticket();
  }

  keep(claims: SessionClaims, ticket: number, account: SessionAccount): void {
    this.sessions.put(claims.sessionId, ticket, { userId: claims.userId, account }, 0);
  }
}
