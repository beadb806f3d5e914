import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { MentoringIntroductions } from './introductions';
import { MentorProfilesService } from './mentor-profiles.service';
import { MentoringAccess } from './mentoring-access';
import { MentoringErasure } from './mentoring-erasure';
import { MentoringExport } from './mentoring-export';
import { MentoringRoundsService } from './mentoring-rounds.service';
import { MentoringRunsService } from './mentoring-runs.service';
import { MentoringController } from './mentoring.controller';
import { MentorshipsController } from './mentorships.controller';
import { MentorshipsService } from './mentorships.service';

/** Mentoring (issue 16): winning project teams meet academia and policy makers. */
@Module({
  imports: [AuditModule, NotificationsModule, ProgrammesModule],
  controllers: [MentoringController, MentorshipsController],
  providers: [
    MentoringAccess,
    MentorProfilesService,
    MentoringRoundsService,
    MentoringRunsService,
    MentorshipsService,
    MentoringIntroductions,
    MentoringExport,
    MentoringErasure,
  ],
})
export class MentoringModule {}
