import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import {
  ExportOrder,
  PersonalDataExport,
  type ExportRows,
} from '../common/export/personal-data-export';
import { Transactions } from '../database/transactions';
import { userLocale } from './identity.store';

/**
 * Everything Kenal holds about one person, for them to download: this module's part (account,
 * profile, guardian consents, sessions) and every feature's registered part (pen pals, letters,
 * teams and entries, scores given as a judge, notifications, what they did). Never a password
 * hash or a token, and of other people only what this person was shown.
 */
@Injectable()
export class DataExportService {
  constructor(
    private readonly tx: Transactions,
    private readonly exporter: PersonalDataExport,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    exporter.register('identity', (rows) => this.identity(rows), ExportOrder.Identity);
  }

  async export(userId: string) {
    return this.tx.run('REPEATABLE READ', async (m) => {
      const locale = await userLocale(m, userId);
      return {
        exportedAt: this.clock.now().toISOString(),
        ...(await this.exporter.run(m, { id: userId, locale })),
      };
    });
  }

  private async identity(rows: ExportRows) {
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
    };
  }
}
