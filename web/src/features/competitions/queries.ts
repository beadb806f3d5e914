import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components, paths } from '../../api/schema';
import { api, ApiError, unwrap } from '../../app/api';
import { useSignedIn } from '../../app/session';

export type Competition = components['schemas']['CompetitionResponseDto'];
export type Team = components['schemas']['TeamResponseDto'];
export type Submission = components['schemas']['SubmissionResponseDto'];
export type SubmissionUpdate = components['schemas']['UpdateSubmissionDto'];
export type Version = components['schemas']['SubmissionVersionDto'];
export type MySubmission = components['schemas']['MySubmissionDto'];
export type MyTeam = components['schemas']['MyTeamDto'];
export type CompetitionListing = components['schemas']['CompetitionListingDto'];
type ListQuery = NonNullable<
  NonNullable<paths['/api/v1/competitions']['get']['parameters']['query']>
>;

const path = (id: string) => ({ params: { path: { id } } });

export function useCompetitionList(query: ListQuery) {
  return useQuery({
    queryKey: ['competitions', query],
    queryFn: async () => unwrap(await api.GET('/api/v1/competitions', { params: { query } })),
    placeholderData: (previous) => previous,
  });
}

export function useCompetition(id: string) {
  return useQuery({
    queryKey: ['competition', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/competitions/{id}', path(id))),
  });
}

/** Published results, or null while there are none to show (the API answers 404 or 403 then). */
export function useResults(id: string) {
  return useQuery({
    queryKey: ['competition', id, 'results'],
    queryFn: async () => {
      try {
        const results = unwrap(await api.GET('/api/v1/competitions/{id}/results', path(id)));
        return results.publishedAt ? results : null;
      } catch (err) {
        if (err instanceof ApiError && err.problem.status < 500) return null;
        throw err;
      }
    },
  });
}

export function useCreateTeam(competitionId: string) {
  return useMutation({
    mutationFn: async (name: string) =>
      unwrap(
        await api.POST('/api/v1/competitions/{id}/teams', {
          ...path(competitionId),
          body: { name },
        }),
      ),
  });
}

export function useTeam(id: string) {
  return useQuery({
    queryKey: ['team', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/teams/{id}', path(id))),
  });
}

export function useUpdateTeam(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: components['schemas']['UpdateTeamDto']) =>
      unwrap(await api.PATCH('/api/v1/teams/{id}', { ...path(id), body })),
    onSuccess: (team) => client.setQueryData(['team', id], team),
  });
}

export function useInvite(teamId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (email: string) =>
      unwrap(
        await api.POST('/api/v1/teams/{id}/invitations', { ...path(teamId), body: { email } }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['team', teamId] }),
  });
}

export function useInvitation(token: string) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/team-invitations/{token}', { params: { path: { token } } })),
    retry: false,
  });
}

export function useAnswerInvitation(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (accept: boolean) => {
      const options = { params: { path: { token } } };
      if (accept) return unwrap(await api.POST('/api/v1/team-invitations/{token}/accept', options));
      await unwrap(await api.POST('/api/v1/team-invitations/{token}/decline', options));
      return null;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['invitation', token] }),
  });
}

export function useMySubmissions() {
  const signedIn = useSignedIn();
  return useQuery({
    queryKey: ['my-submissions'],
    queryFn: async () => unwrap(await api.GET('/api/v1/me/submissions')),
    enabled: signedIn,
  });
}

/** My teams across competitions (with or without an entry), so a team is found without its link. */
export function useMyTeams() {
  const signedIn = useSignedIn();
  return useQuery({
    queryKey: ['my-teams'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/me/teams', { params: { query: { pageSize: 100 } } })),
    enabled: signedIn,
  });
}

export function useStartEntry(competitionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: { teamId: string; title: string }) =>
      unwrap(
        await api.POST('/api/v1/competitions/{id}/submissions', { ...path(competitionId), body }),
      ),
    onSuccess: (s) => {
      client.setQueryData(['submission', s.id], s);
      void client.invalidateQueries({ queryKey: ['my-teams'] });
      return client.invalidateQueries({ queryKey: ['my-submissions'] });
    },
  });
}

export function useSubmission(id: string) {
  return useQuery({
    queryKey: ['submission', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/submissions/{id}', path(id))),
  });
}

export async function fetchSubmission(id: string): Promise<Submission> {
  return unwrap(await api.GET('/api/v1/submissions/{id}', path(id)));
}

export async function saveSubmission(id: string, body: SubmissionUpdate): Promise<Submission> {
  return unwrap(await api.PATCH('/api/v1/submissions/{id}', { ...path(id), body }));
}

export function useVersions(id: string) {
  return useQuery({
    queryKey: ['submission', id, 'versions'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/submissions/{id}/versions', {
          params: { path: { id } },
        }),
      ),
  });
}

export async function fetchVersions(id: string): Promise<Version[]> {
  const page = unwrap(
    await api.GET('/api/v1/submissions/{id}/versions', {
      params: { path: { id } },
    }),
  );
  return page.items;
}

/** Submits once per key: a retry after a dropped answer gets the stored answer, not a second submit. */
export function useSubmit(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (idempotencyKey: string) =>
      unwrap(
        await api.POST('/api/v1/submissions/{id}/submit', {
          params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } },
        }),
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['submission', id] });
      void client.invalidateQueries({ queryKey: ['my-submissions'] });
    },
  });
}

export function useWithdraw(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/submissions/{id}/withdraw', path(id))),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['submission', id] });
      void client.invalidateQueries({ queryKey: ['my-submissions'] });
    },
  });
}

export function useRemoveAsset(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (assetId: string) =>
      unwrap(
        await api.DELETE('/api/v1/submissions/{id}/assets/{assetId}', {
          params: { path: { id, assetId } },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['submission', id] }),
  });
}
