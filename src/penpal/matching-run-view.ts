import type { MatchingRunDto, RunStatsDto } from './dto/responses.dto';
import type { MatchingRun } from './matching-run.entity';

export const runView = (r: MatchingRun): MatchingRunDto => ({
  id: r.id,
  roundId: r.roundId,
  status: r.status,
  progress: r.progress,
  seed: r.seed,
  // Written by matching-job.ts when the run succeeded, in this shape.
  ...(r.stats ? { stats: r.stats as RunStatsDto } : {}),
  ...(r.error ? { error: r.error } : {}),
  createdAt: r.createdAt,
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
  publishedAt: r.publishedAt,
});
