import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { renderReasons, withoutAgeGap, type PairFacts } from '../penpal/matching';

/** Most rows of one kind in an export: far more than any person makes; keeps the file bounded. */
const ROWS = 5000;

/**
 * Everything Kenal holds about one person, for them to download: account, profile, guardian
 * consents, sessions, pen-pal enrolments and matches (the pen pal as they see them), teams
 * (with their members' names, as the team page shows them), their teams' entries, the scores
 * they gave as a judge, their letters (written, and received once delivered), their
 * notifications and what they did. Never a password hash or a token, and of other people only
 * what this person was shown.
 */
@Injectable()
export class DataExportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async export(userId: string) {
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const rows = (sql: string) => m.query(`${sql} LIMIT ${ROWS}`, [userId]) as Promise<object[]>;
      const [account] = await rows(
        `SELECT id, email, email_verified_at AS "emailVerifiedAt", display_name AS "displayName", roles, locale, created_at AS "createdAt"
           FROM users WHERE id = $1`,
      );
      const [profile] = await rows(
        `SELECT country, to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", gender, languages,
                interests, institution, city, bio, timezone, updated_at AS "updatedAt"
           FROM profiles WHERE user_id = $1`,
      );
      return {
        exportedAt: new Date().toISOString(),
        account,
        profile: profile ?? null,
        guardianConsents: await rows(
          `SELECT guardian_name AS "guardianName", guardian_email AS "guardianEmail",
                  created_at AS "requestedAt", confirmed_at AS "confirmedAt",
                  withdrawn_at AS "withdrawnAt", superseded_at AS "supersededAt"
             FROM guardian_consents WHERE user_id = $1 ORDER BY created_at`,
        ),
        sessions: await rows(
          `SELECT created_at AS "startedAt", revoked_at AS "endedAt", revoked_reason AS "endedBecause"
             FROM auth_sessions WHERE user_id = $1 ORDER BY created_at`,
        ),
        ...(await this.penpals(rows, (account as { locale: string }).locale)),
        // Letters they wrote (whatever became of them) and letters delivered to them.
        letters: await rows(
          `SELECT l.id, l.match_id AS "matchId",
                  CASE WHEN l.sender_id = $1 THEN 'sent' ELSE 'received' END AS direction,
                  u.display_name AS "penpal", l.body, l.language,
                  CASE WHEN l.sender_id = $1 THEN l.status ELSE 'delivered' END AS status,
                  l.created_at AS "writtenAt", l.delivered_at AS "deliveredAt", l.read_at AS "readAt"
             FROM letters l
             JOIN users u ON u.id = CASE WHEN l.sender_id = $1 THEN l.recipient_id ELSE l.sender_id END
            WHERE l.sender_id = $1 OR (l.recipient_id = $1 AND l.delivered_at IS NOT NULL AND l.status <> 'removed')
            ORDER BY l.created_at`,
        ),
        ...(await this.competitions(rows)),
        notifications: await rows(
          `SELECT type, title, body, created_at AS "createdAt", read_at AS "readAt"
             FROM inbox_entries WHERE user_id = $1 ORDER BY created_at`,
        ),
        actions: await rows(
          `SELECT action, target_type AS "targetType", target_id AS "targetId", details,
                  created_at AS "at"
             FROM audit_events WHERE actor_id = $1 ORDER BY created_at`,
        ),
      };
    });
  }

  private async penpals(rows: (sql: string) => Promise<object[]>, locale: string) {
    // Only matches shown to them (also those ended since), and of the pen pal only what
    // /me/penpals shows, reasons in their language as there.
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

  private async competitions(rows: (sql: string) => Promise<object[]>) {
    return {
      teams: await rows(
        `SELECT t.name AS team, c.title AS competition, t.leader_id = $1 AS leader,
                tm.joined_at AS "joinedAt",
                (SELECT array_agg(u.display_name ORDER BY o.joined_at, u.id)
                   FROM team_members o JOIN users u ON u.id = o.user_id
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
      judgeAssignments: await rows(
        `SELECT r.name AS round, s.title AS entry, a.status, a.scores, a.comment,
                a.score_state AS "scoreState", a.scored_at AS "scoredAt",
                a.recuse_reason AS "recuseReason"
           FROM judge_assignments a JOIN judging_rounds r ON r.id = a.round_id
           JOIN submissions s ON s.id = a.submission_id
          WHERE a.judge_id = $1 ORDER BY a.created_at`,
      ),
    };
  }
}
