import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AuditModule } from './audit/audit.module';
import { AuthGuard } from './common/auth/auth.guard';
import { CompetitionsModule } from './competitions/competitions.module';
import { ErasureModule } from './common/erasure/account-erasure';
import { ExportModule } from './common/export/personal-data-export';
import { ProblemFilter } from './common/errors/problem.filter';
import { LoggingModule } from './common/logging';
import { RedisModule } from './common/redis/redis.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule, type ProcessRole } from './database/database.module';
import { HealthModule } from './health/health.module';
import { IdentityModule } from './identity/identity.module';
import { JobsModule } from './jobs/jobs.module';
import { JudgingModule } from './judging/judging.module';
import { LettersModule } from './letters/letters.module';
import { MentoringModule } from './mentoring/mentoring.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PenpalModule } from './penpal/penpal.module';
import { ProgrammesModule } from './programmes/programmes.module';

/** The feature modules both processes load. */
export const FEATURE_MODULES = [
  AuditModule,
  IdentityModule,
  ProgrammesModule,
  NotificationsModule,
  PenpalModule,
  CompetitionsModule,
  JudgingModule,
  LettersModule,
  MentoringModule,
];
export const coreModules = (role: ProcessRole) => [
  ConfigModule,
  LoggingModule,
  DatabaseModule.forProcess(role),
  RedisModule,
  JobsModule,
  ErasureModule,
  ExportModule,
];

/** The HTTP API process. */
@Module({
  imports: [...coreModules('api'), ...FEATURE_MODULES, HealthModule],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: ProblemFilter },
  ],
})
export class AppModule {}
