import type { EntityManager } from 'typeorm';
import { PEOPLE } from '../identity/people-sql';
import { Programme } from './programme.entity';

/** Programmes owns its table (issue 15): other features read a programme through this. */
export type ProgrammeRow = Readonly<Programme>;

export const getProgramme = (m: EntityManager, id: string): Promise<ProgrammeRow> =>
  m.findOneByOrFail(Programme, { id });

/** A coordinator as a notification needs them: who, where to write, in which language. */
export interface CoordinatorContact {
  id: string;
  email: string;
  displayName: string;
  locale: string;
}

/** The programme's coordinators to tell of something, in a stable order. */
export const coordinatorContacts = (
  m: EntityManager,
  programmeId: string,
): Promise<CoordinatorContact[]> =>
  m.query(
    `SELECT u.id, u.email, u.display_name AS "displayName", u.locale
       FROM programme_coordinators pc JOIN ${PEOPLE} u ON u.id = pc.user_id
      WHERE pc.programme_id = $1 ORDER BY u.id`,
    [programmeId],
  );
