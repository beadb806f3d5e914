import { Injectable } from '@nestjs/common';
import { PersonalDataExport, type ExportRows } from '../common/export/personal-data-export';
import { renderReasons, withoutAgeGap, type PairFacts } from './matching';

/**
 * A person's pen-pal enrolments, and the matches shown to them (also those ended since), of the
 * pen pal only what /me/penpals shows, reasons in their language as there.
 */
@Injectable()
export class PenpalExport {
  constructor(exporter: PersonalDataExport) {
    exporter.register('penpal', (rows, person) => this.read(rows, person.locale));
  }

  private async read(rows: ExportRows, locale: string) {
    const matches = (await rows(
      `SELECT r.name AS round, u.display_name AS "penpal", x.status, x.score, x.reasons,
                x.reason_facts AS "reasonFacts",
                CASE WHEN x.user_a = $1 THEN x.response_a ELSE x.response_b END AS "myResponse"
           FROM penpal_matches x
           JOIN penpal_rounds r ON r.id = x.round_id
           JOIN users u ON u.id = CASE WHEN x.user_a = $1 THEN x.user_b ELSE x.user_a END
          WHERE (x.user_a = $1 OR x.user_b = $1)
            AND x.status IN ('published', 'accepted', 'declined', 'cancelled')
          ORDER BY r.enrolment_closes_at, x.id`,
    )) as { reasons: string[]; reasonFacts: PairFacts | null }[];
    return {
      penpalEnrolments: await rows(
        `SELECT r.name AS round, e.preferred_countries AS "preferredCountries",
                e.practise_languages AS "practiseLanguages", e.gender_preference AS "genderPreference",
                e.capacity, e.created_at AS "enrolledAt"
           FROM penpal_enrolments e JOIN penpal_rounds r ON r.id = e.round_id
          WHERE e.user_id = $1 ORDER BY e.created_at`,
      ),
      penpalMatches: matches.map(({ reasonFacts, ...match }) => ({
        ...match,
        reasons: reasonFacts ? renderReasons(reasonFacts, locale) : withoutAgeGap(match.reasons),
      })),
    };
  }
}
