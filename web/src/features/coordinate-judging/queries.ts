import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api, unwrap } from '../../app/api';

type S = components['schemas'];
export type StaffCompetition = S['StaffCompetitionDto'];
export type Judge = S['JudgeResponseDto'] & {
  detectedConflicts?: { submissionId: string; teamId: string; kinds: string[] }[];
};
export type JudgingRound = S['RoundResponseDto'];
export type RoundAssignment = S['RoundAssignmentDto'];
export type Progress = S['ProgressDto'];
export type RankingRow = S['RankingRowDto'];
export type Results = S['ResultsDto'];

const KEY = 'coordinate-judging';

export function useStaffCompetitions() {
  return useQuery({
    queryKey: [KEY, 'competitions'],
    queryFn: async () => unwrap(await api.GET('/api/v1/judging/competitions')),
  });
}

/** The competition as the staff list has it (title, programme, time zone). */
export function useStaffCompetition(id: string | undefined) {
  const all = useStaffCompetitions();
  return { ...all, data: all.data?.items.find((c) => c.id === id) };
}

export function usePool(competitionId: string) {
  return useQuery({
    queryKey: [KEY, 'pool', competitionId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/competitions/{id}/judges', {
          params: { path: { id: competitionId } },
        }),
      ) as { items: Judge[] },
  });
}

export function useCandidates(q: string) {
  return useQuery({
    queryKey: [KEY, 'candidates', q],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/judging/judge-candidates', { params: { query: { q } } })),
    enabled: q.trim().length >= 2,
  });
}

/** After any change to the pool, assignments and counts may have moved: read them again. */
const invalidateAll = (client: ReturnType<typeof useQueryClient>) =>
  client.invalidateQueries({ queryKey: [KEY] });

export function useAddJudge(competitionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: S['AddJudgeDto']) =>
      unwrap(
        await api.POST('/api/v1/competitions/{id}/judges', {
          params: { path: { id: competitionId } },
          body,
        }),
      ),
    onSuccess: () => invalidateAll(client),
  });
}

export function useUpdateJudge(competitionId: string, userId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: S['UpdateJudgeDto']) =>
      unwrap(
        await api.PATCH('/api/v1/competitions/{id}/judges/{userId}', {
          params: { path: { id: competitionId, userId } },
          body,
        }),
      ),
    onSuccess: () => invalidateAll(client),
  });
}

export function useRemoveJudge(competitionId: string, userId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrap(
        await api.DELETE('/api/v1/competitions/{id}/judges/{userId}', {
          params: { path: { id: competitionId, userId } },
        }),
      ),
    onSuccess: () => invalidateAll(client),
  });
}

/** What taking the judge out would do, asked when the confirmation opens (never cached). */
export function useRemovalPreview(competitionId: string, userId: string) {
  return useQuery({
    queryKey: [KEY, 'removal-preview', competitionId, userId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/competitions/{id}/judges/{userId}/removal-preview', {
          params: { path: { id: competitionId, userId } },
        }),
      ),
    gcTime: 0,
  });
}

export function useRounds(competitionId: string) {
  return useQuery({
    queryKey: [KEY, 'rounds', competitionId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/competitions/{id}/judging-rounds', {
          params: { path: { id: competitionId } },
        }),
      ),
  });
}

export function useCreateRound(competitionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: S['CreateJudgingRoundDto']) =>
      unwrap(
        await api.POST('/api/v1/competitions/{id}/judging-rounds', {
          params: { path: { id: competitionId } },
          body,
        }),
      ),
    onSuccess: () => invalidateAll(client),
  });
}

const running = (r?: JudgingRound) =>
  r?.assignment.status === 'queued' || r?.assignment.status === 'running';

/** A round, polled every second while its assignment run is queued or running. */
export function useRound(id: string) {
  return useQuery({
    queryKey: [KEY, 'round', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/judging-rounds/{id}', { params: { path: { id } } })),
    refetchInterval: (q) => (running(q.state.data) ? 1000 : false),
  });
}

/** `run` names the latest assignment run and its state: a finished run reads the list again. */
export function useRoundAssignments(id: string, run = '', enabled = true) {
  return useQuery({
    queryKey: [KEY, 'assignments', id, run],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/judging-rounds/{id}/assignments', { params: { path: { id } } }),
      ),
    enabled,
  });
}

export function useProgress(id: string, run = '') {
  return useQuery({
    queryKey: [KEY, 'progress', id, run],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/judging-rounds/{id}/progress', { params: { path: { id } } })),
  });
}

export function useRanking(id: string) {
  return useQuery({
    queryKey: [KEY, 'ranking', id],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/judging-rounds/{id}/ranking', { params: { path: { id } } }),
      ) as RankingRow[],
  });
}

export function useStartAssignment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/judging-rounds/{id}/assignments', { params: { path: { id } } }),
      ),
    onSuccess: () => invalidateAll(client),
  });
}

export function useUpdateJudgingRound(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: S['UpdateJudgingRoundDto']) =>
      unwrap(await api.PATCH('/api/v1/judging-rounds/{id}', { params: { path: { id } }, body })),
    onSuccess: () => invalidateAll(client),
  });
}

export function useManualAssignment(roundId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: S['ManualAssignmentDto']) =>
      unwrap(
        await api.POST('/api/v1/judging-rounds/{id}/assignments/manual', {
          params: { path: { id: roundId } },
          body,
        }),
      ),
    onSuccess: () => invalidateAll(client),
  });
}

export function useRemoveAssignment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.DELETE('/api/v1/assignments/{id}', { params: { path: { id } } })),
    onSuccess: () => invalidateAll(client),
  });
}

export function useRemind(roundId: string) {
  return useMutation({
    mutationFn: async (judgeIds?: string[]) =>
      unwrap(
        await api.POST('/api/v1/judging-rounds/{id}/remind', {
          params: { path: { id: roundId } },
          body: judgeIds ? { judgeIds } : {},
        }),
      ),
  });
}

export function useShortlist(roundId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: S['ShortlistDto']) =>
      unwrap(
        await api.POST('/api/v1/judging-rounds/{id}/shortlist', {
          params: { path: { id: roundId } },
          body,
        }),
      ),
    onSuccess: () => invalidateAll(client),
  });
}

export function useResults(competitionId: string) {
  return useQuery({
    queryKey: [KEY, 'results', competitionId],
    queryFn: async () => {
      const res = await api.GET('/api/v1/competitions/{id}/results', {
        params: { path: { id: competitionId } },
      });
      // Nothing recorded yet is a 404: an empty page, not an error.
      if (res.response.status === 404) return null;
      return unwrap(res);
    },
  });
}

export function useRecordResults(competitionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: S['RecordResultsDto']) =>
      unwrap(
        await api.POST('/api/v1/competitions/{id}/results', {
          params: { path: { id: competitionId } },
          body,
        }),
      ),
    onSuccess: (data) => client.setQueryData([KEY, 'results', competitionId], data),
  });
}

/** How many people publishing the results would tell, asked when the confirmation opens. */
export function useResultsPreview(competitionId: string) {
  return useQuery({
    queryKey: [KEY, 'results-preview', competitionId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/competitions/{id}/results/publish-preview', {
          params: { path: { id: competitionId } },
        }),
      ),
    gcTime: 0,
  });
}

export function usePublishResults(competitionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/competitions/{id}/results/publish', {
          params: { path: { id: competitionId } },
        }),
      ),
    onSuccess: (data) => client.setQueryData([KEY, 'results', competitionId], data),
  });
}
