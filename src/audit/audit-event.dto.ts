import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '../common/http/pagination';

export class AuditEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'null: Kenal itself' })
  actorName: string | null;
  @ApiProperty({ type: String, nullable: true }) actorEmail: string | null;
  @ApiProperty({ example: 'user.roles_changed' }) action: string;
  @ApiProperty({ example: 'user' }) targetType: string;
  @ApiProperty({ type: String, nullable: true }) targetId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class AuditEventPageDto extends PageMetaDto {
  @ApiProperty({ type: [AuditEventDto] }) items: AuditEventDto[];
}
