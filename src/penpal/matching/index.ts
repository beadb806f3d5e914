export { matchPenpals, runMatching, type EngineHelper, type MatchingRun } from './match';
export {
  generateCandidates,
  groupByKr,
  selectDirection,
  type CandidateGraph,
  type CandidateOptions,
  type DirectionTask,
  type EdgeTriples,
} from './candidates';
export { buildNetwork, lexicographicWeights, type MatchingNetwork } from './build-network';
export { solveMatching, type SolvedMatching, type SolverChoice } from './solve';
export { solveFlow, type FlowTask, type OffloadFlow } from './solve-capacity';
export { prepare, type Prepared } from './prepare';
export { makeScorer, scoreTables, resolveWeights, DEFAULT_WEIGHTS, MAX_SCORE } from './scoring';
export { renderReasons, withoutAgeGap } from './reasons';
export * from './types';
