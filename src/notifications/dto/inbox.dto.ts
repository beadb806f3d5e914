import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageMetaDto, PageQuery } from '../../common/http/pagination';

export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only notifications not read yet' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class InboxItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'guardian.consent_confirmed' }) type: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt: string | null;
}

export class InboxPageDto extends PageMetaDto {
  @ApiProperty({ type: [InboxItemDto] }) items: InboxItemDto[];
  @ApiProperty({ description: 'Unread notifications in all pages' }) unread: number;
}
