import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { COUNTRIES, INTEREST_TAGS, ISO_639_1, LANGUAGE_LEVELS } from '../../common/reference-data';
import { LOCALES } from './auth.dto';
import type { ConsentStatus } from '../consent';
import { trim, trimLower } from '../../common/http/transforms';

export const GENDERS = ['female', 'male', 'non_binary', 'prefer_not_to_say'] as const;

export class LanguageDto {
  @ApiProperty({ description: 'ISO 639-1 code', example: 'en' })
  @IsIn(ISO_639_1, { message: 'code must be an ISO 639-1 language code' })
  code: string;

  @ApiProperty({ enum: LANGUAGE_LEVELS })
  @IsIn(LANGUAGE_LEVELS)
  level: (typeof LANGUAGE_LEVELS)[number];
}

export class GuardianDto {
  @ApiProperty({ maxLength: 120 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name: string;

  @ApiProperty()
  @Transform(trimLower)
  @IsEmail()
  @MaxLength(254)
  email: string;
}

/** PUT /me/locale: the account's language, with or without a profile. */
export class LocaleDto {
  @ApiProperty({
    enum: LOCALES,
    description: 'Language of the web app, emails and in-app notifications',
    example: 'ko',
  })
  @IsIn(LOCALES)
  locale!: string;
}

export class ProfileDto {
  @ApiProperty({ enum: COUNTRIES, description: 'ISO 3166-1 alpha-2' })
  @IsIn(COUNTRIES)
  country: string;

  @ApiProperty({
    example: '2009-04-17',
    description: 'YYYY-MM-DD; not in the future, age 10 to 100',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dateOfBirth must be a date as YYYY-MM-DD' })
  dateOfBirth: string;

  @ApiPropertyOptional({ enum: GENDERS })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: string;

  @ApiProperty({ type: [LanguageDto], minItems: 1, maxItems: 10 })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => LanguageDto)
  languages: LanguageDto[];

  @ApiProperty({ description: 'Tags from GET /interests', type: [String], maxItems: 15 })
  @IsArray()
  @ArrayMaxSize(15)
  @ArrayUnique()
  @IsIn(INTEREST_TAGS, { each: true, message: 'each interest must be a tag from GET /interests' })
  interests: string[];

  @ApiPropertyOptional({ maxLength: 160 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(160)
  institution?: string;

  @ApiPropertyOptional({ maxLength: 120 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(120)
  city?: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  bio?: string;

  @ApiPropertyOptional({
    example: 'Asia/Seoul',
    description: 'IANA time zone used to show deadlines',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string;

  @ApiPropertyOptional({ description: 'Language of emails and notifications', example: 'ko' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: string;

  @ApiPropertyOptional({ type: GuardianDto, description: 'Required under 18' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GuardianDto)
  guardian?: GuardianDto;
}

export class GuardianConsentViewDto {
  @ApiProperty({
    enum: ['not_required', 'pending', 'confirmed', 'withdrawn', 'missing'],
    description:
      'withdrawn: the guardian took their consent back; the participant asks again with POST /me/guardian-consent/resend',
  })
  status: ConsentStatus;
  @ApiPropertyOptional() guardianName?: string;
  @ApiPropertyOptional() guardianEmail?: string;
  @ApiPropertyOptional({ format: 'date-time' }) requestedAt?: Date;
  @ApiPropertyOptional({ format: 'date-time', description: 'when the emailed link stops working' })
  expiresAt?: Date;
  @ApiPropertyOptional({ format: 'date-time' }) confirmedAt?: Date;
  @ApiPropertyOptional({ format: 'date-time' }) withdrawnAt?: Date;
}

export class ConsentWithdrawnDto {
  @ApiProperty({ enum: ['withdrawn'] }) status: 'withdrawn';
  @ApiProperty() participantName: string;
  @ApiProperty({ format: 'date-time' }) withdrawnAt: Date;
}

export class GuardianConsentDetailsDto {
  @ApiProperty({ description: 'The display name of the participant who asks' })
  participantName: string;
  @ApiProperty({ description: 'The guardian named by the participant' }) guardianName: string;
}

export class ProfileViewDto {
  @ApiProperty() country: string;
  @ApiProperty() dateOfBirth: string;
  @ApiProperty() age: number;
  @ApiProperty({ type: String, nullable: true }) gender: string | null;
  @ApiProperty({ type: [LanguageDto] }) languages: LanguageDto[];
  @ApiProperty({ type: [String] }) interests: string[];
  @ApiProperty({ type: String, nullable: true }) institution: string | null;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty({ type: String, nullable: true }) bio: string | null;
  @ApiProperty({ type: String, nullable: true }) timezone: string | null;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty() locale: string;
  @ApiProperty({ description: 'Whether the owner proved the address with an emailed link' })
  emailVerified: boolean;
  @ApiProperty({ type: ProfileViewDto, nullable: true }) profile: ProfileViewDto | null;
  @ApiProperty({ type: GuardianConsentViewDto }) guardianConsent: GuardianConsentViewDto;
}

export class InterestLabelDto {
  @ApiProperty() en: string;
  @ApiProperty() ko: string;
}

export class InterestTagDto {
  @ApiProperty({ example: 'k-pop' }) tag: string;
  @ApiProperty({ type: InterestLabelDto }) label: InterestLabelDto;
}

export class ConsentConfirmedDto {
  @ApiProperty({ enum: ['confirmed'] }) status: 'confirmed';
  @ApiProperty() participantName: string;
  @ApiProperty({ format: 'date-time' }) confirmedAt: Date;
}
