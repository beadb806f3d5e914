import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { hashToken, newToken } from '../common/crypto/tokens';
import { badRequest } from '../common/errors/app-error';
import { AppConfig } from '../config/app-config';
import { OutboxService } from '../notifications/outbox.service';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from './passwords';
import { PasswordToken, PasswordTokenPurpose } from './password-token.entity';
import { SessionTokens } from './session-tokens.service';
import { User } from './user.entity';
import { tokenLink } from '../common/crypto/token-links';

const TTL_HOURS: Record<PasswordTokenPurpose, number> = { reset: 2, invite: 7 * 24 };

@Injectable()
export class PasswordService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly sessions: SessionTokens,
    private readonly audit: AuditService,
  ) {}

  /** Creates a single-use link; earlier unused links of the same user stop working. */
  async createLink(
    m: EntityManager,
    user: User,
    purpose: PasswordTokenPurpose,
  ): Promise<{ link: string; expiresAt: Date }> {
    const token = newToken();
    const expiresAt = new Date(Date.now() + TTL_HOURS[purpose] * 3600_000);
    await m.update(PasswordToken, { userId: user.id, usedAt: IsNull() }, { usedAt: new Date() });
    await m.insert(PasswordToken, {
      userId: user.id,
      purpose,
      tokenHash: hashToken(token),
      expiresAt,
    });
    return { link: tokenLink(this.config.PUBLIC_URL, 'passwordReset', token), expiresAt };
  }

  /** Always the same answer, whether the email has an account or not. */
  async requestReset(email: string): Promise<void> {
    await this.db.transaction(async (m) => {
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

  /** Sets the password from a link; every session of the account ends, as after any reset. */
  async setPassword(token: string, password: string): Promise<{ userId: string; email: string }> {
    const passwordHash = await hashPassword(password);
    return this.db.transaction(async (m) => {
      const row = await m.findOne(PasswordToken, {
        where: { tokenHash: hashToken(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row || row.usedAt || row.expiresAt.getTime() <= Date.now()) {
        throw badRequest(
          'TOKEN_INVALID',
          'This link has already been used or has expired; ask for a new one',
        );
      }
      await m.update(PasswordToken, { id: row.id }, { usedAt: new Date() });
      await m.update(User, { id: row.userId }, { passwordHash });
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
}
