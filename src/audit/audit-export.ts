import { Injectable } from '@nestjs/common';
import { ExportOrder, PersonalDataExport } from '../common/export/personal-data-export';
import { exportedActions } from './audit.store';

/** What a person did, as the audit log recorded it. */
@Injectable()
export class AuditExport {
  constructor(exporter: PersonalDataExport) {
    exporter.register(
      'audit',
      async (m, person) => ({ actions: await exportedActions(m, person.id) }),
      ExportOrder.Audit,
    );
  }
}
