import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import {
  AppError,
  badRequest,
  conflict,
  FieldError,
  notFound,
  unprocessable,
} from '../common/errors/app-error';
import { ageOn, isCalendarDate, isMinorOn, MAX_AGE, MIN_AGE } from '../common/age';
import { GuardianConsent } from './guardian-consent.entity';
import { ParticipationHooks } from './participation-hooks';
import { MeDto, ProfileDto, ProfileViewDto } from './dto/profile.dto';
import { GuardianConsentService } from './guardian-consent.service';
import { Profile } from './profile.entity';
import { User } from './user.entity';
import { userView } from './user-view';
import { isTimeZone } from '../common/time-zones';
import { Transactions } from '../database/transactions';
import { MineRow, profileAndConsent } from './identity.store';
import { admitCaller } from './session-sql';
import type { SessionCheck } from '../common/auth/session-check';
import { type TableCache, TableChanges } from '../database/table-changes';

/**
 * Every table GET /me's statement reads (test/me-cache.e2e-spec.ts holds it to the plan), each
 * only for the caller: a change to one of them (a logout, a profile saved, a new consent) drops
 * the kept reads of the accounts it names. The test fails if the statement reads one otherwise.
 */
const MINE_TABLES = ['users', 'auth_sessions', 'profiles', 'guardian_consents'] as const;
/** Reads kept at once: ~1 kB each as objects, at most ~4 MB (the API's RSS has little margin). */
const MINE_KEPT = 4_000;

/** GET /me's read: the profile's columns (null without one) beside the latest consent's. */
function dateOfBirthErrors(dateOfBirth: string, now: Date): FieldError[] {
  if (!isCalendarDate(dateOfBirth))
    return [{ path: 'dateOfBirth', message: 'dateOfBirth must be a real calendar date' }];
  if (new Date(`${dateOfBirth}T00:00:00Z`) > now)
    return [{ path: 'dateOfBirth', message: 'dateOfBirth cannot be in the future' }];
  const age = ageOn(dateOfBirth, now);
  if (age < MIN_AGE || age > MAX_AGE)
    return [{ path: 'dateOfBirth', message: `age must be between ${MIN_AGE} and ${MAX_AGE}` }];
  return [];
}

const invalid = (errors: FieldError[]) =>
  new AppError(
    400,
    'VALIDATION_FAILED',
    errors.map((e) => `${e.path}: ${e.message}`).join('; '),
    errors,
  );

function checkProfile(dto: ProfileDto, now: Date): FieldError[] {
  const errors: FieldError[] = dateOfBirthErrors(dto.dateOfBirth, now);
  const codes = dto.languages.map((l) => l.code);
  if (dto.languages.length === 0)
    errors.push({ path: 'languages', message: 'list at least one language' });
  if (new Set(codes).size !== codes.length)
    errors.push({ path: 'languages', message: 'each language once' });
  if (dto.timezone && !isTimeZone(dto.timezone)) {
    errors.push({
      path: 'timezone',
      message: 'timezone must be an IANA time zone such as Asia/Seoul',
    });
  }
  return errors;
}

@Injectable()
export class ProfileService {
  /**
   * GET /me's read of a caller's profile and latest consent, by user id, as the statement returned
   * it: nothing computed from now is kept (age and consent state are worked out per request), so
   * nothing in it expires and a birthday or a consent's expiry shows at once.
   */
  readonly mineCache: TableCache<MineRow>;

  constructor(
    private readonly tx: Transactions,
    private readonly consents: GuardianConsentService,
    private readonly hooks: ParticipationHooks,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
    changes: TableChanges,
  ) {
    this.mineCache = changes.cache<MineRow>('me', MINE_TABLES, MINE_KEPT, {
      tables: MINE_TABLES,
      callerOf: (userId) => userId,
    });
  }

  async me(userId: string, m: EntityManager = this.tx.manager): Promise<MeDto> {
    const user = await m.findOneByOrFail(User, { id: userId });
    const profile = await m.findOneBy(Profile, { userId });
    const now = this.clock.now();
    return {
      ...userView(user),
      profile: profile ? profileView(profile, now) : null,
      guardianConsent: await this.consents.view(m, userId, profile?.dateOfBirth ?? null),
    };
  }

  /** The account's language: emails and notifications follow it; no profile needed (staff). */
  async setLocale(userId: string, locale: string): Promise<MeDto> {
    await this.tx.manager.getRepository(User).update({ id: userId }, { locale });
    return this.me(userId);
  }

  /**
   * GET /me: the account part is the caller as the session check admits them (this request's own
   * statement, or the session cache, which a logout or a role change empties at once); profile
   * and consent beside it, read by that statement or kept from its last run for this caller.
   */
  async mine(check: SessionCheck): Promise<MeDto> {
    const now = this.clock.now();
    const known = check.known();
    if (known) {
      const kept = this.mineCache.get(known.id, now.getTime());
      if (kept !== undefined) return this.mineView(known, kept, now);
    }
    const ticket = this.mineCache.ticket();
    const { caller, row } = admitCaller(
      check,
      await profileAndConsent(this.tx.manager, check.claims),
    );
    this.mineCache.put(caller.id, ticket, row, now.getTime());
    return this.mineView(caller, row, now);
  }

  private mineView(caller: Principal, mine: MineRow, now: Date): MeDto {
    const profile = mine.hasProfile ? (mine as Profile) : null;
    const latest = mine.consentId ? (mine as GuardianConsent & MineRow) : null;
    // Field by field: an object rest and spread of the caller took a slow generic copy each time.
    return {
      id: caller.id,
      email: caller.email,
      displayName: caller.displayName,
      roles: caller.roles,
      locale: caller.locale,
      emailVerified: caller.emailVerified,
      profile: profile ? profileView(profile, now) : null,
      guardianConsent: this.consents.viewOf(latest, profile?.dateOfBirth ?? null, now),
    };
  }

