import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { conflict, tooManyEmails } from '../common/errors/app-error';
import { RateLimiter } from '../common/redis/rate-limiter';
import { AppConfig } from '../config/app-config';
import { OutboxService } from '../notifications/outbox.service';
import { PasswordService } from './password.service';
import { User } from './user.entity';
import { userView } from './user-view';
import type { UserDto } from './dto/auth.dto';
import { Transactions } from '../database/transactions';

const alreadyVerified = () =>
  conflict('Your email address is already confirmed', 'EMAIL_ALREADY_VERIFIED');

/**
 * Proves that a person owns the address they signed up with: a single-use emailed link (stored
 * hashed, like reset links). Until then enrolling, team actions, submissions and staff roles are
 * refused with 403 EMAIL_UNVERIFIED (see @VerifiedEmail and AdminUsersService).
 */
@Injectable()
export class EmailVerificationService {
  constructor(
    private readonly tx: Transactions,
    private readonly passwords: PasswordService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  /** Emails a fresh link with the caller's transaction (sign-up, a resend); older links stop working. */
  async sendLink(m: EntityManager, user: User): Promise<Date> {
    const { link, expiresAt } = await this.passwords.createLink(m, user, 'verify_email');
    await this.outbox.enqueue(m, {
      type: 'auth.verify_email',
      recipient: { userId: user.id, email: user.email, locale: user.locale },
      channels: ['email'],
      payload: { displayName: user.displayName, link, expiresAt: expiresAt.toISOString() },
    });
    return expiresAt;
  }

  /** A new link for the signed-in person, at most VERIFY_EMAILS_PER_HOUR an hour (429). */
  async resend(actor: Principal): Promise<{ status: 'sent'; expiresAt: Date }> {
    if (actor.emailVerified) throw alreadyVerified();
    const outcome = await this.limiter.hit(
      `verify-email:user:${actor.id}`,
      this.config.VERIFY_EMAILS_PER_HOUR,
      3600,
    );
    if (!outcome.allowed) {
      throw tooManyEmails(
        outcome.retryAfter,
        `We already sent several links this hour; try again in ${outcome.retryAfter} s`,
      );
    }
    return this.tx.run(async (m) => {
      const user = await m.findOneByOrFail(User, { id: actor.id });
      if (user.emailVerifiedAt) throw alreadyVerified();
      return { status: 'sent' as const, expiresAt: await this.sendLink(m, user) };
    });
  }

  /** Uses the emailed link: the address is verified. A used or expired link is 400 TOKEN_INVALID. */
  async verify(token: string): Promise<UserDto> {
    return this.tx.run(async (m) => {
      const row = await this.passwords.consume(m, token, ['verify_email']);
      await this.passwords.markVerified(m, row.userId);
      await this.audit.record(m, {
        actorId: row.userId,
        action: 'user.email_verified',
        targetType: 'user',
        targetId: row.userId,
      });
      return userView(await m.findOneByOrFail(User, { id: row.userId }));
    });
  }
}
