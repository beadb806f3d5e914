export * from './ranking.types';
export {
  MIN_ENTRIES_FOR_Z,
  RANKING_FORMULA,
  RankingInputError,
  judgeEntryTotals,
  weightedScale,
  weightedTotal,
} from './normalisation';
export { TIE_BREAK_RULES, rankSubmissions } from './ranking';
