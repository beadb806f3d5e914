import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageMetaDto, PageQuery } from '../../common/http/pagination';
import { trim, trimLower } from '../../common/http/transforms';

export class CreateProgrammeDto {
  @ApiProperty({ example: 'ASEAN–Korea Exchange Year 2027', maxLength: 160 })
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(160)
  name: string;

  @ApiProperty({
    example: 'ak-exchange-2027',
    description: 'lower-case letters, digits and hyphens',
  })
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'slug must be lower-case letters, digits and single hyphens',
  })
  @MaxLength(80)
  slug: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ example: 'Asia/Seoul', description: 'IANA time zone for showing deadlines' })
  @IsString()
  @MaxLength(64)
  timezone: string;
}

export class AddCoordinatorDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The account to add; or give its email' })
  @ValidateIf((o: AddCoordinatorDto) => o.email === undefined)
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ description: 'The email of the account to add (instead of userId)' })
  @ValidateIf((o: AddCoordinatorDto) => o.userId === undefined)
  @Transform(trimLower)
  @IsEmail()
  @MaxLength(254)
  email?: string;
}

export class ProgrammeListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'true: only the programmes the caller coordinates' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => value === true || value === 'true')
  @IsBoolean()
  mine?: boolean;
}

export class ProgrammeResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() timezone: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ProgrammePageDto extends PageMetaDto {
  @ApiProperty({ type: [ProgrammeResponseDto] }) items: ProgrammeResponseDto[];
}

export class CoordinatorDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() email: string;
  @ApiProperty({ format: 'date-time' }) since: string;
}

export class CoordinatorAddedDto {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
}
