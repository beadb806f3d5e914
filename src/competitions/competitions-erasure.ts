import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AccountErasure,
  FORMER_MEMBER,
  replaceName,
  type ErasedPerson,
  type ErasureContext,
} from '../common/erasure/account-erasure';
import { deleteIdempotencyKeysOf, uploadSessionIdsOf } from './competitions.store';
import {
  deleteInvitationsTo,
  deleteMember,
  deleteTeam,
  lockTeamsOf,
  otherMembers,
  renameTeam,
  revokeInvitationsBy,
  setTeamLeader,
  teamFileKeys,
} from './teams.store';
import { uploadSessionKey } from './upload-session.entity';
import { ASSET_STORAGE, type AssetStorage } from './storage/asset-storage';

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
    const teams = await lockTeamsOf(m, person.id);
    const counts = { teamsLeft: 0, teamsKeptAsFormerMember: 0, teamsDissolved: 0, files: 0 };
    const files: string[] = [];
    for (const team of teams) {
      const others = await otherMembers(m, team.id, person.id);
      if (others.length === 0 && !team.entered) {
        files.push(...(await teamFileKeys(m, team.id)));
        await deleteTeam(m, team.id);
        counts.teamsDissolved += 1;
        continue;
      }
      // A team named after them (a team of one takes its founder's name) is renamed.
      const name = replaceName(team.name, person.displayName, FORMER_MEMBER);
      if (name !== team.name) await renameTeam(m, team.id, name);
      if (team.entered) counts.teamsKeptAsFormerMember += 1;
      else {
        await deleteMember(m, team.id, person.id);
        counts.teamsLeft += 1;
      }
      if (team.leaderId === person.id && others.length > 0) {
        await setTeamLeader(m, team.id, others[0].userId);
      }
    }
    // Files they were still sending in pieces (the rows go with the account).
    files.push(...(await uploadSessionIdsOf(m, person.id)).map(uploadSessionKey));
    counts.files = files.length;
    ctx.afterCommit(async () => {
      for (const key of files) await this.storage.remove(key);
    });
    return {
      ...counts,
      invitationsRevoked: await revokeInvitationsBy(m, person.id),
      invitationsToThemDeleted: await deleteInvitationsTo(m, person.email),
      idempotencyKeys: await deleteIdempotencyKeysOf(m, person.id),
    };
  }
}
