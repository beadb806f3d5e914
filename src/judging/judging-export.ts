import { Injectable } from '@nestjs/common';
import { PersonalDataExport } from '../common/export/personal-data-export';
import { exportedJudgeAssignments } from './judging-export.store';

/** The scores a person gave as a judge, and why they stepped back from an entry. */
@Injectable()
export class JudgingExport {
  constructor(exporter: PersonalDataExport) {
    exporter.register('judging', async (m, person) => ({
      judgeAssignments: await exportedJudgeAssignments(m, person.id),
    }));
  }
}
