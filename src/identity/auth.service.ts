import { Injectable } from '@nestjs/common';
import type { Principal } from '../common/auth/principal';
import { conflict, unauthenticated } from '../common/errors/app-error';
import { RateLimiter } from '../common/redis/rate-limiter';
import { AppConfig } from '../config/app-config';
import { AuthResponseDto, RegisterDto, LoginDto } from './dto/auth.dto';
import { hashPassword, verifyPassword } from './passwords';
import { SessionTokens } from './session-tokens.service';
import { User } from './user.entity';
import { EmailVerificationService } from './email-verification.service';
import { userView } from './user-view';
import { isUniqueViolation } from '../database/errors';
import { Transactions } from '../database/transactions';

export const LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60;

@Injectable()
export class AuthService {
  constructor(
    private readonly tx: Transactions,
    private readonly tokens: SessionTokens,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
    private readonly verification: EmailVerificationService,
  ) {}

  /** A new account starts unverified: the address gets a link that proves it. */
  async register(dto: RegisterDto): Promise<AuthResponseDto> {
    const passwordHash = await hashPassword(dto.password);
    try {
      return await this.tx.run(async (m) => {
        if (await m.existsBy(User, { email: dto.email })) throw emailTaken();
        const user = await m.save(
          User,
          m.create(User, {
            email: dto.email,
            displayName: dto.displayName,
            passwordHash,
            roles: ['applicant'],
            locale: dto.locale ?? 'en',
          }),
        );
        await this.verification.sendLink(m, user);
        return { user: userView(user), ...(await this.tokens.startSession(m, user.id)) };
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw emailTaken();
      throw err;
    }
  }

  /**
   * One answer for an unknown email and a wrong password, in about the same time. Attempts on one
   * email are counted from every address: past LOGIN_FAILURE_LIMIT in 15 minutes without a
   * success, even the right password gets 429 until the window ends.
   */
  async login(dto: LoginDto): Promise<AuthResponseDto> {
    const attempts = `login-account:${dto.email}`;
    await this.limiter.enforce(
      attempts,
      this.config.LOGIN_FAILURE_LIMIT,
      LOGIN_FAILURE_WINDOW_SECONDS,
      'ACCOUNT_RATE_LIMITED',
    );
    const user = await this.tx.manager.getRepository(User).findOneBy({ email: dto.email });
    const ok = await verifyPassword(user?.passwordHash ?? null, dto.password);
    if (!user || !ok) throw unauthenticated('The email or password is wrong');
    await this.limiter.reset(attempts);
    return this.tx.run(async (m) => ({
      user: userView(user),
      ...(await this.tokens.startSession(m, user.id)),
    }));
  }

  async refresh(refreshToken: string): Promise<AuthResponseDto> {
    const { userId, tokens } = await this.tokens.rotate(refreshToken);
    const user = await this.tx.manager.getRepository(User).findOneByOrFail({ id: userId });
    return { user: userView(user), ...tokens };
  }

  logout(principal: Principal, refreshToken?: string): Promise<void> {
    return this.tokens.logout(principal, refreshToken);
  }

  /** Sign out everywhere: every session of the caller ends (other devices, this one too). */
  logoutAll(principal: Principal): Promise<void> {
    return this.tx.run((m) => this.tokens.revokeAllSessions(m, principal.id, 'logout_all'));
  }
}

const emailTaken = () => conflict('An account with this email already exists', 'EMAIL_TAKEN');
