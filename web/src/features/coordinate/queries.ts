import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api, unwrap } from '../../app/api';
import { useWorded } from '../account/queries';

export type Round = components['schemas']['PenpalRoundDto'];
export type RoundInput = components['schemas']['CreatePenpalRoundDto'];
export type Run = components['schemas']['MatchingRunDto'];
export type Stats = components['schemas']['RunStatsDto'];
export type Pair = components['schemas']['ProposedMatchDto'];
export type Unmatched = components['schemas']['UnmatchedPersonDto'];

/**
 * `?page=&pageSize=`: the OpenAPI document types these query numbers as objects (a Nest
 * Swagger quirk of the shared page DTO), so they are passed through untyped here.
 */
type Country = NonNullable<components['schemas']['EnrolledPersonDto']['country']>;

const paging = (page: number, pageSize: number) =>
  ({ page, pageSize }) as unknown as { page: never; pageSize: never };

export function useProgrammes() {
  return useQuery({
    queryKey: ['coordinate', 'programmes'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/programmes', {
          params: { query: { ...paging(1, 100), mine: true } },
        }),
      ) as unknown as {
        items: components['schemas']['ProgrammeResponseDto'][];
      },
  });
}

export function useProgrammeRounds(programmeId: string) {
  return useQuery({
    queryKey: ['coordinate', 'programme-rounds', programmeId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/programmes/{id}/penpal-rounds', {
          params: { path: { id: programmeId } },
        }),
      ),
  });
}

export function useCoordinators(programmeId: string) {
  return useQuery({
    queryKey: ['coordinate', 'coordinators', programmeId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/programmes/{id}/coordinators', {
          params: { path: { id: programmeId } },
        }),
      ),
  });
}

export function useAddCoordinator(programmeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (email: string) =>
      unwrap(
        await api.POST('/api/v1/programmes/{id}/coordinators', {
          params: { path: { id: programmeId } },
          body: { email },
        }),
      ),
    onSuccess: () =>
      client.invalidateQueries({ queryKey: ['coordinate', 'coordinators', programmeId] }),
  });
}

export function useCompare(runId: string, otherId: string) {
  return useQuery({
    queryKey: ['coordinate', 'compare', runId, otherId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/matching-runs/{id}/compare/{otherId}', {
          params: { path: { id: runId, otherId } },
        }),
      ),
  });
}

export function useCreateRound(programmeId: string) {
  return useMutation({
    mutationFn: async (body: RoundInput) =>
      unwrap(
        await api.POST('/api/v1/programmes/{id}/penpal-rounds', {
          params: { path: { id: programmeId } },
          body,
        }),
      ),
  });
}

export function useRound(id: string) {
  return useQuery({
    queryKey: ['coordinate', 'round', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/penpal-rounds/{id}', { params: { path: { id } } })),
  });
}

export function useUpdateRound(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: components['schemas']['UpdatePenpalRoundDto']) =>
      unwrap(await api.PATCH('/api/v1/penpal-rounds/{id}', { params: { path: { id } }, body })),
    onSuccess: (round) => client.setQueryData(['coordinate', 'round', id], round),
  });
}

/** How many people enrolled in the round, in all and per country: one request, whatever the size. */
export function useEnrolmentCounts(id: string) {
  return useQuery({
    queryKey: ['coordinate', 'enrolments', id],
    queryFn: async () => {
      const page = unwrap(
        await api.GET('/api/v1/penpal-rounds/{id}/enrolments', {
          params: { path: { id }, query: paging(1, 1) },
        }),
      );
      return { total: page.total, byCountry: page.byCountry };
    },
  });
}

/** One page of the round's enrolments, of one country or all. */
export function useEnrolmentPage(id: string, page: number, country: string) {
  return useQuery({
    queryKey: ['coordinate', 'enrolments', id, page, country],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/penpal-rounds/{id}/enrolments', {
          params: {
            path: { id },
            query: {
              ...paging(page, ENROLMENT_PAGE),
              ...(country ? { country: country as Country } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export const ENROLMENT_PAGE = 50;

export function useRuns(roundId: string) {
  return useQuery({
    queryKey: ['coordinate', 'runs', roundId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/penpal-rounds/{id}/matching-runs', {
          params: { path: { id: roundId }, query: paging(1, 20) },
        }),
      ),
  });
}

export function useStartRun(roundId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/penpal-rounds/{id}/matching-runs', {
          params: { path: { id: roundId } },
          body: {},
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['coordinate', 'runs', roundId] }),
  });
}

const live = (run?: Run) => run?.status === 'queued' || run?.status === 'running';

/** A run, polled every second while it is queued or running. */
export function useRun(id: string) {
  return useQuery({
    queryKey: ['coordinate', 'run', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/matching-runs/{id}', { params: { path: { id } } })),
    refetchInterval: (q) => (live(q.state.data) ? 1000 : false),
  });
}

/**
 * A page of the run's pairs, each side named, the reasons in the account's language; `search` (a
 * name or a country code) covers the whole run.
 */
export function usePairs(runId: string, page: number, search: string) {
  const worded = useWorded(['coordinate', 'pairs', runId, page, search]);
  return useQuery({
    queryKey: worded.queryKey,
    enabled: worded.enabled,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/matching-runs/{id}/matches', {
          params: {
            path: { id: runId },
            query: { ...paging(page, 50), ...(search ? { q: search } : {}) },
          },
        }),
      ),
    placeholderData: worded.keepPreviousPage,
  });
}

/** How many people publishing would tell, asked when the confirmation opens. */
export function usePublishPreview(runId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['coordinate', 'publish-preview', runId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/matching-runs/{id}/publish-preview', {
          params: { path: { id: runId } },
        }),
      ),
    enabled,
    staleTime: 0,
  });
}

export function useUnmatched(runId: string, reason: string | null) {
  return useQuery({
    queryKey: ['coordinate', 'unmatched', runId, reason],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/matching-runs/{id}/unmatched', {
          params: {
            path: { id: runId },
            query: { ...paging(1, 100), reason: reason as Unmatched['reason'] },
          },
        }),
      ),
    enabled: reason !== null,
  });
}

export function useConstraint(roundId: string) {
  return useMutation({
    mutationFn: async (body: { type: 'pin' | 'forbid'; userIds: string[] }) =>
      unwrap(
        await api.POST('/api/v1/penpal-rounds/{id}/constraints', {
          params: { path: { id: roundId } },
          body,
        }),
      ),
  });
}

export function usePublish(runId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/matching-runs/{id}/publish', { params: { path: { id: runId } } }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['coordinate'] }),
  });
}

export function useCancelMatch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(
        await api.POST('/api/v1/penpal-matches/{id}/cancel', {
          params: { path: { id } },
          body: {},
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['coordinate', 'pairs'] }),
  });
}
