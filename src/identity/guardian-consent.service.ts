import type { GuardianConsentViewDto } from './dto/profile.dto';
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { EntityManager, IsNull } from 'typeorm';
import { hashToken, newToken } from '../common/crypto/tokens';
import { badRequest, tooManyEmails, unprocessable } from '../common/errors/app-error';
import { RateLimiter } from '../common/redis/rate-limiter';
import { AppConfig } from '../config/app-config';
import { OutboxService } from '../notifications/outbox.service';
import { consentStatus, mayParticipate, needsConsentEmail } from './consent';
import { ParticipantState, participantStates } from './participant-state-rows';
import { GuardianConsent } from './guardian-consent.entity';
import { ParticipationHooks } from './participation-hooks';
import { Profile } from './profile.entity';
import { User } from './user.entity';
import { tokenLink } from '../common/crypto/token-links';
import { Transactions } from '../database/transactions';

const CONSENT_TTL_DAYS = 14;

export type { ParticipantState } from './participant-state-rows';

const tokenInvalid = () =>
  badRequest(
    'TOKEN_INVALID',
    'This consent link has already been used, was replaced, or has expired',
  );

@Injectable()
export class GuardianConsentService {
  constructor(
    private readonly tx: Transactions,
    private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly limiter: RateLimiter,
    private readonly hooks: ParticipationHooks,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  latest(m: EntityManager, userId: string): Promise<GuardianConsent | null> {
    return m.findOne(GuardianConsent, {
      where: { userId, supersededAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
  }

  async view(
    m: EntityManager,
    userId: string,
    dateOfBirth: string | null,
  ): Promise<GuardianConsentViewDto> {
    return this.viewOf(await this.latest(m, userId), dateOfBirth);
  }

  /** The consent state at `now` given the latest consent row (from latest()). */
  viewOf(
    latest: GuardianConsent | null,
    dateOfBirth: string | null,
    now: Date = this.clock.now(),
  ): GuardianConsentViewDto {
    const status = consentStatus({ dateOfBirth, latest }, now);
    if (status === 'not_required' || !latest) return { status };
    return {
      status,
      guardianName: latest.guardianName,
      guardianEmail: latest.guardianEmail,
      requestedAt: latest.createdAt,
      expiresAt: latest.expiresAt,
      ...(latest.confirmedAt ? { confirmedAt: latest.confirmedAt } : {}),
      ...(latest.withdrawnAt ? { withdrawnAt: latest.withdrawnAt } : {}),
    };
  }

  /** Birth date and consent of each person (one query), as consentStatus sees them at now. */
  states(
    m: EntityManager,
    userIds: readonly string[],
    now: Date = this.clock.now(),
  ): Promise<Map<string, ParticipantState>> {
    return participantStates(m, userIds, now);
  }

  /**
   * Asks the guardian (again) unless the same guardian already confirmed or has a live link.
   * A different guardian supersedes the earlier request, confirmed or not.
   */
  async request(
    m: EntityManager,
    user: User,
    guardian: { name: string; email: string },
    force = false,
  ): Promise<void> {
    const latest = await this.latest(m, user.id);
    if (!needsConsentEmail(latest, guardian, force, this.clock.now())) return;
    if (latest)
      await m.update(GuardianConsent, { id: latest.id }, { supersededAt: this.clock.now() });
    const token = newToken();
    const expiresAt = new Date(this.clock.now().getTime() + CONSENT_TTL_DAYS * 86400_000);
    await m.insert(GuardianConsent, {
      userId: user.id,
      guardianName: guardian.name,
      guardianEmail: guardian.email,
      tokenHash: hashToken(token),
      expiresAt,
    });
    await this.outbox.enqueue(m, [
      {
        type: 'guardian.consent_requested',
        recipient: { email: guardian.email, locale: user.locale },
        channels: ['email'],
        payload: {
          guardianName: guardian.name,
          participantName: user.displayName,
          // The web app's page, in the participant's language (the guardian often shares it).
          link: `${tokenLink(this.config.PUBLIC_URL, 'guardianConsent', token)}?lang=${user.locale}`,
          expiresAt: expiresAt.toISOString(),
        },
      },
      {
        type: 'guardian.consent_requested',
        recipient: { userId: user.id, email: user.email, locale: user.locale },
        channels: ['in_app'],
        payload: { guardianName: guardian.name, participantName: user.displayName },
      },
    ]);
    // A new guardian replaces a confirmed consent: until they confirm, pen pals made under the
    // old one end like after a withdrawal.
    if (latest && !latest.withdrawnAt && latest.confirmedAt) {
      await this.hooks.changed(m, { userId: user.id, actorId: null, cause: 'consent_replaced' });
    }
  }

  /**
   * Call before the transaction that asks a guardian: when it will send an email, counts it
   * against CONSENT_EMAILS_PER_DAY for the minor and for the guardian's address, and refuses
   * with 429 TOO_MANY_EMAILS (Retry-After) once either has had that many today. `guardian`
   * defaults to the one last asked (a resend).
   */
  async limitEmails(
    userId: string,
    guardian: { name: string; email: string } | null,
    force = false,
  ): Promise<void> {
    const latest = await this.latest(this.tx.manager, userId);
    const to = guardian ?? (latest && { name: latest.guardianName, email: latest.guardianEmail });
    if (!to || !needsConsentEmail(latest, to, force, this.clock.now())) return;
    const limit = this.config.CONSENT_EMAILS_PER_DAY;
    const outcome = await this.limiter.hitAll([
      { key: `consent:minor:${userId}`, limit, windowSeconds: 86400 },
      { key: `consent:to:${to.email.toLowerCase()}`, limit, windowSeconds: 86400 },
    ]);
    if (!outcome.allowed) {
      throw tooManyEmails(
        outcome.retryAfter,
        `We have already emailed this guardian ${limit} times today; try again in ${outcome.retryAfter} s`,
      );
    }
  }

  /** What the consent page shows, without using the token up; null when it no longer works. */
  async describe(token: string): Promise<{ participantName: string; guardianName: string } | null> {
    const row = await this.tx.manager
      .getRepository(GuardianConsent)
      .findOneBy({ tokenHash: hashToken(token) });
    if (
      !row ||
      row.supersededAt ||
      row.confirmedAt ||
      row.withdrawnAt ||
      row.expiresAt.getTime() <= this.clock.now().getTime()
    )
      return null;
    const user = await this.tx.manager.getRepository(User).findOneByOrFail({ id: row.userId });
    return { participantName: user.displayName, guardianName: row.guardianName };
  }

  async confirm(
    token: string,
  ): Promise<{ status: 'confirmed'; participantName: string; confirmedAt: Date }> {
    return this.tx.run(async (m) => {
      const row = await m.findOne(GuardianConsent, {
        where: { tokenHash: hashToken(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (
        !row ||
        row.supersededAt ||
        row.confirmedAt ||
        row.withdrawnAt ||
        row.expiresAt.getTime() <= this.clock.now().getTime()
      ) {
        throw tokenInvalid();
      }
      const confirmedAt = this.clock.now();
      await m.update(GuardianConsent, { id: row.id }, { confirmedAt });
      const user = await m.findOneByOrFail(User, { id: row.userId });
      await this.outbox.enqueue(m, [
        {
          type: 'guardian.consent_confirmed',
          recipient: { userId: user.id, email: user.email, locale: user.locale },
          payload: { guardianName: row.guardianName, participantName: user.displayName },
        },
        {
          // The guardian's receipt, with the link that takes the consent back at any time.
          type: 'guardian.consent_receipt',
          recipient: { email: row.guardianEmail, locale: user.locale },
          channels: ['email'],
          payload: {
            guardianName: row.guardianName,
            participantName: user.displayName,
            link: `${this.config.PUBLIC_URL}/api/v1/guardian-consents/${token}/withdraw`,
          },
        },
      ]);
      return { status: 'confirmed' as const, participantName: user.displayName, confirmedAt };
    });
  }

  /** What the withdrawal page shows; null when the link does not (or no longer) work. */
  async describeWithdrawal(
    token: string,
  ): Promise<{ participantName: string; guardianName: string; withdrawn: boolean } | null> {
    const row = await this.tx.manager
      .getRepository(GuardianConsent)
      .findOneBy({ tokenHash: hashToken(token) });
    if (!row || row.supersededAt) return null;
    const user = await this.tx.manager.getRepository(User).findOneByOrFail({ id: row.userId });
    return {
      participantName: user.displayName,
      guardianName: row.guardianName,
      withdrawn: row.withdrawnAt !== null,
    };
  }

  /**
   * The guardian takes consent back (or declines before confirming) with the link in their
   * receipt: the token works for this even after confirming and after it expired, until a newer
   * request replaces it. Withdrawing again answers 200 with the first withdrawal's time. The
   * participant's pen-pal enrolments are withdrawn and their matches end (ParticipationHooks);
   * their team's entry freezes until a guardian confirms again.
   */
  async withdraw(
    token: string,
  ): Promise<{ status: 'withdrawn'; participantName: string; withdrawnAt: Date }> {
    return this.tx.run(async (m) => {
      const row = await m.findOne(GuardianConsent, {
        where: { tokenHash: hashToken(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row || row.supersededAt) throw tokenInvalid();
      const user = await m.findOneByOrFail(User, { id: row.userId });
      if (row.withdrawnAt) {
        return {
          status: 'withdrawn' as const,
          participantName: user.displayName,
          withdrawnAt: row.withdrawnAt,
        };
      }
      const withdrawnAt = this.clock.now();
      await m.update(GuardianConsent, { id: row.id }, { withdrawnAt });
      await this.outbox.enqueue(m, {
        type: 'guardian.consent_withdrawn',
        recipient: { userId: user.id, email: user.email, locale: user.locale },
        payload: { guardianName: row.guardianName, participantName: user.displayName },
      });
      await this.hooks.changed(m, { userId: user.id, actorId: null, cause: 'consent_withdrawn' });
      return { status: 'withdrawn' as const, participantName: user.displayName, withdrawnAt };
    });
  }

  /**
   * The one check later features use before matching or accepting a submission from someone:
   * a profile, and for a minor a guardian's confirmed consent.
   */
  async assertMayParticipate(userId: string, m: EntityManager = this.tx.manager): Promise<void> {
    const profile = await m.findOneBy(Profile, { userId });
    if (!profile)
      throw unprocessable('PROFILE_REQUIRED', 'Complete your profile first (PUT /me/profile)');
    const latest = await this.latest(m, userId);
    const status = consentStatus({ dateOfBirth: profile.dateOfBirth, latest }, this.clock.now());
    if (!mayParticipate(status)) {
      throw unprocessable(
        'GUARDIAN_CONSENT_REQUIRED',
        status === 'pending'
          ? 'Your guardian has not confirmed yet: ask them to open the link we emailed'
          : status === 'withdrawn'
            ? 'Your guardian withdrew their consent: ask them again (POST /me/guardian-consent/resend)'
            : 'Participants under 18 need a guardian who confirms their consent',
      );
    }
  }
}
