import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountErasure, type ErasedPerson } from '../common/erasure/account-erasure';

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
    const count = async (sql: string) =>
      ((await m.query(sql, [person.id])) as [unknown, number])[1];
    return {
      stopped: await count(
        `UPDATE letters SET status = 'removed'
          WHERE (sender_id = $1 OR recipient_id = $1) AND status IN ('scheduled', 'held')
            AND NOT EXISTS (SELECT 1 FROM moderation_cases c
                             WHERE c.letter_id = letters.id AND c.status = 'open')`,
      ),
      bodiesErased: await count(
        `UPDATE letters SET body = '', language = NULL
          WHERE sender_id = $1 AND body <> ''
            AND NOT EXISTS (SELECT 1 FROM moderation_cases c
                             WHERE c.letter_id = letters.id AND c.status = 'open')`,
      ),
      emailMarks: await count(`DELETE FROM letter_email_marks WHERE recipient_id = $1`),
    };
  }
}
