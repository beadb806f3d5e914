import { Module } from '@nestjs/common';
import { CompetitionsExport } from './competitions-export';
import { AuditModule } from '../audit/audit.module';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { AssetsService } from './assets.service';
import { CompetitionsController } from './competitions.controller';
import { CompetitionsErasure } from './competitions-erasure';
import { CompetitionsService } from './competitions.service';
import { IdempotencyService } from './idempotency.service';
import { ListingResults } from './listing-results';
import { PublicCompetitionCache } from './public-competition-cache';
import { ASSET_STORAGE } from './storage/asset-storage';
import { assetStorageProvider } from './storage/local-disk-storage';
import { SubmissionAccess, SubmissionReaders } from './submission-access';
import { SubmissionListService } from './submission-list.service';
import { SubmissionsController } from './submissions.controller';
import { UploadsController } from './uploads.controller';
import { ResumableUploadsService } from './resumable-uploads.service';
import { SubmissionsService } from './submissions.service';
import { TeamsController } from './teams.controller';
import { TeamsService } from './teams.service';

@Module({
  imports: [AuditModule, IdentityModule, NotificationsModule, ProgrammesModule],
  controllers: [CompetitionsController, TeamsController, SubmissionsController, UploadsController],
  providers: [
    CompetitionsExport,
    CompetitionsService,
    TeamsService,
    SubmissionsService,
    SubmissionListService,
    AssetsService,
    ResumableUploadsService,
    IdempotencyService,
    CompetitionsErasure,
    ListingResults,
    PublicCompetitionCache,
    SubmissionAccess,
    SubmissionReaders,
    assetStorageProvider,
  ],
  // Judging registers its reader (assigned judges) with SubmissionReaders and its published
  // results with ListingResults, and serves the files of blind entries to their judges by id
  // from the same storage.
  exports: [SubmissionReaders, SubmissionAccess, ListingResults, ASSET_STORAGE],
})
export class CompetitionsModule {}
