import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ProgrammeAccess } from './programme-access';
import { ProgrammesController } from './programmes.controller';
import { ProgrammesService } from './programmes.service';

@Module({
  imports: [AuditModule],
  controllers: [ProgrammesController],
  providers: [ProgrammesService, ProgrammeAccess],
  exports: [ProgrammeAccess],
})
export class ProgrammesModule {}
