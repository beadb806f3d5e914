import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuditActors } from '../audit/audit-actors';
import { AuditModule } from '../audit/audit.module';
import { SessionResolver } from '../common/auth/session-resolver';
import { jwtKey } from '../common/crypto/access-jwt';
import { AppConfig } from '../config/app-config';
import { NotificationsModule } from '../notifications/notifications.module';
import { AccountDeletionService } from './account-deletion.service';
import { AdminUsersService } from './admin-users.service';
import { AdminController, StaffInvitationsController } from './admin.controller';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { DataExportService } from './data-export.service';
import { FirstAdmin } from './first-admin';
import { EmailVerificationService } from './email-verification.service';
import { GuardianConsentService } from './guardian-consent.service';
import { MeController } from './me.controller';
import { ParticipationHooks } from './participation-hooks';
import { PasswordService } from './password.service';
import { PEOPLE } from './people-sql';
import { ProfileService } from './profile.service';
import { SessionTokens } from './session-tokens.service';

@Module({
  imports: [
    AuditModule,
    NotificationsModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        // One key object for the life of the process: given the string, jsonwebtoken tries
        // createPublicKey (and fails) then createSecretKey on every sign and verify.
        const key = jwtKey(config.JWT_SECRET);
        return {
          secretOrKeyProvider: () => key,
          signOptions: { algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        };
      },
    }),
  ],
  controllers: [AuthController, MeController, AdminController, StaffInvitationsController],
  providers: [
    SessionTokens,
    { provide: SessionResolver, useExisting: SessionTokens },
    AuthService,
    PasswordService,
    GuardianConsentService,
    ParticipationHooks,
    ProfileService,
    AdminUsersService,
    DataExportService,
    AccountDeletionService,
    FirstAdmin,
    EmailVerificationService,
  ],
  exports: [SessionResolver, GuardianConsentService, ParticipationHooks],
})
export class IdentityModule {
  constructor(actors: AuditActors) {
    // The audit log names its actors; audit cannot import identity (identity imports audit).
    actors.readFrom(PEOPLE);
  }
}
