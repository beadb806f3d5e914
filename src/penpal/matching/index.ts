export { matchPenpals, runMatching, type MatchingRun } from './match';
export { generateCandidates, type CandidateGraph, type CandidateOptions } from './candidates';
export { buildNetwork, lexicographicWeights, type MatchingNetwork } from './build-network';
export { solveMatching, type SolvedMatching, type SolverChoice } from './solve';
export { prepare, ageOn, type Prepared } from './prepare';
export { makeScorer, scoreTables, resolveWeights, DEFAULT_WEIGHTS, MAX_SCORE } from './scoring';
export * from './types';
