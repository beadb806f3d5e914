import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AccountErasure,
  FORMER_MEMBER,
  replaceName,
  type ErasedPerson,
  type ErasureContext,
} from '../common/erasure/account-erasure';
import { uploadSessionKey } from './upload-session.entity';
import { ASSET_STORAGE, type AssetStorage } from './storage/asset-storage';

interface TeamRow {
  id: string;
  name: string;
  leaderId: string;
  /** The team has an entry that was submitted (whatever became of it since): others rely on it. */
  entered: boolean;
}

/**
 * A deleted account leaves its teams. A team with an entry that was submitted keeps them as a
 * member, shown as "Former member" (the entry is the team's, as judged); any other team loses
 * them, and a team they were alone in is dissolved with its drafts and their files. Leadership
 * passes to the longest-standing member left. Invitations they sent are revoked; those sent to
 * their address, and their idempotency keys (which hold responses), are deleted.
 */
@Injectable()
export class CompetitionsErasure {
  constructor(
    erasure: AccountErasure,
    @Inject(ASSET_STORAGE) private readonly storage: AssetStorage,
  ) {
    erasure.register('competitions', (m, person, ctx) => this.erase(m, person, ctx));
  }

  async erase(
    m: EntityManager,
    person: ErasedPerson,
    ctx: ErasureContext,
  ): Promise<Record<string, number>> {
    const teams: TeamRow[] = await m.query(
      `SELECT t.id, t.name, t.leader_id AS "leaderId",
              EXISTS (SELECT 1 FROM submissions s WHERE s.team_id = t.id AND s.submitted_at IS NOT NULL) AS entered
         FROM teams t JOIN team_members tm ON tm.team_id = t.id AND tm.user_id = $1
        ORDER BY t.id
          FOR UPDATE OF t`,
      [person.id],
    );
    const counts = { teamsLeft: 0, teamsKeptAsFormerMember: 0, teamsDissolved: 0, files: 0 };
    const files: string[] = [];
    for (const team of teams) {
      const others: { userId: string }[] = await m.query(
        `SELECT user_id AS "userId" FROM team_members WHERE team_id = $1 AND user_id <> $2
          ORDER BY joined_at, user_id`,
        [team.id, person.id],
      );
      if (others.length === 0 && !team.entered) {
        const assets: { key: string }[] = await m.query(
          `SELECT a.storage_key AS key FROM submission_assets a
             JOIN submissions s ON s.id = a.submission_id WHERE s.team_id = $1`,
          [team.id],
        );
        files.push(...assets.map((a) => a.key));
        // Submissions, their versions and assets, invitations and reminders go with the team.
        await m.query(`DELETE FROM teams WHERE id = $1`, [team.id]);
        counts.teamsDissolved += 1;
        continue;
      }
      // A team named after them (a team of one takes its founder's name) is renamed.
      const name = replaceName(team.name, person.displayName, FORMER_MEMBER);
      if (name !== team.name)
        await m.query(`UPDATE teams SET name = $2 WHERE id = $1`, [team.id, name]);
      if (team.entered) counts.teamsKeptAsFormerMember += 1;
      else {
        await m.query(`DELETE FROM team_members WHERE team_id = $1 AND user_id = $2`, [
          team.id,
          person.id,
        ]);
        counts.teamsLeft += 1;
      }
      if (team.leaderId === person.id && others.length > 0) {
        await m.query(`UPDATE teams SET leader_id = $2 WHERE id = $1`, [team.id, others[0].userId]);
      }
    }
    // Files they were still sending in pieces (the rows go with the account).
    const sessions: { id: string }[] = await m.query(
      `SELECT id FROM upload_sessions WHERE user_id = $1`,
      [person.id],
    );
    files.push(...sessions.map((s) => uploadSessionKey(s.id)));
    counts.files = files.length;
    ctx.afterCommit(async () => {
      for (const key of files) await this.storage.remove(key);
    });
    const count = async (sql: string, params: unknown[]) =>
      ((await m.query(sql, params)) as [unknown, number])[1];
    return {
      ...counts,
      invitationsRevoked: await count(
        `UPDATE team_invitations SET status = 'revoked', responded_at = now()
          WHERE invited_by_id = $1 AND status = 'pending'`,
        [person.id],
      ),
      invitationsToThemDeleted: await count(`DELETE FROM team_invitations WHERE email = $1`, [
        person.email,
      ]),
      idempotencyKeys: await count(`DELETE FROM idempotency_keys WHERE user_id = $1`, [person.id]),
    };
  }
}
