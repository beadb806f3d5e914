import { Injectable } from '@nestjs/common';
import { PersonalDataExport } from '../common/export/personal-data-export';

/** Letters a person wrote (whatever became of them) and letters delivered to them. */
@Injectable()
export class LettersExport {
  constructor(exporter: PersonalDataExport) {
    exporter.register('letters', async (rows) => ({
      letters: await rows(
        `SELECT l.id, l.match_id AS "matchId",
                CASE WHEN l.sender_id = $1 THEN 'sent' ELSE 'received' END AS direction,
                u.display_name AS "penpal", l.body, l.language,
                CASE WHEN l.sender_id = $1 THEN l.status ELSE 'delivered' END AS status,
                l.created_at AS "writtenAt", l.delivered_at AS "deliveredAt", l.read_at AS "readAt"
           FROM letters l
           JOIN users u ON u.id = CASE WHEN l.sender_id = $1 THEN l.recipient_id ELSE l.sender_id END
          WHERE l.sender_id = $1 OR (l.recipient_id = $1 AND l.delivered_at IS NOT NULL AND l.status <> 'removed')
          ORDER BY l.created_at`,
      ),
    }));
  }
}
