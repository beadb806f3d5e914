import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { COUNTRIES } from '../../common/reference-data';
import { COMPETITION_KINDS } from '../rules/types';
import type { CompetitionKind } from '../rules/types';
import { trim } from '../../common/http/transforms';
import { PageMetaDto, PageQuery } from '../../common/http/pagination';

const INSTANT = { strict: true, strictSeparator: true };
/** A deadline without a zone is read differently in Seoul and Jakarta: insist on Z or an offset. */
export const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const withZone = (path: string) => ({
  message: `${path} must be an ISO 8601 instant with Z or an offset, e.g. 2027-03-31T23:59:59+07:00`,
});

export class EligibilityDto {
  @ApiPropertyOptional({ minimum: 10, maximum: 100, description: 'on the submission date' })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(100)
  minAge?: number;

  @ApiPropertyOptional({ minimum: 10, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(100)
  maxAge?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 20 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  minTeamSize?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 20 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  maxTeamSize?: number;

  @ApiPropertyOptional({ description: 'at least one Korean and one ASEAN member' })
  @IsOptional()
  @IsBoolean()
  requireMixedTeam?: boolean;

  @ApiPropertyOptional({
    enum: COUNTRIES,
    isArray: true,
    description: 'admitted countries (ISO 3166-1 alpha-2); all eleven when absent',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(COUNTRIES, { each: true })
  countries?: string[];
}

export class RubricCriterionDto {
  @ApiProperty({ example: 'storytelling', description: 'lower-case letters, digits, underscores' })
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, {
    message: 'key must be lower-case letters, digits and underscores, starting with a letter',
  })
  key: string;

  @ApiProperty({ example: 'Storytelling', maxLength: 120 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  label: string;

  @ApiProperty({ example: 2, minimum: 0, exclusiveMinimum: true })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(1000)
  weight: number;

  @ApiProperty({ example: 0 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1000)
  @Max(1000)
  min: number;

  @ApiProperty({ example: 10, description: 'greater than min' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1000)
  @Max(1000)
  max: number;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;
}

export class LimitsDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 36000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(36000)
  maxRuntimeSeconds?: number;

  @ApiPropertyOptional({ minimum: 1024, maximum: 10 * 1024 ** 3 })
  @IsOptional()
  @IsInt()
  @Min(1024)
  @Max(10 * 1024 ** 3)
  maxUploadBytes?: number;
}

export class CreateCompetitionDto {
  @ApiProperty({ enum: COMPETITION_KINDS })
  @IsIn(COMPETITION_KINDS)
  kind: CompetitionKind;

  @ApiProperty({ example: 'Short Movie Competition 2027', maxLength: 160 })
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(160)
  title: string;

  @ApiProperty({ example: 'short-movies-2027', description: 'unique within the programme' })
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'slug must be lower-case letters, digits and single hyphens',
  })
  @MaxLength(80)
  slug: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string;

  @ApiProperty({ format: 'date-time', example: '2027-01-15T00:00:00Z' })
  @IsISO8601(INSTANT)
  @Matches(WITH_ZONE, withZone('submissionOpensAt'))
  submissionOpensAt: string;

  @ApiProperty({ format: 'date-time', example: '2027-03-31T14:59:59Z' })
  @IsISO8601(INSTANT)
  @Matches(WITH_ZONE, withZone('submissionClosesAt'))
  submissionClosesAt: string;

  @ApiPropertyOptional({ type: EligibilityDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EligibilityDto)
  eligibility?: EligibilityDto;

  @ApiProperty({ type: [RubricCriterionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RubricCriterionDto)
  rubric: RubricCriterionDto[];

  @ApiPropertyOptional({ type: LimitsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LimitsDto)
  limits?: LimitsDto;
}

/** Any field given at creation; a nested object given here replaces the stored one. */
export class UpdateCompetitionDto extends PartialType(CreateCompetitionDto) {}

export class CompetitionWindowDto {
  @ApiProperty({ example: 'Asia/Jakarta', description: "the programme's time zone" })
  timezone: string;
  @ApiProperty({ format: 'date-time' }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty({ example: '2027-01-15T07:00:00+07:00' }) opensAtLocal: string;
  @ApiProperty({ example: '2027-03-31T21:59:59+07:00' }) closesAtLocal: string;
  @ApiProperty({ description: 'open for submissions right now, by the server clock' })
  isOpen: boolean;
}

export class CompetitionResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ enum: COMPETITION_KINDS }) kind: CompetitionKind;
  @ApiProperty() title: string;
  @ApiProperty() slug: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ format: 'date-time' }) submissionOpensAt: string;
  @ApiProperty({ format: 'date-time' }) submissionClosesAt: string;
  @ApiProperty({ type: CompetitionWindowDto }) window: CompetitionWindowDto;
  @ApiProperty({ type: EligibilityDto }) eligibility: EligibilityDto;
  @ApiProperty({ type: [RubricCriterionDto] }) rubric: RubricCriterionDto[];
  @ApiProperty({ type: LimitsDto }) limits: LimitsDto;
  @ApiProperty({ description: 'true once judging has scores: the rubric can no longer change' })
  rubricLocked: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class CompetitionPageDto extends PageMetaDto {
  @ApiProperty({ type: [CompetitionResponseDto] }) items: CompetitionResponseDto[];
}

export const LISTING_STATUSES = ['open', 'upcoming', 'closed'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export class CompetitionListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COMPETITION_KINDS })
  @IsOptional()
  @IsIn(COMPETITION_KINDS)
  kind?: CompetitionKind;

  @ApiPropertyOptional({
    enum: LISTING_STATUSES,
    description: 'open now, opening later, or closed (within the last year)',
  })
  @IsOptional()
  @IsIn(LISTING_STATUSES)
  status?: ListingStatus;
}

export class CompetitionListingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: COMPETITION_KINDS }) kind: CompetitionKind;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() programmeName: string;
  @ApiProperty({ example: 'Asia/Jakarta', description: "the programme's time zone" })
  timezone: string;
  @ApiProperty({ format: 'date-time' }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty({ enum: LISTING_STATUSES, description: 'by the server clock' })
  status: ListingStatus;
  @ApiProperty({ description: 'the results are published (GET /competitions/{id}/results)' })
  resultsPublished: boolean;
}

export class CompetitionListPageDto extends PageMetaDto {
  @ApiProperty({ type: [CompetitionListingDto] }) items: CompetitionListingDto[];
}
