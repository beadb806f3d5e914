import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { trim } from '../../common/http/transforms';
import { COUNTRIES } from '../../common/reference-data';
import { PageQuery } from '../../common/http/pagination';
import { UNMATCHED_REASONS } from '../matching';

export class StartRunDto {
  @ApiPropertyOptional({
    description: 'Same seed and same enrolments give the same pairs (an integer or a short string)',
    oneOf: [{ type: 'integer' }, { type: 'string', pattern: '^[\\w.-]{1,64}$' }],
    example: 2027,
  })
  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'number' && Number.isInteger(value) ? String(value) : value,
  )
  @IsString({ message: 'seed must be an integer or a short string' })
  @Matches(/^[\w.-]{1,64}$/, {
    message: 'seed must be 1 to 64 letters, digits, dots, dashes or underscores',
  })
  seed?: string;
}

export class RespondDto {
  @ApiProperty({ description: 'true to accept the pen pal, false to decline' })
  @IsBoolean()
  accept: boolean;
}

export class CancelMatchDto {
  @ApiPropertyOptional({
    description: 'Why the match is ended: kept in the audit log, not shown to the pair',
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class UnmatchedQuery extends PageQuery {
  @ApiPropertyOptional({ enum: UNMATCHED_REASONS })
  @IsOptional()
  @IsIn(UNMATCHED_REASONS)
  reason?: string;

  @ApiPropertyOptional({ enum: COUNTRIES })
  @IsOptional()
  @IsIn(COUNTRIES)
  country?: string;
}

export class EnrolmentQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COUNTRIES, description: 'only the people of this country' })
  @IsOptional()
  @IsIn(COUNTRIES)
  country?: string;
}

export class MatchesQuery extends PageQuery {
  @ApiPropertyOptional({
    maxLength: 100,
    description:
      'pairs with someone whose name contains this (any case), or from this country (a code, e.g. LA)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;
}
