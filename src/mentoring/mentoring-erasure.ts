import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountErasure, type ErasedPerson } from '../common/erasure/account-erasure';
import { eraseMentorData } from './mentoring.store';

/**
 * A deleted mentor leaves mentoring: their profile, places in rounds, pins, forbids and proposed
 * pairs go, and their mentorships end (the team keeps the record and its check-ins). A check-in
 * anyone deleted wrote stays for the pair, its author shown as "Former member".
 */
@Injectable()
export class MentoringErasure {
  constructor(erasure: AccountErasure) {
    erasure.register('mentoring', (m, person) => this.erase(m, person));
  }

  async erase(m: EntityManager, person: ErasedPerson): Promise<Record<string, number>> {
    return eraseMentorData(m, person.id);
  }
}
