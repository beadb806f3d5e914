export * from './types';
export { matchMentors, type SolveOptions } from './solve';
export { renderReasons, renderShortReason } from './reasons';
export {
  institutionConflict,
  MAX_SCORE,
  pairFacts,
  pairScore,
  SECTOR_REPEAT,
  sectorPenalty,
} from './scoring';
