import { Module } from '@nestjs/common';
import { LettersExport } from './letters-export';
import { AuditModule } from '../audit/audit.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PenpalModule } from '../penpal/penpal.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { LetterDelivery } from './letter-delivery';
import { LettersController } from './letters.controller';
import { LettersErasure } from './letters-erasure';
import { LettersService } from './letters.service';
import { ModerationService } from './moderation.service';

@Module({
  imports: [AuditModule, NotificationsModule, PenpalModule, ProgrammesModule],
  controllers: [LettersController],
  providers: [LettersService, ModerationService, LetterDelivery, LettersErasure, LettersExport],
  exports: [LetterDelivery],
})
export class LettersModule {}
