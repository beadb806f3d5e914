import type { Locale } from '../../common/i18n/locales';

export interface Rendered {
  subject: string;
  text: string;
  /** Short title and body for the in-app inbox. */
  title: string;
  body: string;
}

/** An ISO timestamp (formatted per locale when rendered). */
type Instant = string;
/** A time already written in the recipient's zone, e.g. "2027-03-31 23:59 (Asia/Jakarta, UTC+07:00)". */
type ZonedText = string;

/**
 * What each notification carries: facts, never words. Codes (award, roles, countries, kinds of
 * contact details) are turned into words in the reader's language when the message is rendered,
 * at delivery for an email and at read time for the inbox.
 */
export interface NotificationPayloads {
  'guardian.consent_requested': {
    guardianName: string;
    participantName: string;
    link?: string;
    expiresAt?: Instant;
  };
  'guardian.consent_confirmed': { guardianName: string; participantName: string };
  'guardian.consent_receipt': { guardianName: string; participantName: string; link?: string };
  'guardian.consent_withdrawn': { guardianName: string; participantName: string };
  /** `roles`: role codes (older rows: "judge, coordinator"). */
  'staff.invited': {
    displayName: string;
    roles: string[] | string;
    link: string;
    expiresAt: Instant;
  };
  'auth.verify_email': { displayName: string; link: string; expiresAt: Instant };
  'staff.roles_offered': {
    displayName: string;
    roles: string[] | string;
    link: string;
    expiresAt: Instant;
  };
  'auth.password_reset': { displayName: string; link: string; expiresAt: Instant };
  /** `penpals[].country`: a country code (older rows: `{ en, ko }` names). */
  'penpal.matched': {
    displayName: string;
    roundName: string;
    penpals: { name: string; country: string | { en: string; ko: string } }[];
  };
  'penpal.unmatched': { displayName: string; roundName: string; penpals?: unknown[] };
  'penpal.connected': { displayName: string; penpalName: string; roundName: string };
  'penpal.declined': { displayName: string; roundName: string };
  'penpal.cancelled': { displayName: string; roundName: string };
  'penpal.ended': { displayName: string; penpalName: string; roundName: string };
  'letter.delivered': { displayName: string; penpalName: string; matchId?: string; link: string };
  /** `kinds`: email, phone, link, handle. */
  'letter.held': { displayName: string; penpalName: string; kinds: string[]; link?: string };
  'letter.released': { displayName: string; penpalName: string; link?: string };
  'letter.removed': { displayName: string; penpalName: string; link?: string };
  'penpal.partner_left': { displayName: string; roundName: string };
  'team.invitation': {
    inviterName: string;
    teamName: string;
    competitionTitle: string;
    link: string;
    expiresAt: Instant;
  };
  'submission.received': {
    displayName: string;
    teamName: string;
    submissionId?: string;
    submissionTitle: string;
    competitionTitle: string;
    version: number;
    submittedAt: ZonedText;
    closesAt: ZonedText;
  };
  'submission.withdrawn': {
    displayName: string;
    actorName: string;
    submissionTitle: string;
    competitionTitle: string;
    withdrawnAt: ZonedText;
  };
  /** `until`: the new deadline written in the recipient's zone. */
  'submission.extension_granted': {
    displayName: string;
    submissionTitle: string;
    competitionTitle: string;
    until: ZonedText;
    link: string;
  };
  'submission.deadline_reminder': {
    displayName: string;
    submissionId?: string;
    submissionTitle: string;
    competitionTitle: string;
    hoursBefore: number;
    closesAt: ZonedText;
    link: string;
  };
  'judging.added_to_pool': { displayName: string; competitionTitle: string; link: string };
  'judging.removed_from_pool': { displayName: string; competitionTitle: string };
  'judging.assignments_ready': {
    displayName: string;
    count: number;
    roundName: string;
    competitionTitle: string;
    closesAt: Instant;
    link: string;
  };
  'judging.recused': {
    displayName: string;
    roundName: string;
    competitionTitle: string;
    submissionTitle: string;
    /** the judge's own words */
    reason: string;
    replaced: boolean;
  };
  'judging.reminder': {
    displayName: string;
    unfinished: number;
    roundName: string;
    competitionTitle: string;
    closesAt: Instant;
    hoursBefore?: number | null;
    link: string;
  };
  /** `award`: an award code such as `runner_up` (older rows: its English label), null for none. */
  'judging.results_published': {
    displayName: string;
    competitionTitle: string;
    submissionTitle: string;
    award: string | null;
    link: string;
  };
  /** `members[].country`: a country code. No contact details travel in an introduction. */
  'mentoring.introduced_mentor': {
    displayName: string;
    roundName: string;
    competitionTitle: string;
    projectTitle: string;
    teamName: string;
    members: { name: string; country: string }[];
    link: string;
  };
  /** `sector`: a sector code (academia, government, ...). */
  'mentoring.introduced_team': {
    displayName: string;
    roundName: string;
    competitionTitle: string;
    projectTitle: string;
    mentorName: string;
    organisation: string;
    sector: string;
    link: string;
  };
  /** `otherName`: the team (to the mentor) or the mentor (to a member). */
  'mentoring.silent': {
    displayName: string;
    roundName: string;
    otherName: string;
    days: number;
    link: string;
  };
}

export type NotificationType = keyof NotificationPayloads;

/** One language's templates: every type, each from its typed payload. */
export type LocaleTemplates = {
  [K in NotificationType]: (p: NotificationPayloads[K], locale: Locale) => Rendered;
};
