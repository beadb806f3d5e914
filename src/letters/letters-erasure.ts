import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountErasure, type ErasedPerson } from '../common/erasure/account-erasure';
import { deleteEmailMarksOf, eraseBodiesOf, stopLettersOf } from './letters.store';

/**
 * A deleted account's letters: the words they wrote are theirs, so every letter they wrote loses
 * its body (the pen pal keeps the exchange with "Former member", and their own letters), except
 * one under an open moderation case, kept for the coordinator until the case is decided; letters
 * still travelling to or from them never arrive. (Their matches end in the pen-pal step.)
 */
@Injectable()
export class LettersErasure {
  constructor(erasure: AccountErasure) {
    erasure.register('letters', (m, person) => this.erase(m, person));
  }

  async erase(m: EntityManager, person: ErasedPerson): Promise<Record<string, number>> {
    return {
      stopped: await stopLettersOf(m, person.id),
      bodiesErased: await eraseBodiesOf(m, person.id),
      emailMarks: await deleteEmailMarksOf(m, person.id),
    };
  }
}
