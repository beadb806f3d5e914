import { Injectable } from '@nestjs/common';
import { ExportOrder, PersonalDataExport } from '../common/export/personal-data-export';
import type { InboxEntry } from './inbox-entry.entity';
import { view } from './inbox-view';

/** The notifications in a person's inbox, worded as the inbox shows them: in their language now. */
@Injectable()
export class InboxExport {
  constructor(exporter: PersonalDataExport) {
    exporter.register(
      'notifications',
      async (rows, person) => {
        const entries = (await rows(
          `SELECT id, type, title, body, payload, created_at AS "createdAt", read_at AS "readAt"
             FROM inbox_entries WHERE user_id = $1 ORDER BY created_at`,
        )) as InboxEntry[];
        return {
          notifications: entries.map((e) => {
            const { type, title, body, createdAt, readAt } = view(e, person.locale);
            return { type, title, body, createdAt, readAt };
          }),
        };
      },
      ExportOrder.Notifications,
    );
  }
}
