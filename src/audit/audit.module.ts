import { Module } from '@nestjs/common';
import { AuditActors } from './audit-actors';
import { AuditExport } from './audit-export';
import { AuditService } from './audit.service';

@Module({
  providers: [AuditService, AuditExport, AuditActors],
  exports: [AuditService, AuditActors],
})
export class AuditModule {}
