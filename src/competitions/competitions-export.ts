import { Injectable } from '@nestjs/common';
import { PEOPLE } from '../identity/people-sql';
import { PersonalDataExport } from '../common/export/personal-data-export';

/** A person's teams (with their members' names, as the team page shows them) and their entries. */
@Injectable()
export class CompetitionsExport {
  constructor(exporter: PersonalDataExport) {
    exporter.register('competitions', async (rows) => ({
      teams: await rows(
        `SELECT t.name AS team, c.title AS competition, t.leader_id = $1 AS leader,
                tm.joined_at AS "joinedAt",
                (SELECT array_agg(u.display_name ORDER BY o.joined_at, u.id)
                   FROM team_members o JOIN ${PEOPLE} u ON u.id = o.user_id
                  WHERE o.team_id = t.id) AS members
           FROM team_members tm JOIN teams t ON t.id = tm.team_id
           JOIN competitions c ON c.id = tm.competition_id
          WHERE tm.user_id = $1 ORDER BY tm.joined_at`,
      ),
      submissions: await rows(
        `SELECT s.id, c.title AS competition, t.name AS team, s.kind, s.title, s.fields, s.status,
                s.submitted_at AS "submittedAt", s.updated_at AS "updatedAt"
           FROM submissions s JOIN team_members tm ON tm.team_id = s.team_id AND tm.user_id = $1
           JOIN teams t ON t.id = s.team_id JOIN competitions c ON c.id = s.competition_id
          ORDER BY s.created_at`,
      ),
    }));
  }
}
