import { Injectable } from '@nestjs/common';
import { ExportOrder, PersonalDataExport } from '../common/export/personal-data-export';

/** What a person did, as the audit log recorded it. */
@Injectable()
export class AuditExport {
  constructor(exporter: PersonalDataExport) {
    exporter.register(
      'audit',
      async (rows) => ({
        actions: await rows(
          `SELECT action, target_type AS "targetType", target_id AS "targetId", details,
                  created_at AS "at"
             FROM audit_events WHERE actor_id = $1 ORDER BY created_at`,
        ),
      }),
      ExportOrder.Audit,
    );
  }
}
