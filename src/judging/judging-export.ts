import { Injectable } from '@nestjs/common';
import { ENTRIES } from '../competitions/entry-sql';
import { PersonalDataExport } from '../common/export/personal-data-export';

/** The scores a person gave as a judge, and why they stepped back from an entry. */
@Injectable()
export class JudgingExport {
  constructor(exporter: PersonalDataExport) {
    exporter.register('judging', async (rows) => ({
      judgeAssignments: await rows(
        `SELECT r.name AS round, s.title AS entry, a.status, a.scores, a.comment,
                a.score_state AS "scoreState", a.scored_at AS "scoredAt",
                a.recuse_reason AS "recuseReason"
           FROM judge_assignments a JOIN judging_rounds r ON r.id = a.round_id
           JOIN ${ENTRIES} s ON s.id = a.submission_id
          WHERE a.judge_id = $1 ORDER BY a.created_at`,
      ),
    }));
  }
}
