import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api, unwrap } from '../../app/api';
import { useWorded } from '../account/queries';

export type Round = components['schemas']['MyPenpalRoundDto'];
export type Match = components['schemas']['MyPenpalDto'];
export type EnrolInput = components['schemas']['EnrolDto'];

const ROUNDS_KEY = ['penpal-rounds'] as const;
const MATCHES_KEY = ['penpals'] as const;

/** Rounds open for enrolment, and the ones I am in, each with my enrolment. */
export function useRounds() {
  return useQuery({
    queryKey: ROUNDS_KEY,
    queryFn: async () => unwrap(await api.GET('/api/v1/me/penpal-rounds')),
  });
}

/** My published pen pals, the reasons in the account's language. */
export function useMatches() {
  const { queryKey, enabled } = useWorded(MATCHES_KEY);
  return useQuery({
    queryKey,
    queryFn: async () => unwrap(await api.GET('/api/v1/me/penpals')),
    enabled,
  });
}

export function useEnrol(roundId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: EnrolInput) =>
      unwrap(
        await api.POST('/api/v1/penpal-rounds/{id}/enrolments', {
          params: { path: { id: roundId } },
          body,
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ROUNDS_KEY }),
  });
}

export function useWithdraw(roundId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrap(
        await api.DELETE('/api/v1/penpal-rounds/{id}/enrolments/me', {
          params: { path: { id: roundId } },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ROUNDS_KEY }),
  });
}

export function useRespond(matchId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (accept: boolean) =>
      unwrap(
        await api.POST('/api/v1/penpal-matches/{id}/respond', {
          params: { path: { id: matchId } },
          body: { accept },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: MATCHES_KEY }),
  });
}
