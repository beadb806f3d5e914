import { Injectable } from '@nestjs/common';
import { ExportOrder, PersonalDataExport } from '../common/export/personal-data-export';

/** The notifications in a person's inbox. */
@Injectable()
export class InboxExport {
  constructor(exporter: PersonalDataExport) {
    exporter.register(
      'notifications',
      async (rows) => ({
        notifications: await rows(
          `SELECT type, title, body, created_at AS "createdAt", read_at AS "readAt"
             FROM inbox_entries WHERE user_id = $1 ORDER BY created_at`,
        ),
      }),
      ExportOrder.Notifications,
    );
  }
}
