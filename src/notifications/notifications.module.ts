import { Module } from '@nestjs/common';
import { InboxExport } from './inbox-export';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { NotificationsErasure } from './notifications-erasure';
import { OutboxService } from './outbox.service';
import { PipelineController } from './pipeline.controller';
import { PipelineService } from './pipeline.service';
import { AuditModule } from '../audit/audit.module';

/** What the API needs: the outbox to write into, the inbox to read, the pipeline for admins. */
@Module({
  imports: [AuditModule],
  controllers: [InboxController, PipelineController],
  providers: [OutboxService, InboxService, NotificationsErasure, InboxExport, PipelineService],
  exports: [OutboxService],
})
export class NotificationsModule {}
