import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageMetaDto, PageQuery } from '../../common/http/pagination';
import { COUNTRIES, ISO_639_1 } from '../../common/reference-data';
import { ASSET_ROLES, type AssetRole } from '../rules/sniff';
import { WITH_ZONE } from './competition.dto';
import { SUBMISSION_STATUSES, VERSION_ACTIONS, type VersionAction } from '../rules/types';
import type { CompetitionKind, SubmissionStatus } from '../rules/types';
import { trim } from '../../common/http/transforms';

export class MilestoneDto {
  @ApiProperty({ maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: '2027-06-30', description: 'YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'due must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'due must be a real calendar date' })
  due: string;
}

/**
 * The content of an entry, both kinds in one shape; fields of the other kind are refused by the
 * service. Drafts may leave anything out; null clears a field.
 */
export class SubmissionFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 300, description: 'short_movie' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  logline?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 5000,
    description: 'short_movie',
  })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  synopsis?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 36000,
    description: 'short_movie',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(36000)
  runtimeSeconds?: number | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'short_movie; ISO 639-1',
    example: 'ko',
  })
  @IsOptional()
  @IsIn(ISO_639_1, { message: 'language must be an ISO 639-1 code' })
  language?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: [String],
    description: 'short_movie; ISO 639-1 codes',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsIn(ISO_639_1, { each: true, message: 'subtitleLanguages must be ISO 639-1 codes' })
  subtitleLanguages?: string[] | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'short_movie; https only',
    example: 'https://vimeo.com/1',
  })
  @IsOptional()
  @IsUrl(
    { protocols: ['https'], require_protocol: true, require_valid_protocol: true },
    { message: 'videoUrl must be an https URL' },
  )
  @MaxLength(2000)
  videoUrl?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 5000,
    description: 'short_movie',
  })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  credits?: string | null;

  @ApiPropertyOptional({
    type: Boolean,
    nullable: true,
    description: 'short_movie; the team holds every right in the film',
  })
  @IsOptional()
  @IsBoolean()
  rightsConfirmed?: boolean | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000, description: 'project' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  problem?: string | null;

  @ApiPropertyOptional({ nullable: true, type: [Number], description: 'project; UN SDGs 1–17' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(17)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(17, { each: true })
  sdgs?: number[] | null;

  @ApiPropertyOptional({ nullable: true, enum: COUNTRIES, isArray: true, description: 'project' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(11)
  @ArrayUnique()
  @IsIn(COUNTRIES, { each: true })
  targetCountries?: string[] | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 10000, description: 'project' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  plan?: string | null;

  @ApiPropertyOptional({ nullable: true, type: [MilestoneDto], description: 'project' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MilestoneDto)
  milestones?: MilestoneDto[] | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1e9,
    description: 'project',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1e9)
  budgetUsd?: number | null;

  @ApiPropertyOptional({
    nullable: true,
    type: [String],
    description: 'project; kinds of partner wanted',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  partnersSought?: string[] | null;
}

export class CreateSubmissionDto extends SubmissionFieldsDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'your team; when absent, your team in this competition (a one-person team is formed if you have none)',
  })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiProperty({ maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;
}

export class UpdateSubmissionDto extends SubmissionFieldsDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @ValidateIf((_, v) => v !== undefined)
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({
    minimum: 1,
    description: 'the version this edit is based on (or send If-Match); an older one → 409',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ExtensionDto {
  @ApiProperty({ format: 'date-time', description: 'this team may edit and submit until then' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(WITH_ZONE, { message: 'until must be an ISO 8601 instant with Z or an offset' })
  until: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'why, kept in the audit log' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class SubmissionListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SUBMISSION_STATUSES })
  @IsOptional()
  @IsIn(SUBMISSION_STATUSES)
  status?: string;

  @ApiPropertyOptional({ enum: COUNTRIES, description: 'teams with a member from this country' })
  @IsOptional()
  @IsIn(COUNTRIES)
  country?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'entries whose title contains this (any case)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class UploadAssetDto {
  @ApiProperty({ type: 'string', format: 'binary' })
  file: unknown;

  @ApiProperty({ enum: ASSET_ROLES, description: 'send this field before the file' })
  role: string;
}

export class AssetResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ASSET_ROLES }) role: AssetRole;
  @ApiProperty({ example: 'video/mp4', description: 'sniffed from the content' }) mime: string;
  @ApiProperty() size: number;
  @ApiProperty({ example: 'e3b0c442...' }) sha256: string;
  @ApiProperty({ nullable: true, type: String }) originalName: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** A file of an entry, with where its members download it. */
export class SubmissionAssetDto extends AssetResponseDto {
  @ApiProperty({ format: 'uri' }) url: string;
}

export class SubmissionMemberDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ nullable: true, type: String }) country: string | null;
}

export class SubmissionDeadlineDto {
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  extensionUntil: string | null;
  @ApiProperty({ format: 'date-time', description: 'the later of the two' })
  effectiveClosesAt: string;
  @ApiProperty() closesAtLocal: string;
  @ApiProperty() timezone: string;
}

export class SubmissionResponseDto extends SubmissionFieldsDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) competitionId: string;
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty() teamName: string;
  @ApiProperty({ type: [SubmissionMemberDto] }) members: SubmissionMemberDto[];
  @ApiProperty({ enum: ['short_movie', 'project'] }) kind: CompetitionKind;
  @ApiProperty() title: string;
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status: SubmissionStatus;
  @ApiProperty({ description: 'send it back as `version` or If-Match when editing' })
  version: number;
  @ApiProperty({ type: [SubmissionAssetDto] }) assets: SubmissionAssetDto[];
  @ApiProperty({ type: SubmissionDeadlineDto }) deadline: SubmissionDeadlineDto;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) withdrawnAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class SubmissionVersionDto {
  @ApiProperty() version: number;
  @ApiProperty({ enum: VERSION_ACTIONS }) action: VersionAction;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) authorId: string | null;
  @ApiProperty({ nullable: true, type: String }) authorName: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'field → { from, to }, or what the action added',
  })
  changes: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SubmissionVersionPageDto extends PageMetaDto {
  @ApiProperty({ type: [SubmissionVersionDto] }) items: SubmissionVersionDto[];
}

export class MySubmissionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) competitionId: string;
  @ApiProperty() competitionTitle: string;
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty() teamName: string;
  @ApiProperty({ enum: ['short_movie', 'project'] }) kind: CompetitionKind;
  @ApiProperty() title: string;
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status: SubmissionStatus;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class MySubmissionPageDto extends PageMetaDto {
  @ApiProperty({ type: [MySubmissionDto] }) items: MySubmissionDto[];
}

export class SubmissionListItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['short_movie', 'project'] }) kind: CompetitionKind;
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status: SubmissionStatus;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty() teamName: string;
  @ApiProperty({ type: [SubmissionMemberDto] }) members: SubmissionMemberDto[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: "this team's own deadline, when a coordinator granted one",
  })
  extensionUntil: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class SubmissionListPageDto extends PageMetaDto {
  @ApiProperty({ type: [SubmissionListItemDto] }) items: SubmissionListItemDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'entries per status under the other filters',
    example: { draft: 3, submitted: 12, withdrawn: 1, shortlisted: 0, awarded: 0 },
  })
  counts: Record<string, number>;
}
