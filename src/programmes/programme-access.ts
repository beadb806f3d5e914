import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../common/auth/principal';
import { forbidden, notFound } from '../common/errors/app-error';
import { Transactions } from '../database/transactions';
import { canManageProgramme } from './programme-policy';
import { ProgrammeCoordinator } from './programme-coordinator.entity';
import { Programme } from './programme.entity';

/**
 * "Admin, or coordinator of the programme that owns this thing": every module that manages
 * something inside a programme asks here, with the programme id of the thing.
 */
@Injectable()
export class ProgrammeAccess {
  constructor(private readonly tx: Transactions) {}

  async canManage(
    who: Principal,
    programmeId: string,
    m: EntityManager = this.tx.manager,
  ): Promise<boolean> {
    if (who.roles.includes('admin')) return true;
    if (!who.roles.includes('coordinator')) return false;
    const rows = await m.findBy(ProgrammeCoordinator, { programmeId, userId: who.id });
    return canManageProgramme(
      who,
      rows.map((r) => r.userId),
    );
  }

  /** 404 when the programme does not exist, 403 when the caller may not manage it. */
  async assertCanManage(
    who: Principal,
    programmeId: string,
    m: EntityManager = this.tx.manager,
  ): Promise<Programme> {
    const programme = await m.findOneBy(Programme, { id: programmeId });
    if (!programme) throw notFound('Programme');
    if (!(await this.canManage(who, programmeId, m))) {
      throw forbidden('Only admins and coordinators of this programme can do this');
    }
    return programme;
  }
}
