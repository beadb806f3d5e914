import type { EntityManager } from 'typeorm';
import { PageQuery, skipTake } from '../common/http/pagination';
import { PEOPLE } from '../identity/people-sql';
import { ProgrammeCoordinator } from './programme-coordinator.entity';
import { Programme } from './programme.entity';

export interface CoordinatorRow {
  userId: string;
  displayName: string;
  email: string;
  since: Date;
}

/** Every programme, or (coordinatorId) the ones that person coordinates; newest first. */
export const pageProgrammes = (
  m: EntityManager,
  q: PageQuery,
  coordinatorId?: string,
): Promise<[Programme[], number]> => {
  const qb = m
    .getRepository(Programme)
    .createQueryBuilder('p')
    .orderBy('p.created_at', 'DESC')
    .addOrderBy('p.id', 'ASC')
    .skip(skipTake(q).skip)
    .take(q.pageSize);
  if (coordinatorId) {
    qb.innerJoin(ProgrammeCoordinator, 'pc', 'pc.programme_id = p.id AND pc.user_id = :me', {
      me: coordinatorId,
    });
  }
  return qb.getManyAndCount();
};

export const programmeCoordinators = (
  m: EntityManager,
  programmeId: string,
): Promise<CoordinatorRow[]> =>
  m.query(
    `SELECT u.id AS "userId", u.display_name AS "displayName", u.email, pc.created_at AS since
       FROM programme_coordinators pc JOIN ${PEOPLE} u ON u.id = pc.user_id
      WHERE pc.programme_id = $1 ORDER BY pc.created_at, u.id LIMIT 500`,
    [programmeId],
  );
