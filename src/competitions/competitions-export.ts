import { Injectable } from '@nestjs/common';
import { PersonalDataExport } from '../common/export/personal-data-export';
import { exportedEntries, exportedTeams } from './teams.store';

/** A person's teams (with their members' names, as the team page shows them) and their entries. */
@Injectable()
export class CompetitionsExport {
  constructor(exporter: PersonalDataExport) {
    exporter.register('competitions', async (m, person) => ({
      teams: await exportedTeams(m, person.id),
      submissions: await exportedEntries(m, person.id),
    }));
  }
}
