import { Module } from '@nestjs/common';
import { CompetitionsExport } from './competitions-export';
import { AuditModule } from '../audit/audit.module';
import { AppConfig } from '../config/app-config';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { AssetsService } from './assets.service';
import { CompetitionsController } from './competitions.controller';
import { CompetitionsErasure } from './competitions-erasure';
import { CompetitionsService } from './competitions.service';
import { IdempotencyService } from './idempotency.service';
import { ReminderScheduler } from './reminder-scheduler';
import { ASSET_STORAGE } from './storage/asset-storage';
import { LocalDiskStorage } from './storage/local-disk-storage';
import { SubmissionAccess, SubmissionReaders } from './submission-access';
import { SubmissionListService } from './submission-list.service';
import { SubmissionsController } from './submissions.controller';
import { SubmissionsService } from './submissions.service';
import { TeamsController } from './teams.controller';
import { TeamsService } from './teams.service';

@Module({
  imports: [AuditModule, IdentityModule, NotificationsModule, ProgrammesModule],
  controllers: [CompetitionsController, TeamsController, SubmissionsController],
  providers: [
    CompetitionsExport,
    CompetitionsService,
    TeamsService,
    SubmissionsService,
    SubmissionListService,
    AssetsService,
    IdempotencyService,
    ReminderScheduler,
    CompetitionsErasure,
    SubmissionAccess,
    SubmissionReaders,
    {
      provide: ASSET_STORAGE,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new LocalDiskStorage(config.UPLOAD_DIR),
    },
  ],
  // Judging registers its reader (assigned judges) with SubmissionReaders, and serves the files
  // of blind entries to their judges by id from the same storage.
  exports: [SubmissionReaders, SubmissionAccess, ASSET_STORAGE],
})
export class CompetitionsModule {}
