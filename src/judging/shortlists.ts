import type { EntityManager } from 'typeorm';
import { findShortlist } from './rounds.store';

/** A judging round's shortlist, for features that follow judging (issue 15: no entity import). */
export const roundShortlist = (
  m: EntityManager,
  roundId: string,
): Promise<{ competitionId: string; shortlist: string[] } | null> => findShortlist(m, roundId);
