import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import {
  AccountErasure,
  ErasedPerson,
  ErasureOrder,
  FORMER_MEMBER,
  tombstoneEmail,
} from '../common/erasure/account-erasure';
import { AppError, conflict, unauthenticated } from '../common/errors/app-error';
import { verifyPassword } from './passwords';
import { User } from './user.entity';
import { Transactions } from '../database/transactions';
import { countAdmins, eraseIdentityRows, guardianEmailsOf, lockAdmins } from './identity.store';

/**
 * `DELETE /me`: closes the account and erases the person in one transaction, as the retention
 * policy in the README says. Each feature erases its own rows through the AccountErasure
 * registry; identity's own step runs last (profile, guardian names and addresses, sessions,
 * tokens), then the users row becomes a tombstone ("Former member", no email, password or roles)
 * so that what others rely on (a submitted entry, final scores, the audit trail) keeps its
 * references. Stored files go once the transaction has committed.
 */
@Injectable()
export class AccountDeletionService {
  private readonly logger = new Logger(AccountDeletionService.name);

  constructor(
    private readonly tx: Transactions,
    private readonly erasure: AccountErasure,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    erasure.register(
      'identity',
      (m, person) => this.eraseIdentity(m, person),
      ErasureOrder.Identity,
    );
  }

  async deleteAccount(me: Principal, password: string): Promise<{ status: 'deleted' }> {
    const found = await this.tx.manager.getRepository(User).findOneBy({ id: me.id });
    if (!found || found.deletedAt) throw unauthenticated();
    // Checked before the transaction: hashing holds no lock.
    if (!(await verifyPassword(found.passwordHash, password))) {
      throw new AppError(
        HttpStatus.FORBIDDEN,
        'PASSWORD_INCORRECT',
        'The password is wrong: the account was not deleted',
      );
    }
    const later: (() => Promise<void>)[] = [];
    await this.tx.run(async (m) => {
      const user = await m.findOne(User, {
        where: { id: me.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user || user.deletedAt || user.passwordHash !== found.passwordHash)
        throw unauthenticated();
      if (user.roles.includes('admin')) await assertAnotherAdmin(m, user.id);
      const person: ErasedPerson = {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        guardianEmails: await guardianEmailsOf(m, user.id),
      };
      const erased = await this.erasure.run(m, person, { afterCommit: (t) => later.push(t) });
      // A placeholder no one can guess back from: the address is free to register again.
      await m.update(
        User,
        { id: user.id },
        {
          email: tombstoneEmail(),
          displayName: FORMER_MEMBER,
          passwordHash: null,
          roles: [],
          locale: 'en',
          deletedAt: this.clock.now(),
        },
      );
      await this.audit.record(m, {
        actorId: user.id,
        action: 'account.deleted',
        targetType: 'user',
        targetId: user.id,
        details: erased,
      });
    });
    for (const task of later) {
      await task().catch((err: Error) => this.logger.warn(`After erasure: ${err.message}`));
    }
    return { status: 'deleted' };
  }

  private async eraseIdentity(m: EntityManager, person: ErasedPerson) {
    return eraseIdentityRows(m, person.id);
  }
}

/** The last admin cannot leave: Kenal would be left without one (serialised like demotions). */
async function assertAnotherAdmin(m: EntityManager, userId: string): Promise<void> {
  await lockAdmins(m);
  const n = await countAdmins(m, userId);
  if (n === 0)
    throw conflict(
      'You are the last admin: make someone else an admin before deleting your account',
      'LAST_ADMIN',
    );
}
