import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataExport, type ExportedPerson } from '../common/export/personal-data-export';
import { renderReasons, withoutAgeGap } from './matching';
import { exportedEnrolments, exportedMatches } from './penpal.store';

/**
 * A person's pen-pal enrolments, and the matches shown to them (also those ended since), of the
 * pen pal only what /me/penpals shows, reasons in their language as there.
 */
@Injectable()
export class PenpalExport {
  constructor(exporter: PersonalDataExport) {
    exporter.register('penpal', (m, person) => this.read(m, person));
  }

  private async read(m: EntityManager, { id, locale }: ExportedPerson) {
    const matches = await exportedMatches(m, id);
    return {
      penpalEnrolments: await exportedEnrolments(m, id),
      penpalMatches: matches.map(({ reasonFacts, ...match }) => ({
        ...match,
        reasons: reasonFacts ? renderReasons(reasonFacts, locale) : withoutAgeGap(match.reasons),
      })),
    };
  }
}
