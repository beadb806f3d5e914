import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components, operations } from '../../api/schema';
import { api, unwrap } from '../../app/api';
import type { FileAnswer } from '../staff/AssetView';

export type Competition = components['schemas']['CompetitionResponseDto'];
export type CompetitionInput = components['schemas']['CreateCompetitionDto'];
export type CompetitionChange = components['schemas']['UpdateCompetitionDto'];
export type EntryPage = components['schemas']['SubmissionListPageDto'];
export type EntryRow = components['schemas']['SubmissionListItemDto'];
export type Entry = components['schemas']['SubmissionResponseDto'];
export type EntryFilters = Omit<
  NonNullable<operations['CompetitionsController_list']['parameters']['query']>,
  'page' | 'pageSize' | 'format'
>;

/** `?page=&pageSize=` are typed as objects by the OpenAPI document (see coordinate/queries.ts). */
const paging = (page: number, pageSize: number) =>
  ({ page, pageSize }) as unknown as { page: never; pageSize: never };

export function useProgrammeCompetitions(programmeId: string) {
  return useQuery({
    queryKey: ['coordinate', 'competitions', programmeId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/programmes/{id}/competitions', {
          params: { path: { id: programmeId }, query: paging(1, 100) },
        }),
      ),
  });
}

export function useCompetition(id: string) {
  return useQuery({
    queryKey: ['coordinate', 'competition', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/competitions/{id}', { params: { path: { id } } })),
  });
}

export function useCreateCompetition(programmeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: CompetitionInput) =>
      unwrap(
        await api.POST('/api/v1/programmes/{id}/competitions', {
          params: { path: { id: programmeId } },
          body,
        }),
      ),
    onSuccess: () =>
      client.invalidateQueries({ queryKey: ['coordinate', 'competitions', programmeId] }),
  });
}

export function useUpdateCompetition(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: CompetitionChange) =>
      unwrap(await api.PATCH('/api/v1/competitions/{id}', { params: { path: { id } }, body })),
    onSuccess: (competition) => {
      client.setQueryData(['coordinate', 'competition', id], competition);
      void client.invalidateQueries({ queryKey: ['coordinate', 'competitions'] });
    },
  });
}

export const ENTRY_PAGE_SIZE = 25;

export function useEntries(id: string, filters: EntryFilters, page: number) {
  return useQuery({
    queryKey: ['coordinate', 'entries', id, filters, page],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/competitions/{id}/submissions', {
          params: { path: { id }, query: { ...paging(page, ENTRY_PAGE_SIZE), ...filters } },
          parseAs: 'json',
        }),
      ) as EntryPage,
    placeholderData: keepPreviousData,
  });
}

/**
 * The CSV export under the same filters, fetched with the coordinator's token (a plain link
 * would carry none) and handed to the browser as a file download.
 */
export async function downloadEntriesCsv(id: string, filters: EntryFilters): Promise<void> {
  const res = await api.GET('/api/v1/competitions/{id}/submissions', {
    params: { path: { id }, query: { ...filters, format: 'csv' } },
    parseAs: 'blob',
  });
  if (!res.response.ok) unwrap(res);
  const blob = res.data as unknown as Blob;
  const name =
    /filename="([^"]+)"/.exec(res.response.headers.get('content-disposition') ?? '')?.[1] ??
    'entries.csv';
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export function useEntry(id: string) {
  return useQuery({
    queryKey: ['coordinate', 'entry', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/submissions/{id}', { params: { path: { id } } })),
  });
}

/** A file of the entry, through the entry (the programme's coordinators may read it), for AssetView. */
export const entryFile = (entryId: string, assetId: string) => () =>
  api.GET('/api/v1/submissions/{id}/assets/{assetId}', {
    params: { path: { id: entryId, assetId } },
    parseAs: 'blob',
  }) as Promise<FileAnswer>;

export function useGrantExtension(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: components['schemas']['ExtensionDto']) =>
      unwrap(
        await api.POST('/api/v1/submissions/{id}/extension', { params: { path: { id } }, body }),
      ),
    onSuccess: (entry) => {
      client.setQueryData(['coordinate', 'entry', id], entry);
      void client.invalidateQueries({ queryKey: ['coordinate', 'entries'] });
    },
  });
}
