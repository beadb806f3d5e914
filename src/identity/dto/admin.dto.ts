import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageMetaDto, PageQuery } from '../../common/http/pagination';
import { ROLES } from '../../common/auth/roles';
import { LOCALES, UserDto } from './auth.dto';
import { trim, trimLower } from '../../common/http/transforms';

export class CreateStaffDto {
  @ApiProperty()
  @Transform(trimLower)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ maxLength: 80 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  displayName: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: string[];

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: string;
}

export class SetRolesDto {
  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: string[];
}

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'An action (user.roles_changed), or its first part (user) for every user.* action',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() actorId?: string;

  @ApiPropertyOptional({ description: "Part of the actor's email address" })
  @Transform(trimLower)
  @IsOptional()
  @IsString()
  @MaxLength(254)
  actorEmail?: string;

  @ApiPropertyOptional({ example: 'user' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  targetType?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) targetId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Events at or after this time' })
  @IsOptional()
  @IsISO8601()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Events before this time' })
  @IsOptional()
  @IsISO8601()
  to?: string;
}

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: (typeof ROLES)[number];
  @ApiPropertyOptional({
    description: 'true: only accounts with a staff role (judge, coordinator, admin)',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => value === true || value === 'true')
  @IsBoolean()
  staff?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(254) email?: string;
}

export class StaffInvitationDto {
  @ApiProperty({ enum: ['invited'] }) status: 'invited';
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ enum: ROLES, isArray: true, description: 'the roles the owner gets on accepting' })
  roles: string[];
  @ApiProperty({ format: 'date-time' }) expiresAt: Date;
}

export class StaffInvitationPreviewDto {
  @ApiProperty({
    enum: ['new_account', 'existing_account'],
    description:
      'new_account: the owner chooses a password on accepting and is signed in; existing_account: the owner signs in, then accepts',
  })
  kind: 'new_account' | 'existing_account';
  @ApiProperty({ enum: ROLES, isArray: true }) roles: string[];
  @ApiProperty({ enum: ['pending', 'used', 'expired'] }) status: 'pending' | 'used' | 'expired';
  @ApiProperty({ format: 'date-time' }) expiresAt: Date;
  @ApiProperty({ description: 'The invited account' }) email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The name of the admin who sent it (null for links sent before this was kept)',
  })
  invitedBy: string | null;
}

export class AcceptStaffInvitationDto {
  @ApiPropertyOptional({
    minLength: 10,
    maxLength: 200,
    description: 'A new account (kind new_account) chooses its password here',
  })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password?: string;
}

export class OpenInvitationDto {
  @ApiProperty({ enum: ['pending', 'expired'] }) status: 'pending' | 'expired';
  @ApiProperty({ format: 'date-time' }) expiresAt: Date;
}

export class AdminUserDto extends UserDto {
  @ApiProperty({
    type: OpenInvitationDto,
    nullable: true,
    description: 'An invitation not answered yet (a password not set, or roles on offer)',
  })
  invitation: OpenInvitationDto | null;
}

export class SetDateOfBirthDto {
  @ApiProperty({ example: '2011-03-14', description: 'The corrected birth date (YYYY-MM-DD)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dateOfBirth must be a date as YYYY-MM-DD' })
  dateOfBirth: string;

  @ApiProperty({
    maxLength: 500,
    description: 'Why it changes (e.g. the document seen); kept in the audit log',
  })
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason: string;
}

export class UserPageDto extends PageMetaDto {
  @ApiProperty({ type: [AdminUserDto] }) items: AdminUserDto[];
}
