import { AuditEvent } from '../audit/audit-event.entity';
import { Competition } from '../competitions/competition.entity';
import {
  DeadlineReminder,
  IdempotencyKey,
  Submission,
  SubmissionAsset,
  SubmissionVersion,
} from '../competitions/submission.entity';
import { UploadSession } from '../competitions/upload-session.entity';
import { Team, TeamInvitation, TeamMember } from '../competitions/team.entity';
import { AuthSession } from '../identity/auth-session.entity';
import { GuardianConsent } from '../identity/guardian-consent.entity';
import { PasswordToken } from '../identity/password-token.entity';
import { Profile } from '../identity/profile.entity';
import { RefreshToken } from '../identity/refresh-token.entity';
import { User } from '../identity/user.entity';
import { InboxEntry } from '../notifications/inbox-entry.entity';
import { CompetitionResult } from '../judging/competition-result.entity';
import { JudgeAssignment } from '../judging/judge-assignment.entity';
import { JudgeAssignmentRun } from '../judging/judge-assignment-run.entity';
import { JudgePoolMember } from '../judging/judge-pool-member.entity';
import { JudgingReminder } from '../judging/judging-reminder.entity';
import { JudgingRound } from '../judging/judging-round.entity';
import { Letter, LetterEmailMark } from '../letters/letter.entity';
import { ModerationCase } from '../letters/moderation-case.entity';
import { MentorProfile } from '../mentoring/mentor-profile.entity';
import {
  MentoringConstraint,
  MentoringRound,
  MentoringRoundMentor,
} from '../mentoring/mentoring-round.entity';
import { MentoringMatch, MentoringRun } from '../mentoring/mentoring-run.entity';
import { MentoringCheckIn, Mentorship } from '../mentoring/mentorship.entity';
import { OutboxMessage } from '../notifications/outbox-message.entity';
import { MatchingRun } from '../penpal/matching-run.entity';
import { MatchingRunUnmatched } from '../penpal/matching-run-unmatched.entity';
import { PenpalConstraint } from '../penpal/penpal-constraint.entity';
import { PenpalEnrolment } from '../penpal/penpal-enrolment.entity';
import { PenpalMatch } from '../penpal/penpal-match.entity';
import { PenpalRound } from '../penpal/penpal-round.entity';
import { ProgrammeCoordinator } from '../programmes/programme-coordinator.entity';
import { Programme } from '../programmes/programme.entity';

/** Every entity, listed once: the app, the migration CLI and the tests all read this list. */
export const ENTITIES = [
  User,
  Profile,
  GuardianConsent,
  AuthSession,
  RefreshToken,
  PasswordToken,
  AuditEvent,
  Programme,
  ProgrammeCoordinator,
  OutboxMessage,
  InboxEntry,
  PenpalRound,
  PenpalEnrolment,
  PenpalConstraint,
  MatchingRun,
  MatchingRunUnmatched,
  PenpalMatch,
  Competition,
  Team,
  TeamMember,
  TeamInvitation,
  Submission,
  SubmissionVersion,
  SubmissionAsset,
  UploadSession,
  IdempotencyKey,
  DeadlineReminder,
  JudgePoolMember,
  JudgingRound,
  JudgeAssignmentRun,
  JudgeAssignment,
  CompetitionResult,
  JudgingReminder,
  Letter,
  LetterEmailMark,
  ModerationCase,
  MentorProfile,
  MentoringRound,
  MentoringRoundMentor,
  MentoringConstraint,
  MentoringRun,
  MentoringMatch,
  Mentorship,
  MentoringCheckIn,
];
