import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { hashToken, newToken } from '../common/crypto/tokens';
import { badRequest, unprocessable } from '../common/errors/app-error';
import { AppConfig } from '../config/app-config';
import { OutboxService } from '../notifications/outbox.service';
import { ConsentStatus, consentStatus, mayParticipate } from './consent';
import { GuardianConsent } from './guardian-consent.entity';
import { Profile } from './profile.entity';
import { User } from './user.entity';

const CONSENT_TTL_DAYS = 14;

export interface ConsentView {
  status: ConsentStatus;
  guardianName?: string;
  guardianEmail?: string;
  requestedAt?: Date;
  expiresAt?: Date;
  confirmedAt?: Date;
}

@Injectable()
export class GuardianConsentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly outbox: OutboxService,
  ) {}

  latest(m: EntityManager, userId: string): Promise<GuardianConsent | null> {
    return m.findOne(GuardianConsent, {
      where: { userId, supersededAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
  }

  async view(m: EntityManager, userId: string, dateOfBirth: string | null): Promise<ConsentView> {
    const latest = await this.latest(m, userId);
    const status = consentStatus({ dateOfBirth, latest }, new Date());
    if (status === 'not_required' || !latest) return { status };
    return {
      status,
      guardianName: latest.guardianName,
      guardianEmail: latest.guardianEmail,
      requestedAt: latest.createdAt,
      expiresAt: latest.expiresAt,
      ...(latest.confirmedAt ? { confirmedAt: latest.confirmedAt } : {}),
    };
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
    const sameGuardian =
      latest && latest.guardianEmail === guardian.email && latest.guardianName === guardian.name;
    if (sameGuardian && latest.confirmedAt) return;
    if (sameGuardian && !force && latest.expiresAt.getTime() > Date.now()) return;
    if (latest) await m.update(GuardianConsent, { id: latest.id }, { supersededAt: new Date() });
    const token = newToken();
    const expiresAt = new Date(Date.now() + CONSENT_TTL_DAYS * 86400_000);
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
          link: `${this.config.PUBLIC_URL}/consent/${token}?lang=${user.locale}`,
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
  }

  /** What the consent page shows, without using the token up; null when it no longer works. */
  async describe(token: string): Promise<{ participantName: string; guardianName: string } | null> {
    const row = await this.db
      .getRepository(GuardianConsent)
      .findOneBy({ tokenHash: hashToken(token) });
    if (!row || row.supersededAt || row.confirmedAt || row.expiresAt.getTime() <= Date.now())
      return null;
    const user = await this.db.getRepository(User).findOneByOrFail({ id: row.userId });
    return { participantName: user.displayName, guardianName: row.guardianName };
  }

  async confirm(
    token: string,
  ): Promise<{ status: 'confirmed'; participantName: string; confirmedAt: Date }> {
    return this.db.transaction(async (m) => {
      const row = await m.findOne(GuardianConsent, {
        where: { tokenHash: hashToken(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row || row.supersededAt || row.confirmedAt || row.expiresAt.getTime() <= Date.now()) {
        throw badRequest(
          'TOKEN_INVALID',
          'This consent link has already been used, was replaced, or has expired',
        );
      }
      const confirmedAt = new Date();
      await m.update(GuardianConsent, { id: row.id }, { confirmedAt });
      const user = await m.findOneByOrFail(User, { id: row.userId });
      await this.outbox.enqueue(m, {
        type: 'guardian.consent_confirmed',
        recipient: { userId: user.id, email: user.email, locale: user.locale },
        payload: { guardianName: row.guardianName, participantName: user.displayName },
      });
      return { status: 'confirmed' as const, participantName: user.displayName, confirmedAt };
    });
  }

  /**
   * The one check later features use before matching or accepting a submission from someone:
   * a profile, and for a minor a guardian's confirmed consent.
   */
  async assertMayParticipate(userId: string, m: EntityManager = this.db.manager): Promise<void> {
    const profile = await m.findOneBy(Profile, { userId });
    if (!profile)
      throw unprocessable('PROFILE_REQUIRED', 'Complete your profile first (PUT /me/profile)');
    const latest = await this.latest(m, userId);
    const status = consentStatus({ dateOfBirth: profile.dateOfBirth, latest }, new Date());
    if (!mayParticipate(status)) {
      throw unprocessable(
        'GUARDIAN_CONSENT_REQUIRED',
        status === 'pending'
          ? 'Your guardian has not confirmed yet: ask them to open the link we emailed'
          : 'Participants under 18 need a guardian who confirms their consent',
      );
    }
  }
}
