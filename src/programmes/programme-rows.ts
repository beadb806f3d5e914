import type { EntityManager } from 'typeorm';
import { Programme } from './programme.entity';

/** Programmes owns its table (issue 15): other features read a programme through this. */
export type ProgrammeRow = Readonly<Programme>;

export const getProgramme = (m: EntityManager, id: string): Promise<ProgrammeRow> =>
  m.findOneByOrFail(Programme, { id });
