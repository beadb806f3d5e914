import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PageMetaDto } from '../../common/http/pagination';
import { trim } from '../../common/http/transforms';

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
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId: string;
}

export class ProgrammeResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() timezone: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
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
