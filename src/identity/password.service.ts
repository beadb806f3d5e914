import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { EntityManager, In, IsNull } from 'typeorm';
import { hashToken, newToken } from '../common/crypto/tokens';
import { badRequest } from '../common/errors/app-error';
import { RateLimiter } from '../common/redis/rate-limiter';
import { AppConfig } from '../config/app-config';
import { OutboxService } from '../notifications/outbox.service';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from './passwords';
import { PasswordToken, PasswordTokenPurpose } from './password-token.entity';
import { SessionTokens } from './session-tokens.service';
import { User } from './user.entity';
import { tokenLink, TokenLinkKind } from '../common/crypto/token-links';
import { Transactions } from '../database/transactions';

/**
 * How long each kind of link works, the page it opens, and which earlier links of the same
 * account it replaces (a new reset link ends an older invite, not a pending email verification).
 */
const LINKS: Record<
  PasswordTokenPurpose,
  { ttlHours: number; link: TokenLinkKind; replaces: PasswordTokenPurpose[] }
> = {
  reset: { ttlHours: 2, link: 'passwordReset', replaces: ['reset', 'invite'] },
  // A new staff member's link opens the invitation page (who invited them, for which roles); the
  // reset route still takes its token.
  invite: { ttlHours: 7 * 24, link: 'staffInvitation', replaces: ['reset', 'invite'] },
  verify_email: { ttlHours: 7 * 24, link: 'verifyEmail', replaces: ['verify_email'] },
  staff_roles: { ttlHours: 7 * 24, link: 'staffInvitation', replaces: ['staff_roles'] },
};

/** The purposes whose link sets a password. */
const SETS_PASSWORD: PasswordTokenPurpose[] = ['reset', 'invite'];

const tokenInvalid = () =>
  badRequest('TOKEN_INVALID', 'This link has already been used or has expired; ask for a new one');

@Injectable()
export class PasswordService {
  constructor(
    private readonly tx: Transactions,
    private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly sessions: SessionTokens,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Creates a single-use link; earlier unused links of the same user and kind stop working.
   * `roles` are what a staff invitation grants; `createdBy` the admin who sent it.
   */
  async createLink(
    m: EntityManager,
    user: User,
    purpose: PasswordTokenPurpose,
    roles: string[] | null = null,
    createdBy: string | null = null,
  ): Promise<{ link: string; expiresAt: Date }> {
    const token = newToken();
    const { ttlHours, link, replaces } = LINKS[purpose];
    const expiresAt = new Date(this.clock.now().getTime() + ttlHours * 3600_000);
    await m.update(
      PasswordToken,
      { userId: user.id, usedAt: IsNull(), purpose: In(replaces) },
      { usedAt: this.clock.now() },
    );
    await m.insert(PasswordToken, {
      userId: user.id,
      purpose,
      tokenHash: hashToken(token),
      expiresAt,
      roles,
      createdBy,
    });
    return { link: tokenLink(this.config.PUBLIC_URL, link, token), expiresAt };
  }

  /**
   * Uses up a live link of one of the purposes, locked; TOKEN_INVALID when it is unknown, of
   * another kind, used, replaced or expired.
   */
  async consume(
    m: EntityManager,
    token: string,
    purposes: PasswordTokenPurpose[],
  ): Promise<PasswordToken> {
    const row = await m.findOne(PasswordToken, {
      where: { tokenHash: hashToken(token) },
      lock: { mode: 'pessimistic_write' },
    });
    if (
      !row ||
      !purposes.includes(row.purpose) ||
      row.usedAt ||
      row.expiresAt.getTime() <= this.clock.now().getTime()
    ) {
      throw tokenInvalid();
    }
    await m.update(PasswordToken, { id: row.id }, { usedAt: this.clock.now() });
    return row;
  }

  /**
   * Always the same answer, whether the email has an account or not. At most
   * PASSWORD_RESET_LIMIT requests per address per hour (counted for unknown addresses too, so the
   * 429 tells nothing), whichever client addresses they come from.
   */
  async requestReset(email: string): Promise<void> {
    await this.limiter.enforce(
      `password-reset-email:${email}`,
      this.config.PASSWORD_RESET_LIMIT,
      3600,
      'ACCOUNT_RATE_LIMITED',
    );
    await this.tx.run(async (m) => {
      const user = await m.findOneBy(User, { email });
      if (!user) return;
      const { link, expiresAt } = await this.createLink(m, user, 'reset');
      await this.outbox.enqueue(m, {
        type: 'auth.password_reset',
        recipient: { userId: user.id, email: user.email, locale: user.locale },
        channels: ['email'],
        payload: { displayName: user.displayName, link, expiresAt: expiresAt.toISOString() },
      });
    });
  }

  /**
   * Sets the password from a link; every session of the account ends, as after any reset. The
   * link reached the address by email, so the address is verified too (an admin's invitation
   * or a reset alike).
   */
  async setPassword(
    token: string,
    password: string,
    purposes: PasswordTokenPurpose[] = SETS_PASSWORD,
  ): Promise<{ userId: string; email: string }> {
    const passwordHash = await hashPassword(password);
    return this.tx.run(async (m) => {
      const row = await this.consume(m, token, purposes);
      await m.update(User, { id: row.userId }, { passwordHash });
      await this.markVerified(m, row.userId);
      await this.sessions.revokeAllSessions(m, row.userId, 'password_set');
      await this.audit.record(m, {
        actorId: row.userId,
        action: row.purpose === 'invite' ? 'user.password_set_from_invite' : 'user.password_reset',
        targetType: 'user',
        targetId: row.userId,
      });
      const user = await m.findOneByOrFail(User, { id: row.userId });
      return { userId: user.id, email: user.email };
    });
  }

  /** Records that the owner proved the address (once; a later proof keeps the first time). */
  async markVerified(m: EntityManager, userId: string): Promise<void> {
    await m.update(
      User,
      { id: userId, emailVerifiedAt: IsNull() },
      { emailVerifiedAt: this.clock.now() },
    );
  }
}
