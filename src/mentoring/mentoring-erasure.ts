import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountErasure, type ErasedPerson } from '../common/erasure/account-erasure';

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
    const count = async (sql: string) =>
      ((await m.query(sql, [person.id])) as [unknown, number])[1];
    return {
      mentorships: await count(
        `UPDATE mentorships SET status = 'ended' WHERE mentor_id = $1 AND status = 'active'`,
      ),
      checkIns: await count(`UPDATE mentoring_check_ins SET author_id = NULL WHERE author_id = $1`),
      roundPlaces: await count(`DELETE FROM mentoring_round_mentors WHERE user_id = $1`),
      rules: await count(`DELETE FROM mentoring_constraints WHERE mentor_id = $1`),
      proposed: await count(
        `DELETE FROM mentoring_matches x USING mentoring_runs r
          WHERE r.id = x.run_id AND r.published_at IS NULL AND x.mentor_id = $1`,
      ),
      profile: await count(`DELETE FROM mentor_profiles WHERE user_id = $1`),
    };
  }
}
