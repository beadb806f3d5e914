import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class RoundRulesDto {
  @ApiPropertyOptional({ minimum: 10, maximum: 100 })
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
  @ApiPropertyOptional({ minimum: 0, maximum: 50, default: 3 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  maxAgeGapYears?: number;
  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  requireSharedLanguage?: boolean;
}

export class RoundWeightsDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  language?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  interests?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  age?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  preferences?: number;
}

export class CountryBalanceDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100000,
    description: 'Pairs wanted for every ASEAN country',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  minPerCountry?: number;
}

export class CreatePenpalRoundDto {
  @ApiProperty({ example: 'Spring 2027 pen pals', maxLength: 160 })
  @IsString()
  @MinLength(3)
  @MaxLength(160)
  name: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  enrolmentOpensAt: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  enrolmentClosesAt: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  penpalsPerParticipant?: number;

  @ApiPropertyOptional({ type: RoundRulesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RoundRulesDto)
  rules?: RoundRulesDto;

  @ApiPropertyOptional({
    type: RoundWeightsDto,
    description: 'Relative weights of the compatibility score',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => RoundWeightsDto)
  weights?: RoundWeightsDto;

  @ApiPropertyOptional({ type: CountryBalanceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CountryBalanceDto)
  countryBalance?: CountryBalanceDto;

  @ApiPropertyOptional({
    enum: ['none', 'distance'],
    default: 'none',
    description:
      "'distance': each letter travels for a time that grows with the distance between the two countries (1 h plus 1 h per 1,000 km, at most 12 h); 'none': at once",
  })
  @IsOptional()
  @IsIn(['none', 'distance'])
  letterDelay?: 'none' | 'distance';

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 50,
    default: 5,
    description: 'Letters one writer may send on one match in 24 hours (then 429 TOO_MANY_LETTERS)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  lettersPerDay?: number;

  @ApiPropertyOptional({
    default: false,
    description:
      "Hold adults' letters with contact details for review too (minors' letters, written or received, always are)",
  })
  @IsOptional()
  @IsBoolean()
  screenAdultLetters?: boolean;
}

export class UpdatePenpalRoundDto extends PartialType(CreatePenpalRoundDto) {}
