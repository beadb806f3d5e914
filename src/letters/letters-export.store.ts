import type { EntityManager } from 'typeorm';
import { EXPORT_ROWS, type ExportedRow } from '../common/export/personal-data-export';
import { PEOPLE } from '../identity/people-sql';

/** The SQL of letters' part of a person's data export. */

/**
 * Letters someone wrote (whatever became of them) and letters delivered to them, the pen pal
 * named as the letters page names them.
 */
export const exportedLetters = (m: EntityManager, userId: string): Promise<ExportedRow[]> =>
  m.query(
    `SELECT l.id, l.match_id AS "matchId",
            CASE WHEN l.sender_id = $1 THEN 'sent' ELSE 'received' END AS direction,
            u.display_name AS "penpal", l.body, l.language,
            CASE WHEN l.sender_id = $1 THEN l.status ELSE 'delivered' END AS status,
            l.created_at AS "writtenAt", l.delivered_at AS "deliveredAt", l.read_at AS "readAt"
       FROM letters l
       JOIN ${PEOPLE} u ON u.id = CASE WHEN l.sender_id = $1 THEN l.recipient_id ELSE l.sender_id END
      WHERE l.sender_id = $1 OR (l.recipient_id = $1 AND l.delivered_at IS NOT NULL AND l.status <> 'removed')
      ORDER BY l.created_at LIMIT ${EXPORT_ROWS}`,
    [userId],
  );
