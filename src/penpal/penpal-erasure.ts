import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountErasure, type ErasedPerson } from '../common/erasure/account-erasure';
import { OutboxService } from '../notifications/outbox.service';
import { deletePenpalDataOf, endMatchesOf } from './penpal.store';

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
    const ended = await endMatchesOf(m, person.id);
    await this.outbox.enqueue(
      m,
      ended.map((x) => ({
        type: 'penpal.partner_left',
        recipient: { userId: x.userId, email: x.email, locale: x.locale },
        payload: { displayName: x.displayName, roundName: x.roundName },
      })),
    );
    return {
      ...(await deletePenpalDataOf(m, person.id)),
      matchesEnded: ended.length,
    };
  }
}
