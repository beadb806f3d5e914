import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, badRequest, FieldError } from '../common/errors/app-error';
import { ageOn, isCalendarDate, MAX_AGE, MIN_AGE } from './age';
import { ProfileDto } from './dto/profile.dto';
import { ConsentView, GuardianConsentService } from './guardian-consent.service';
import { Profile } from './profile.entity';
import { User } from './user.entity';
import { userView, UserView } from './user-view';
import { isTimeZone } from '../common/time-zones';

export interface ProfileView {
  country: string;
  dateOfBirth: string;
  age: number;
  gender: string | null;
  languages: Profile['languages'];
  interests: string[];
  institution: string | null;
  city: string | null;
  bio: string | null;
  timezone: string | null;
}

export type MeView = UserView & { profile: ProfileView | null; guardianConsent: ConsentView };

function checkProfile(dto: ProfileDto, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  if (!isCalendarDate(dto.dateOfBirth)) {
    errors.push({ path: 'dateOfBirth', message: 'dateOfBirth must be a real calendar date' });
  } else if (new Date(`${dto.dateOfBirth}T00:00:00Z`) > now) {
    errors.push({ path: 'dateOfBirth', message: 'dateOfBirth cannot be in the future' });
  } else {
    const age = ageOn(dto.dateOfBirth, now);
    if (age < MIN_AGE || age > MAX_AGE) {
      errors.push({
        path: 'dateOfBirth',
        message: `age must be between ${MIN_AGE} and ${MAX_AGE}`,
      });
    }
  }
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
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly consents: GuardianConsentService,
  ) {}

  async me(userId: string, m: EntityManager = this.db.manager): Promise<MeView> {
    const user = await m.findOneByOrFail(User, { id: userId });
    const profile = await m.findOneBy(Profile, { userId });
    const now = new Date();
    return {
      ...userView(user),
      profile: profile ? profileView(profile, now) : null,
      guardianConsent: await this.consents.view(m, userId, profile?.dateOfBirth ?? null),
    };
  }

  async put(userId: string, dto: ProfileDto): Promise<MeView> {
    const now = new Date();
    const errors = checkProfile(dto, now);
    if (errors.length > 0) {
      throw new AppError(
        400,
        'VALIDATION_FAILED',
        errors.map((e) => `${e.path}: ${e.message}`).join('; '),
        errors,
      );
    }
    const minor = ageOn(dto.dateOfBirth, now) < 18;
    if (minor && !dto.guardian) {
      throw badRequest(
        'GUARDIAN_CONSENT_REQUIRED',
        'Participants under 18 must name a guardian (name and email)',
        [{ path: 'guardian', message: 'guardian is required under 18' }],
      );
    }
    if (minor && dto.guardian) await this.consents.limitEmails(userId, dto.guardian);
    return this.db.transaction(async (m) => {
      const user = await m.findOneByOrFail(User, { id: userId });
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

  /** Sends the guardian a fresh link (the old one stops working). */
  async resendConsent(userId: string): Promise<MeView> {
    await this.consents.limitEmails(userId, null, true);
    return this.db.transaction(async (m) => {
      const user = await m.findOneByOrFail(User, { id: userId });
      const profile = await m.findOneBy(Profile, { userId });
      const latest = await this.consents.latest(m, userId);
      if (!profile || ageOn(profile.dateOfBirth, new Date()) >= 18 || !latest) {
        throw badRequest('NO_CONSENT_PENDING', 'There is no guardian consent to ask for');
      }
      if (latest.confirmedAt)
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

export const profileView = (p: Profile, now: Date): ProfileView => ({
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
