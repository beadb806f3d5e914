import { Injectable } from '@nestjs/common';
import { PersonalDataExport, type ExportRows } from '../common/export/personal-data-export';
import { renderReasons } from './core/reasons';
import type { Reason } from './core/types';

/**
 * A person's mentoring: their mentor profile, and the mentorships they are part of (as the
 * mentor or as a team member) with the check-ins they wrote. Reasons read in their language.
 */
@Injectable()
export class MentoringExport {
  constructor(exporter: PersonalDataExport) {
    exporter.register('mentoring', (rows, person) => this.read(rows, person.locale));
  }

  private async read(rows: ExportRows, locale: string) {
    const mentorships = (await rows(
      `SELECT r.name AS round, CASE WHEN x.mentor_id = $1 THEN 'mentor' ELSE 'team' END AS "as",
              u.display_name AS mentor, x.status, x.reasons, x.created_at AS "startedAt",
              x.last_activity_at AS "lastActivityAt"
         FROM mentorships x
         JOIN mentoring_rounds r ON r.id = x.round_id
         JOIN users u ON u.id = x.mentor_id
        WHERE x.mentor_id = $1
           OR x.team_id IN (SELECT team_id FROM team_members WHERE user_id = $1)
        ORDER BY x.created_at, x.id`,
    )) as { reasons: Reason[] }[];
    const [profile] = await rows(
      `SELECT organisation, sector, sdgs, topics, countries, languages, capacity, bio, updated_at AS "updatedAt"
         FROM mentor_profiles WHERE user_id = $1`,
    );
    return {
      mentorProfile: profile ?? null,
      mentorships: mentorships.map((x) => ({ ...x, reasons: renderReasons(x.reasons, locale) })),
      mentoringCheckIns: await rows(
        `SELECT c.happened_on AS "happenedOn", c.summary, c.next_steps AS "nextSteps", c.created_at AS "createdAt"
           FROM mentoring_check_ins c WHERE c.author_id = $1 ORDER BY c.created_at, c.id`,
      ),
    };
  }
}
