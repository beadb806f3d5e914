import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
} from 'class-validator';
import { GENDERS } from '../../identity/dto/profile.dto';
import { COUNTRIES, ISO_639_1 } from '../../common/reference-data';

export class EnrolDto {
  @ApiPropertyOptional({
    type: [String],
    description: 'Countries the pen pal would ideally come from',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(11)
  @ArrayUnique()
  @IsIn(COUNTRIES, { each: true })
  preferredCountries?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'ISO 639-1 languages to practise with the pen pal',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ArrayUnique()
  @IsIn(ISO_639_1, { each: true })
  practiseLanguages?: string[];

  @ApiPropertyOptional({ enum: [...GENDERS, 'any'], description: 'A pen pal of this gender only' })
  @IsOptional()
  @IsIn([...GENDERS, 'any'])
  genderPreference?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 5,
    description: "Pen pals wanted (at most the round's limit)",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  capacity?: number;
}
