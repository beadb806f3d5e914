import { Module } from '@nestjs/common';
import { PenpalExport } from './penpal-export';
import { AuditModule } from '../audit/audit.module';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { MatchingRunsController } from './matching-runs.controller';
import { MatchingRunsService } from './matching-runs.service';
import { PenpalErasure } from './penpal-erasure';
import { PenpalMatchesService } from './penpal-matches.service';
import { RoundsController } from './rounds.controller';
import { RoundsService } from './rounds.service';

@Module({
  imports: [AuditModule, IdentityModule, NotificationsModule, ProgrammesModule],
  controllers: [RoundsController, MatchingRunsController],
  providers: [
    RoundsService,
    MatchingRunsService,
    PenpalMatchesService,
    PenpalErasure,
    PenpalExport,
  ],
  // Letters flow on active matches and can end them.
  exports: [PenpalMatchesService],
})
export class PenpalModule {}
