import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ASSET_ROLES, type AssetRole } from '../rules/sniff';
import { AssetResponseDto } from './submission.dto';

export class BeginUploadDto {
  @ApiProperty({ enum: ASSET_ROLES })
  @IsIn(ASSET_ROLES)
  role: AssetRole;

  @ApiProperty({ minimum: 1, description: 'the whole file, in bytes' })
  @IsInt()
  @Min(1)
  @Max(10 * 1024 ** 3)
  size: number;

  @ApiPropertyOptional({ maxLength: 255, description: "the file's name on the device" })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  name?: string;
}

export class UploadSessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) submissionId: string;
  @ApiProperty({ enum: ASSET_ROLES }) role: AssetRole;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty() size: number;
  @ApiProperty({
    description: 'bytes held: the next piece starts here (also the Upload-Offset header)',
  })
  offset: number;
  @ApiProperty({ format: 'date-time', description: 'the upload must be finished by then' })
  expiresAt: string;
}

export class UploadProgressDto extends UploadSessionDto {
  @ApiProperty({
    type: AssetResponseDto,
    nullable: true,
    description: "the entry's new file once the last byte arrived, else null",
  })
  asset: AssetResponseDto | null;
}
