import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageMetaDto, PageQuery } from '../../common/http/pagination';
import type { OutboxStatus } from '../outbox-message.entity';

export const OUTBOX_STATUSES = ['pending', 'queued', 'delivered', 'failed'] as const;

export class PipelineQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: OUTBOX_STATUSES,
    description: 'pending: not handed to the queue yet; queued: waiting or being retried',
  })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES)
  status?: (typeof OUTBOX_STATUSES)[number];

  @ApiPropertyOptional({ example: 'staff.invited' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  type?: string;
}

export class OutboxMessageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'staff.invited' }) type: string;
  @ApiProperty() recipientEmail: string;
  @ApiProperty({ enum: ['email', 'in_app'], isArray: true }) channels: string[];
  @ApiProperty({ enum: OUTBOX_STATUSES }) status: OutboxStatus;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) deliveredAt: Date | null;
  @ApiProperty({
    description:
      'A failed message whose single-use link was forgotten when it failed: a retry would send a dead link, so a new link is sent instead (resend the invitation, or the person asks again)',
  })
  linkForgotten: boolean;
}

export class PipelineCountsDto {
  @ApiProperty() pending: number;
  @ApiProperty() queued: number;
  @ApiProperty() delivered: number;
  @ApiProperty() failed: number;
}

export class RetriedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['pending'] }) status: 'pending';
}

export class PipelinePageDto extends PageMetaDto {
  @ApiProperty({ type: [OutboxMessageDto] }) items: OutboxMessageDto[];
  @ApiProperty({ type: PipelineCountsDto, description: 'Every message by status (all types)' })
  counts: PipelineCountsDto;
}
