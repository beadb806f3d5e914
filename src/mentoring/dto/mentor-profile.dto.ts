import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { trim } from '../../common/http/transforms';
import { COUNTRIES } from '../../common/reference-data';
import { LanguageDto } from '../../identity/dto/profile.dto';
import { SECTORS, type Sector } from '../core/types';

export class ExpertiseDto {
  @ApiProperty({ type: [Number], minimum: 1, maximum: 17, description: 'UN SDG numbers 1..17' })
  @IsArray()
  @ArrayMaxSize(17)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(17, { each: true })
  sdgs: number[];

  @ApiPropertyOptional({ type: [String], maxItems: 20, description: 'free topics, e.g. "water"' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(60, { each: true })
  topics?: string[];
}

export class MentorProfileDto {
  @ApiProperty({ maxLength: 200, example: 'Chulalongkorn University' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  organisation: string;

  @ApiProperty({ enum: SECTORS })
  @IsIn(SECTORS)
  sector: Sector;

  @ApiProperty({ type: ExpertiseDto })
  @ValidateNested()
  @Type(() => ExpertiseDto)
  expertise: ExpertiseDto;

  @ApiProperty({ enum: COUNTRIES, isArray: true, description: 'countries the mentor knows' })
  @IsArray()
  @ArrayMaxSize(COUNTRIES.length)
  @ArrayUnique()
  @IsIn(COUNTRIES, { each: true })
  countries: string[];

  @ApiProperty({ type: [LanguageDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => LanguageDto)
  languages: LanguageDto[];

  @ApiProperty({ minimum: 1, maximum: 10, description: 'teams the mentor can take at once' })
  @IsInt()
  @Min(1)
  @Max(10)
  capacity: number;

  @ApiPropertyOptional({ maxLength: 2000, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  bio?: string | null;
}

export class ExpertiseViewDto {
  @ApiProperty({ type: [Number] }) sdgs: number[];
  @ApiProperty({ type: [String] }) topics: string[];
}

export class MentorProfileViewDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() organisation: string;
  @ApiProperty({ enum: SECTORS }) sector: Sector;
  @ApiProperty({ type: ExpertiseViewDto }) expertise: ExpertiseViewDto;
  @ApiProperty({ type: [String] }) countries: string[];
  @ApiProperty({ type: [LanguageDto] }) languages: LanguageDto[];
  @ApiProperty() capacity: number;
  @ApiProperty({ type: String, nullable: true }) bio: string | null;
  @ApiProperty() updatedAt: Date;
}
