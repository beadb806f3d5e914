import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api, unwrap } from '../../app/api';
import type { FileAnswer } from '../staff/AssetView';

export type Assignment = components['schemas']['MyAssignmentDto'];
export type Criterion = components['schemas']['RubricCriterionDto'];

const MINE = ['judging', 'assignments'] as const;
const one = (id: string) => ['judging', 'assignment', id] as const;

/** The judge's assignments across rounds (the API lists the live ones). */
export function useMyAssignments() {
  return useQuery({
    queryKey: MINE,
    queryFn: async () => unwrap(await api.GET('/api/v1/me/assignments')),
  });
}

export function useAssignment(id: string) {
  return useQuery({
    queryKey: one(id),
    queryFn: () => fetchAssignment(id),
  });
}

export interface ScoreInput {
  scores: Record<string, number>;
  comment: string;
  final: boolean;
  version: number;
}

/** Saves a draft or a final score over the version the judge edited (a stale one → 409). */
export function useSaveScore(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: ScoreInput) =>
      unwrap(
        await api.PUT('/api/v1/assignments/{id}/score', {
          params: { path: { id } },
          body: { ...body, comment: body.comment || null },
        }),
      ),
    onSuccess: (saved) => {
      client.setQueryData(one(id), saved);
      void client.invalidateQueries({ queryKey: MINE });
    },
  });
}

/** The score as it is on the server now (after a 409), without replacing what the judge typed. */
export async function fetchAssignment(id: string): Promise<Assignment> {
  return unwrap(await api.GET('/api/v1/assignments/{id}', { params: { path: { id } } }));
}

export function useRecuse(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (reason: string) =>
      unwrap(
        await api.POST('/api/v1/assignments/{id}/recuse', {
          params: { path: { id } },
          body: { reason },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['judging'] }),
  });
}

export type ConflictsInput = components['schemas']['ConflictsDto'];

export function useDeclareConflict(competitionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: ConflictsInput) =>
      unwrap(
        await api.POST('/api/v1/competitions/{id}/judges/me/conflicts', {
          params: { path: { id: competitionId } },
          body,
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['judging'] }),
  });
}

/** A file of the assignment's entry, for AssetView. */
export const assignmentFile = (assignmentId: string, assetId: string) => () =>
  api.GET('/api/v1/assignments/{id}/assets/{assetId}', {
    params: { path: { id: assignmentId, assetId } },
    parseAs: 'blob',
  }) as Promise<FileAnswer>;
