import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { ExportOrder, PersonalDataExport } from '../common/export/personal-data-export';
import { Transactions } from '../database/transactions';
import {
  exportedAccount,
  exportedGuardianConsents,
  exportedProfile,
  exportedSessions,
  userLocale,
} from './identity.store';

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
    exporter.register(
      'identity',
      async (m, person) => ({
        account: await exportedAccount(m, person.id),
        profile: (await exportedProfile(m, person.id)) ?? null,
        guardianConsents: await exportedGuardianConsents(m, person.id),
        sessions: await exportedSessions(m, person.id),
      }),
      ExportOrder.Identity,
    );
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
}
