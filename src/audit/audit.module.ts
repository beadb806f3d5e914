import { Module } from '@nestjs/common';
import { AuditExport } from './audit-export';
import { AuditService } from './audit.service';

@Module({ providers: [AuditService, AuditExport], exports: [AuditService] })
export class AuditModule {}
