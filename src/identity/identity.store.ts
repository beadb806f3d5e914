import type { EntityManager } from 'typeorm';
import { EXPORT_ROWS, type ExportedRow } from '../common/export/personal-data-export';
import { preparedQuery } from '../database/prepared';
import type { Principal } from '../common/auth/principal';
import type { SessionClaims } from '../common/auth/session-check';
import { type CallerColumns, callerOf, liveCaller } from './session-sql';
import type { GuardianConsent } from './guardian-consent.entity';
import type { Profile } from './profile.entity';

/** The SQL of identity's own services: accounts, sessions, admins, invitations and erasure. */

/** Serialises everything that changes who is an admin (demotions, deletions, the first admin). */
export const lockAdmins = async (m: EntityManager): Promise<void> => {
  await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['kenal:admins']);
};

/** How many admins there are, or (exceptUserId) how many besides that person. */
export const countAdmins = async (m: EntityManager, exceptUserId?: string): Promise<number> => {
  const [{ n }]: { n: number }[] =
    exceptUserId === undefined
      ? await m.query(`SELECT count(*)::int AS n FROM users WHERE 'admin' = ANY(roles)`)
      : await m.query(
          `SELECT count(*)::int AS n FROM users WHERE 'admin' = ANY(roles) AND id <> $1`,
          [exceptUserId],
        );
  return n;
};

/** The newest unanswered invitation (or staff-role offer) of each of these accounts. */
export const openInvitationRows = (
  m: EntityManager,
  userIds: string[],
): Promise<{ user_id: string; expires_at: Date }[]> =>
  m.query(
    `SELECT DISTINCT ON (t.user_id) t.user_id, t.expires_at
       FROM password_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.user_id = ANY($1) AND t.purpose IN ('invite', 'staff_roles') AND t.used_at IS NULL
        AND (t.purpose = 'staff_roles' OR u.password_hash IS NULL)
      ORDER BY t.user_id, t.created_at DESC`,
    [userIds],
  );

export const userLocale = async (m: EntityManager, userId: string): Promise<string> => {
  const [user] = (await m.query(`SELECT locale FROM users WHERE id = $1`, [userId])) as {
    locale: string;
  }[];
  return user.locale;
};

/** The account behind a live session, or nothing: the guard's check on an authenticated request. */
export const sessionPrincipal = async (
  m: EntityManager,
  userId: string,
  sessionId: string,
): Promise<Omit<Principal, 'sessionId'> | undefined> => {
  const rows = await preparedQuery<CallerColumns>(
    m,
    'kenal_session_principal',
    `SELECT * FROM ${liveCaller('$1', '$2')} me`,
    [userId, sessionId],
  );
  return callerOf(rows[0]);
};

export type MineRow = Profile &
  Pick<
    GuardianConsent,
    'guardianName' | 'guardianEmail' | 'expiresAt' | 'confirmedAt' | 'withdrawnAt' | 'createdAt'
  > & { hasProfile: boolean; consentId: string | null };

/**
 * The caller (the session check, issue 14) with their profile and latest consent in one prepared
 * query (two TypeORM reads and the guard's own check had been: a third of GET /me's CPU went to
 * the query builder, hydration and the extra round trips). No row: no live session.
 * Exported so a test can EXPLAIN it: GET /me keeps what it reads until one of its tables changes.
 */
export const PROFILE_AND_CONSENT_SQL = `SELECT me.*, p.user_id IS NOT NULL AS "hasProfile", p.country, p.date_of_birth::text AS "dateOfBirth",
            p.gender, p.languages, p.interests, p.institution, p.city, p.bio, p.timezone,
            g.id AS "consentId", g.guardian_name AS "guardianName", g.guardian_email AS "guardianEmail",
            g.expires_at AS "expiresAt", g.confirmed_at AS "confirmedAt",
            g.withdrawn_at AS "withdrawnAt", g.created_at AS "createdAt"
       FROM ${liveCaller('$1', '$2')} me
       LEFT JOIN profiles p ON p.user_id = me.caller_id
       LEFT JOIN LATERAL (
              SELECT * FROM guardian_consents c
               WHERE c.user_id = me.caller_id AND c.superseded_at IS NULL
               ORDER BY c.created_at DESC LIMIT 1) g ON true`;

