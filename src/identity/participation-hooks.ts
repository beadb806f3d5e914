import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * Why someone's right to take part may have changed: their guardian withdrew consent, a new
 * guardian request replaced a confirmed one, or staff corrected their birth date.
 */
export interface ParticipationChange {
  userId: string;
  /** Who caused it: staff, or null for the guardian or the participant themselves. */
  actorId: string | null;
  cause: 'consent_withdrawn' | 'consent_replaced' | 'date_of_birth_changed';
}

export type ParticipationListener = (
  m: EntityManager,
  change: ParticipationChange,
) => Promise<void>;

/**
 * Identity cannot depend on the features built on it, so they register here (pen pals end
 * matches that are no longer allowed, withdraw enrolments) and run inside the change's transaction.
 */
@Injectable()
export class ParticipationHooks {
  private readonly listeners: ParticipationListener[] = [];

  register(listener: ParticipationListener): void {
    this.listeners.push(listener);
  }

  async changed(m: EntityManager, change: ParticipationChange): Promise<void> {
    // One after the other: m is a transaction's single connection.
    for (const listener of this.listeners) await listener(m, change);
  }
}
