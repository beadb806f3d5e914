import type { MigrationInterface } from 'typeorm';
import { Foundation1795891987753 } from './1795891987753-Foundation';
import { PenpalRounds1795893537796 } from './1795893537796-PenpalRounds';
import { Competitions1795894176033 } from './1795894176033-Competitions';
import { Judging1795894462183 } from './1795894462183-Judging';
import { PenpalRunUnmatched1795905844748 } from './1795905844748-PenpalRunUnmatched';
import { PenpalReasonFacts1795906273389 } from './1795906273389-PenpalReasonFacts';
import { GuardianConsentWithdrawal1796505067710 } from './1796505067710-GuardianConsentWithdrawal';
import { EmailVerification1796505070881 } from './1796505070881-EmailVerification';
import { AccountDeletion1796505129979 } from './1796505129979-AccountDeletion';
import { TeamPublicName1796505215723 } from './1796505215723-TeamPublicName';
import { RefreshGrace1796505221250 } from './1796505221250-RefreshGrace';
import { JudgeConflictsPending1796505827221 } from './1796505827221-JudgeConflictsPending';
import { Letters1796507038051 } from './1796507038051-Letters';
import { OutboxForgetsTokens1796507382245 } from './1796507382245-OutboxForgetsTokens';
import { InvitationSender1796515613071 } from './1796515613071-InvitationSender';
import { OutboxClaim1796516594094 } from './1796516594094-OutboxClaim';
import { InboxPayload1796516942731 } from './1796516942731-InboxPayload';
import { UploadSessions1796518362240 } from './1796518362240-UploadSessions';
import { Mentoring1796519000000 } from './1796519000000-Mentoring';
import { JudgingTopUps1796519500000 } from './1796519500000-JudgingTopUps';
import { LetterWriteFunction1796519800000 } from './1796519800000-LetterWriteFunction';
import { PublicCompetitionNotify1796520100000 } from './1796520100000-PublicCompetitionNotify';
import { TableChangeNotify1796520400000 } from './1796520400000-TableChangeNotify';
import { TableChangeNamesUsers1796520700000 } from './1796520700000-TableChangeNamesUsers';

/** Every migration in order; a new file from `npm run migration:generate` is added here. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Foundation1795891987753,
  PenpalRounds1795893537796,
  Competitions1795894176033,
  Judging1795894462183,
  PenpalRunUnmatched1795905844748,
  PenpalReasonFacts1795906273389,
  GuardianConsentWithdrawal1796505067710,
  EmailVerification1796505070881,
  AccountDeletion1796505129979,
  TeamPublicName1796505215723,
  RefreshGrace1796505221250,
  JudgeConflictsPending1796505827221,
  Letters1796507038051,
  OutboxForgetsTokens1796507382245,
  InvitationSender1796515613071,
  OutboxClaim1796516594094,
  InboxPayload1796516942731,
  UploadSessions1796518362240,
  Mentoring1796519000000,
  JudgingTopUps1796519500000,
  LetterWriteFunction1796519800000,
  PublicCompetitionNotify1796520100000,
  TableChangeNotify1796520400000,
  TableChangeNamesUsers1796520700000,
];
