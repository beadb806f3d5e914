import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES } from '../../common/auth/roles';
import { trim, trimLower } from '../../common/http/transforms';

export const LOCALES = ['en', 'ko', 'id', 'ms', 'th', 'vi', 'fil', 'km', 'lo', 'my', 'zh'] as const;

export class RegisterDto {
  @ApiProperty({ example: 'minji@example.kr' })
  @Transform(trimLower)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;

  @ApiProperty({ example: 'Kim Minji', maxLength: 80 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  displayName: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'en' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: string;
}

export class LoginDto {
  @ApiProperty()
  @Transform(trimLower)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  refreshToken: string;
}

export class LogoutDto {
  @ApiPropertyOptional({
    description: 'Ends the session of this token; without it, the session of the access token ends',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}

export class PasswordResetRequestDto {
  @ApiProperty()
  @Transform(trimLower)
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class SetPasswordDto {
  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: string[];
  @ApiProperty() locale: string;
  @ApiProperty({
    description:
      'Whether the owner proved the address with an emailed link; until then enrolling, team actions, submissions and staff roles answer 403 EMAIL_UNVERIFIED',
  })
  emailVerified: boolean;
}

export class AuthResponseDto {
  @ApiProperty({ type: UserDto }) user: UserDto;
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn: number;
}

export class VerifyEmailSentDto {
  @ApiProperty({ enum: ['sent'] }) status: 'sent';
  @ApiProperty({ format: 'date-time' }) expiresAt: Date;
}

export class DeleteAccountDto {
  @ApiProperty({ description: 'The current password, to confirm it is really the owner' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class AccountDeletedDto {
  @ApiProperty({ enum: ['deleted'] }) status: 'deleted';
}

export class ResetRequestedDto {
  @ApiProperty({ enum: ['accepted'] }) status: 'accepted';
}

export class PasswordSetDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() email: string;
}
