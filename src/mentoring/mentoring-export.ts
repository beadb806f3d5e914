import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataExport, type ExportedPerson } from '../common/export/personal-data-export';
import { renderReasons } from './core/reasons';
import { exportedCheckIns, exportedMentorProfile, exportedMentorships } from './mentoring.store';

/**
 * A person's mentoring: their mentor profile, and the mentorships they are part of (as the
 * mentor or as a team member) with the check-ins they wrote. Reasons read in their language.
 */
@Injectable()
export class MentoringExport {
  constructor(exporter: PersonalDataExport) {
    exporter.register('mentoring', (m, person) => this.read(m, person));
  }

  private async read(m: EntityManager, { id, locale }: ExportedPerson) {
    const mentorships = await exportedMentorships(m, id);
    const profile = await exportedMentorProfile(m, id);
    return {
      mentorProfile: profile ?? null,
      mentorships: mentorships.map((x) => ({ ...x, reasons: renderReasons(x.reasons, locale) })),
      mentoringCheckIns: await exportedCheckIns(m, id),
    };
  }
}
