import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api, unwrap } from '../../app/api';

export type Case = components['schemas']['ModerationCaseDto'];
export type Decision = components['schemas']['DecisionDto'];

const PAGE_SIZE = 20;

/** `?page=&pageSize=`: typed as objects by the OpenAPI document (see coordinate/queries.ts). */
const paging = (page: number) =>
  ({ page, pageSize: PAGE_SIZE }) as unknown as { page: never; pageSize: never };

const casesKey = (programmeId: string) => ['moderation', programmeId] as const;

/** The programme's moderation queue: open cases oldest first, decided ones newest first. */
export function useCases(programmeId: string, status: 'open' | 'decided', page: number) {
  return useQuery({
    queryKey: [...casesKey(programmeId), status, page],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/programmes/{id}/moderation-cases', {
          params: { path: { id: programmeId }, query: { status, ...paging(page) } },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
}

export function useDecide(programmeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ caseId, ...body }: Decision & { caseId: string }) =>
      unwrap(
        await api.POST('/api/v1/moderation-cases/{id}/decision', {
          params: { path: { id: caseId } },
          body,
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: casesKey(programmeId) }),
  });
}
