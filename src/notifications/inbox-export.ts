import { Injectable } from '@nestjs/common';
import { ExportOrder, PersonalDataExport } from '../common/export/personal-data-export';
import { view } from './inbox-view';
import { exportedInbox } from './notifications.store';

/** The notifications in a person's inbox, worded as the inbox shows them: in their language now. */
@Injectable()
export class InboxExport {
  constructor(exporter: PersonalDataExport) {
    exporter.register(
      'notifications',
      async (m, person) => ({
        notifications: (await exportedInbox(m, person.id)).map((e) => {
          const { type, title, body, createdAt, readAt } = view(e, person.locale);
          return { type, title, body, createdAt, readAt };
        }),
      }),
      ExportOrder.Notifications,
    );
  }
}