export const profileAndConsent = async (
  m: EntityManager,
  claims: SessionClaims,
): Promise<(MineRow & CallerColumns) | undefined> => {
  const [row] = await preparedQuery<MineRow & CallerColumns>(
    m,
    'kenal_me_caller_profile_consent',
    PROFILE_AND_CONSENT_SQL,
    [claims.userId, claims.sessionId],
  );
  return row;
};

/** Every guardian address a person's consents named. */
export const guardianEmailsOf = async (m: EntityManager, userId: string): Promise<string[]> => {
  const guardians: { email: string }[] = await m.query(
    `SELECT DISTINCT guardian_email AS email FROM guardian_consents
      WHERE user_id = $1 AND guardian_email <> ''`,
    [userId],
  );
  return guardians.map((g) => g.email);
};

/** A deleted account's sessions end, its tokens and profile go, its consents forget the guardian. */
export const eraseIdentityRows = async (m: EntityManager, userId: string) => {
  const count = async (sql: string, params: unknown[]) =>
    ((await m.query(sql, params)) as [unknown, number])[1];
  const sessions = await count(
    `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'account_deleted'
      WHERE user_id = $1 AND revoked_at IS NULL`,
    [userId],
  );
  await m.query(
    `DELETE FROM refresh_tokens WHERE session_id IN (SELECT id FROM auth_sessions WHERE user_id = $1)`,
    [userId],
  );
  await m.query(`DELETE FROM password_tokens WHERE user_id = $1`, [userId]);
  const profiles = await count(`DELETE FROM profiles WHERE user_id = $1`, [userId]);
  // The consent's dates stay (proof it was asked and given); who the guardian was goes.
  const consents = await count(
    `UPDATE guardian_consents SET guardian_name = '', guardian_email = '',
            superseded_at = coalesce(superseded_at, now())
      WHERE user_id = $1`,
    [userId],
  );
  return { sessionsRevoked: sessions, profiles, guardianConsents: consents };
};

/**
 * Someone's account, profile, guardian consents and sessions, for their data export: never a
 * password hash or a token.
 */
export const exportedAccount = async (
  m: EntityManager,
  userId: string,
): Promise<ExportedRow | undefined> =>
  (
    (await m.query(
      `SELECT id, email, email_verified_at AS "emailVerifiedAt", display_name AS "displayName", roles, locale, created_at AS "createdAt"
         FROM users WHERE id = $1 LIMIT ${EXPORT_ROWS}`,
      [userId],
    )) as ExportedRow[]
  )[0];

export const exportedProfile = async (
  m: EntityManager,
  userId: string,
): Promise<ExportedRow | undefined> =>
  (
    (await m.query(
      `SELECT country, to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", gender, languages,
              interests, institution, city, bio, timezone, updated_at AS "updatedAt"
         FROM profiles WHERE user_id = $1 LIMIT ${EXPORT_ROWS}`,
      [userId],
    )) as ExportedRow[]
  )[0];

export const exportedGuardianConsents = (
  m: EntityManager,
  userId: string,
): Promise<ExportedRow[]> =>
  m.query(
    `SELECT guardian_name AS "guardianName", guardian_email AS "guardianEmail",
            created_at AS "requestedAt", confirmed_at AS "confirmedAt",
            withdrawn_at AS "withdrawnAt", superseded_at AS "supersededAt"
       FROM guardian_consents WHERE user_id = $1 ORDER BY created_at LIMIT ${EXPORT_ROWS}`,
    [userId],
  );

export const exportedSessions = (m: EntityManager, userId: string): Promise<ExportedRow[]> =>
  m.query(
    `SELECT created_at AS "startedAt", revoked_at AS "endedAt", revoked_reason AS "endedBecause"
       FROM auth_sessions WHERE user_id = $1 ORDER BY created_at LIMIT ${EXPORT_ROWS}`,
    [userId],
  );