  async put(userId: string, dto: ProfileDto): Promise<MeDto> {
    const now = this.clock.now();
    const errors = checkProfile(dto, now);
    if (errors.length > 0) throw invalid(errors);
    const minor = isMinorOn(dto.dateOfBirth, now);
    if (minor && !dto.guardian) {
      throw badRequest(
        'GUARDIAN_CONSENT_REQUIRED',
        'Participants under 18 must name a guardian (name and email)',
        [{ path: 'guardian', message: 'guardian is required under 18' }],
      );
    }
    if (minor && dto.guardian) await this.consents.limitEmails(userId, dto.guardian);
    return this.tx.run(async (m) => {
      const user = await m.findOneByOrFail(User, { id: userId });
      const current = await m.findOne(Profile, {
        where: { userId },
        lock: { mode: 'pessimistic_write' },
      });
      // Age decides guardian consent and who may be paired with whom: once set, only staff
      // change it (PUT /admin/users/{id}/date-of-birth, with a reason in the audit log).
      if (current && current.dateOfBirth !== dto.dateOfBirth) {
        throw conflict(
          'Your date of birth cannot be changed here once set; ask a coordinator or admin to correct it',
          'DATE_OF_BIRTH_LOCKED',
        );
      }
      if (minor && dto.guardian && dto.guardian.email === user.email) {
        throw badRequest('VALIDATION_FAILED', 'The guardian needs an email address of their own', [
          { path: 'guardian.email', message: 'must differ from your own email' },
        ]);
      }
      if (dto.locale && dto.locale !== user.locale)
        await m.update(User, { id: userId }, { locale: dto.locale });
      await m.upsert(
        Profile,
        {
          userId,
          country: dto.country,
          dateOfBirth: dto.dateOfBirth,
          gender: dto.gender ?? null,
          languages: dto.languages.map((l) => ({ code: l.code, level: l.level })),
          interests: dto.interests,
          institution: dto.institution || null,
          city: dto.city || null,
          bio: dto.bio ?? null,
          timezone: dto.timezone ?? null,
        },
        ['userId'],
      );
      if (minor && dto.guardian) {
        await this.consents.request(
          m,
          { ...user, locale: dto.locale ?? user.locale },
          dto.guardian,
        );
      }
      return this.me(userId, m);
    });
  }

  /**
   * Staff correct a birth date, with the reason in the audit log. Someone who becomes a minor
   * needs a guardian's consent again: the earlier consent is set aside and, when a guardian was
   * named before, they are asked afresh. Pen-pal matches no longer allowed end (hooks).
   */
  async changeDateOfBirth(
    actor: Principal,
    userId: string,
    dto: { dateOfBirth: string; reason: string },
  ): Promise<MeDto> {
    const now = this.clock.now();
    const errors = dateOfBirthErrors(dto.dateOfBirth, now);
    if (errors.length > 0) throw invalid(errors);
    return this.tx.run(async (m) => {
      const user = await m.findOneBy(User, { id: userId });
      if (!user) throw notFound('User');
      const profile = await m.findOne(Profile, {
        where: { userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!profile)
        throw unprocessable('PROFILE_REQUIRED', 'This person has no profile, so no date of birth');
      const before = profile.dateOfBirth;
      if (before === dto.dateOfBirth) return this.me(userId, m);
      await m.update(Profile, { userId }, { dateOfBirth: dto.dateOfBirth });
      if (!isMinorOn(before, now) && isMinorOn(dto.dateOfBirth, now)) {
        const latest = await this.consents.latest(m, userId);
        if (latest) {
          await m.update(GuardianConsent, { id: latest.id }, { supersededAt: now });
          await this.consents.request(m, user, {
            name: latest.guardianName,
            email: latest.guardianEmail,
          });
        }
      }
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'user.date_of_birth_changed',
        targetType: 'user',
        targetId: userId,
        details: { before, after: dto.dateOfBirth, reason: dto.reason },
      });
      await this.hooks.changed(m, { userId, actorId: actor.id, cause: 'date_of_birth_changed' });
      return this.me(userId, m);
    });
  }

  /** Sends the guardian a fresh link (the old one stops working). */
  async resendConsent(userId: string): Promise<MeDto> {
    await this.consents.limitEmails(userId, null, true);
    return this.tx.run(async (m) => {
      const user = await m.findOneByOrFail(User, { id: userId });
      const profile = await m.findOneBy(Profile, { userId });
      const latest = await this.consents.latest(m, userId);
      if (!profile || !isMinorOn(profile.dateOfBirth, this.clock.now()) || !latest) {
        throw badRequest('NO_CONSENT_PENDING', 'There is no guardian consent to ask for');
      }
      // After a withdrawal, this is how the participant asks their guardian again.
      if (latest.confirmedAt && !latest.withdrawnAt)
        throw badRequest('NO_CONSENT_PENDING', 'Your guardian has already confirmed');
      await this.consents.request(
        m,
        user,
        { name: latest.guardianName, email: latest.guardianEmail },
        true,
      );
      return this.me(userId, m);
    });
  }
}

export const profileView = (p: Profile, now: Date): ProfileViewDto => ({
  country: p.country,
  dateOfBirth: p.dateOfBirth,
  age: ageOn(p.dateOfBirth, now),
  gender: p.gender,
  languages: p.languages,
  interests: p.interests,
  institution: p.institution,
  city: p.city,
  bio: p.bio,
  timezone: p.timezone,
});
