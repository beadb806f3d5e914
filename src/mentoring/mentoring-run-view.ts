import { renderReasons, renderShortReason } from './core/reasons';
import type { ShortTeam } from './core/types';
import type { MentoringMatchDto, MentoringRunDto, MentoringRunStatsDto } from './dto/run.dto';
import type { MentorProfile } from './mentor-profile.entity';
import type { MentoringMatch, MentoringRun } from './mentoring-run.entity';

/** The stats a finished run stored (matching-job.ts), before its short teams are worded. */
type StoredStats = Omit<MentoringRunStatsDto, 'short'> & { short?: ShortTeam[] };

/** A run with its short teams' reasons in the reader's language. */
export function runView(run: MentoringRun, locale: string): MentoringRunDto {
  const stats = run.stats as StoredStats | null;
  return {
    id: run.id,
    roundId: run.roundId,
    status: run.status,
    progress: run.progress,
    ...(stats
      ? {
          stats: {
            ...stats,
            short: (stats.short ?? []).map((s) => ({
              ...s,
              reasonText: renderShortReason(s.reason, locale),
            })),
          },
        }
      : {}),
    ...(run.error ? { error: run.error } : {}),
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
    publishedAt: run.publishedAt,
  };
}

/** A proposed pair, its reasons in the reader's language. */
export const toMentoringMatchDto = (
  x: MentoringMatch,
  locale: string,
  by: { teamName: string; mentorName: string; profile: MentorProfile | undefined },
): MentoringMatchDto => ({
  id: x.id,
  teamId: x.teamId,
  submissionId: x.submissionId,
  teamName: by.teamName,
  mentor: {
    userId: x.mentorId,
    displayName: by.mentorName,
    organisation: by.profile?.organisation ?? '',
    sector: by.profile?.sector ?? null,
  },
  score: x.score,
  reasons: renderReasons(x.reasons, locale),
  pinned: x.pinned,
});
