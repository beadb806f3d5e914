import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountErasure, type ErasedPerson } from '../common/erasure/account-erasure';
import { OutboxService } from '../notifications/outbox.service';

interface EndedMatch {
  id: string;
  roundName: string;
  userId: string;
  email: string;
  displayName: string;
  locale: string;
}

/**
 * A deleted account leaves the pen-pal programme: enrolments, pins and forbids, places in runs
 * not published and "left out" rows go; a published or active match ends (status cancelled) and
 * the pen pal is told it ended, not why. Declined and ended matches stay: the pen pal sees them
 * in their data export with "Former member".
 */
@Injectable()
export class PenpalErasure {
  constructor(
    erasure: AccountErasure,
    private readonly outbox: OutboxService,
  ) {
    erasure.register('penpal', (m, person) => this.erase(m, person));
  }

  async erase(m: EntityManager, person: ErasedPerson): Promise<Record<string, number>> {
    const count = async (sql: string) =>
      ((await m.query(sql, [person.id])) as [unknown, number])[1];
    const [ended] = (await m.query(
      `UPDATE penpal_matches x SET status = 'cancelled'
         FROM penpal_rounds r, users u
        WHERE r.id = x.round_id
          AND u.id = CASE WHEN x.user_a = $1 THEN x.user_b ELSE x.user_a END
          AND (x.user_a = $1 OR x.user_b = $1) AND x.status IN ('published', 'accepted')
       RETURNING x.id, r.name AS "roundName", u.id AS "userId", u.email,
                 u.display_name AS "displayName", u.locale`,
      [person.id],
    )) as [EndedMatch[], number];
    await this.outbox.enqueue(
      m,
      ended.map((x) => ({
        type: 'penpal.partner_left',
        recipient: { userId: x.userId, email: x.email, locale: x.locale },
        payload: { displayName: x.displayName, roundName: x.roundName },
      })),
    );
    return {
      enrolments: await count(`DELETE FROM penpal_enrolments WHERE user_id = $1`),
      constraints: await count(`DELETE FROM penpal_constraints WHERE user_a = $1 OR user_b = $1`),
      proposedMatches: await count(
        `DELETE FROM penpal_matches
          WHERE (user_a = $1 OR user_b = $1) AND status IN ('proposed', 'carried')`,
      ),
      leftOut: await count(`DELETE FROM matching_run_unmatched WHERE user_id = $1`),
      matchesEnded: ended.length,
    };
  }
}
