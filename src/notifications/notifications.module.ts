import { Module } from '@nestjs/common';
import { InboxExport } from './inbox-export';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { NotificationsErasure } from './notifications-erasure';
import { OutboxService } from './outbox.service';

/** What the API needs: the outbox to write into and the inbox to read. */
@Module({
  controllers: [InboxController],
  providers: [OutboxService, InboxService, NotificationsErasure, InboxExport],
  exports: [OutboxService],
})
export class NotificationsModule {}
