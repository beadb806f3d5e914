import type { EntityManager } from 'typeorm';
import { PEOPLE, PROFILES } from '../identity/people-sql';
import type { LetterStatus } from './letter.entity';
import type { CaseKind, CaseStatus } from './moderation-case.entity';

/** The SQL of the moderation queue. */

export interface CaseRow {
  id: string;
  kind: CaseKind;
  reason: string;
  detail: string | null;
  status: CaseStatus;
  decision: string | null;
  note: string | null;
  created_at: Date;
  decided_at: Date | null;
  letter_id: string;
  match_id: string;
  body: string;
  letter_status: LetterStatus;
  held_kinds: string[];
  from_id: string;
  from_name: string;
  from_country: string | null;
  from_dob: string | null;
  to_id: string;
  to_name: string;
  to_country: string | null;
  to_dob: string | null;
}

/**
 * A page of the programme's cases (of one status, or all), each with its letter and its two
 * people, and how many there are: open ones oldest first, decided ones newest first.
 */
export const pageCases = async (
  m: EntityManager,
  programmeId: string,
  status: 'open' | 'decided' | undefined,
  take: number,
  skip: number,
): Promise<[CaseRow[], number]> => {
  const params: unknown[] = [programmeId];
  let where = 'c.programme_id = $1';
  if (status) {
    params.push(status);
    where += ` AND c.status = $${params.length}`;
  }
  const rows = (await m.query(
    `SELECT c.id, c.kind, c.reason, c.detail, c.status, c.decision, c.note, c.created_at, c.decided_at,
            l.id AS letter_id, l.match_id, l.body, l.status AS letter_status, l.held_kinds,
            s.id AS from_id, s.display_name AS from_name, sp.country AS from_country,
            to_char(sp.date_of_birth, 'YYYY-MM-DD') AS from_dob,
            r.id AS to_id, r.display_name AS to_name, rp.country AS to_country,
            to_char(rp.date_of_birth, 'YYYY-MM-DD') AS to_dob
       FROM moderation_cases c
       JOIN letters l ON l.id = c.letter_id
       JOIN ${PEOPLE} s ON s.id = l.sender_id LEFT JOIN ${PROFILES} sp ON sp.user_id = s.id
       JOIN ${PEOPLE} r ON r.id = l.recipient_id LEFT JOIN ${PROFILES} rp ON rp.user_id = r.id
      WHERE ${where}
      ORDER BY c.created_at ${status === 'decided' ? 'DESC' : 'ASC'}, c.id
      LIMIT ${take} OFFSET ${skip}`,
    params,
  )) as CaseRow[];
  const [{ n }] = (await m.query(
    `SELECT count(*)::int AS n FROM moderation_cases c WHERE ${where}`,
    params,
  )) as { n: number }[];
  return [rows, n];
};
