import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api, unwrap } from '../../app/api';
import { useWorded } from '../account/queries';

type S = components['schemas'];
export type MentoringRound = S['MentoringRoundViewDto'];
export type RoundDetail = S['MentoringRoundDetailDto'];
export type RoundInput = S['CreateMentoringRoundDto'];
export type RoundMentor = S['RoundMentorDto'];
export type RoundTeam = S['RoundTeamDto'];
export type PairRule = S['PairRuleDto'];
export type MentoringRun = S['MentoringRunDto'];
export type RunStats = S['MentoringRunStatsDto'];
export type Match = S['MentoringMatchDto'];
export type Report = S['MentoringReportDto'];

const KEY = 'coordinate-mentoring';
export const MATCH_PAGE = 50;

/** `?page=&pageSize=`: typed as objects by the OpenAPI document (see coordinate/queries.ts). */
const paging = (page: number, pageSize: number) =>
  ({ page, pageSize }) as unknown as { page: never; pageSize: never };

export function useRounds(competitionId: string) {
  return useQuery({
    queryKey: [KEY, 'rounds', competitionId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/competitions/{id}/mentoring-rounds', {
          params: { path: { id: competitionId } },
        }),
      ),
  });
}

export function useCreateRound(competitionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: RoundInput) =>
      unwrap(
        await api.POST('/api/v1/competitions/{id}/mentoring-rounds', {
          params: { path: { id: competitionId } },
          body,
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY, 'rounds', competitionId] }),
  });
}

export function useRound(id: string) {
  return useQuery({
    queryKey: [KEY, 'round', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/mentoring-rounds/{id}', { params: { path: { id } } })),
  });
}

export function useCandidates(roundId: string, q: string) {
  return useQuery({
    queryKey: [KEY, 'candidates', roundId, q],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/mentoring-rounds/{id}/mentor-candidates', {
          params: { path: { id: roundId }, query: { ...paging(1, 20), q } },
        }),
      ),
    enabled: q.trim().length >= 2,
  });
}

/** Every change to a round's mentors or rules: the round is read again with what the API answers. */
function useRoundChange<T>(roundId: string, call: (body: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY, 'round', roundId] }),
  });
}

export function useAddMentor(roundId: string) {
  return useRoundChange(roundId, async (userId: string) =>
    unwrap(
      await api.POST('/api/v1/mentoring-rounds/{id}/mentors', {
        params: { path: { id: roundId } },
        body: { userId },
      }),
    ),
  );
}

export function useRemoveMentor(roundId: string) {
  return useRoundChange(roundId, async (userId: string) =>
    unwrap(
      await api.DELETE('/api/v1/mentoring-rounds/{id}/mentors/{userId}', {
        params: { path: { id: roundId, userId } },
      }),
    ),
  );
}

export function useSetRule(roundId: string) {
  return useRoundChange(roundId, async (body: PairRule) =>
    unwrap(
      await api.POST('/api/v1/mentoring-rounds/{id}/rules', {
        params: { path: { id: roundId } },
        body,
      }),
    ),
  );
}

export function useRemoveRule(roundId: string) {
  return useRoundChange(roundId, async (ruleId: string) =>
    unwrap(
      await api.DELETE('/api/v1/mentoring-rounds/{id}/rules/{ruleId}', {
        params: { path: { id: roundId, ruleId } },
      }),
    ),
  );
}

/** The round's runs, their short teams' causes in the account's language. */
export function useRuns(roundId: string) {
  const worded = useWorded([KEY, 'runs', roundId]);
  return useQuery({
    queryKey: worded.queryKey,
    enabled: worded.enabled,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/mentoring-rounds/{id}/matching-runs', {
          params: { path: { id: roundId } },
        }),
      ),
  });
}

export function useStartRun(roundId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/mentoring-rounds/{id}/matching-runs', {
          params: { path: { id: roundId } },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY, 'runs', roundId] }),
  });
}

const live = (run?: MentoringRun) => run?.status === 'queued' || run?.status === 'running';

/** A run, read every second while it is queued or running; its reasons in the account's language. */
export function useRun(id: string) {
  const worded = useWorded([KEY, 'run', id]);
  return useQuery({
    queryKey: worded.queryKey,
    enabled: worded.enabled,
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/mentoring-runs/{id}', { params: { path: { id } } })),
    refetchInterval: (q) => (live(q.state.data) ? 1000 : false),
  });
}

/** A page of the run's pairs, their reasons in the account's language. */
export function useMatches(runId: string, page: number, enabled: boolean) {
  const worded = useWorded([KEY, 'matches', runId, page], enabled);
  return useQuery({
    queryKey: worded.queryKey,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/mentoring-runs/{id}/matches', {
          params: { path: { id: runId }, query: paging(page, MATCH_PAGE) },
        }),
      ),
    enabled: worded.enabled,
    placeholderData: worded.keepPreviousPage,
  });
}

/** Every pair of a run, page by page (to count whom publishing introduces). */
export function useAllMatches(runId: string, enabled: boolean) {
  return useQuery({
    queryKey: [KEY, 'all-matches', runId],
    queryFn: async () => {
      const all: Match[] = [];
      for (let page = 1; ; page += 1) {
        const res = unwrap(
          await api.GET('/api/v1/mentoring-runs/{id}/matches', {
            params: { path: { id: runId }, query: paging(page, 100) },
          }),
        );
        all.push(...res.items);
        if (all.length >= res.total || res.items.length === 0) return all;
      }
    },
    enabled,
  });
}

export function usePublish(runId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/mentoring-runs/{id}/publish', { params: { path: { id: runId } } }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useReport(roundId: string) {
  return useQuery({
    queryKey: [KEY, 'report', roundId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/mentoring-rounds/{id}/report', {
          params: { path: { id: roundId } },
        }),
      ),
  });
}
