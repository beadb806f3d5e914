import type { EntityManager } from 'typeorm';
import { ConsentStatus, consentStatus } from './consent';

/** Whether someone may take part now, for checks that look at several people at once. */
export interface ParticipantState {
  dateOfBirth: string | null;
  consent: ConsentStatus;
}

/**
 * Birth date and consent of each person (one query), as consentStatus sees them at now: the one
 * reading of the consent tables that every feature uses (services through GuardianConsentService,
 * the matching job directly).
 */
export async function participantStates(
  m: EntityManager,
  userIds: readonly string[],
  now: Date,
): Promise<Map<string, ParticipantState>> {
  const rows: {
    id: string;
    dob: string | null;
    confirmed_at: Date | null;
    withdrawn_at: Date | null;
    has_latest: boolean;
  }[] = await m.query(
    `SELECT u.id, to_char(p.date_of_birth, 'YYYY-MM-DD') AS dob, g.confirmed_at, g.withdrawn_at,
            g.user_id IS NOT NULL AS has_latest
       FROM unnest($1::uuid[]) AS u(id)
       LEFT JOIN profiles p ON p.user_id = u.id
       LEFT JOIN LATERAL (SELECT c.user_id, c.confirmed_at, c.withdrawn_at FROM guardian_consents c
                           WHERE c.user_id = u.id AND c.superseded_at IS NULL
                           ORDER BY c.created_at DESC LIMIT 1) g ON true`,
    [[...new Set(userIds)]],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        dateOfBirth: r.dob,
        consent: consentStatus(
          {
            dateOfBirth: r.dob,
            latest: r.has_latest
              ? { confirmedAt: r.confirmed_at, withdrawnAt: r.withdrawn_at }
              : null,
          },
          now,
        ),
      },
    ]),
  );
}
