import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { components } from '../../api/schema';
import { api, unwrap } from '../../app/api';
import type { Locale } from '../../app/locales';
import { UNREAD_LETTERS_KEY } from './unread';

export type Letter = components['schemas']['LetterDto'];
export type Written = components['schemas']['WrittenLetterDto'];
export type ReportReason = components['schemas']['ReportLetterDto']['reason'];

/** The API's limit on a letter's body (WriteLetterDto). */
export const MAX_LETTER_LENGTH = 20_000;
/** Letters per page: a thread opens with the newest few; older ones load on request. */
const PAGE_SIZE = 20;

/**
 * `?page=&pageSize=`: the OpenAPI document types these query numbers as objects (a Nest
 * Swagger quirk of the shared page DTO), so they are passed through untyped here.
 */
const paging = (page: number, pageSize: number) =>
  ({ page, pageSize }) as unknown as { page: never; pageSize: never };

const lettersKey = (matchId: string) => ['letters', 'thread', matchId] as const;

/**
 * A match's letters, oldest first (the API pages newest first): the newest page at once, older
 * pages when asked for. Letters seen on two pages (new ones arrived meanwhile) appear once.
 */
export function useThread(matchId: string) {
  const query = useInfiniteQuery({
    queryKey: lettersKey(matchId),
    initialPageParam: 1,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/penpal-matches/{id}/letters', {
          params: { path: { id: matchId }, query: paging(pageParam, PAGE_SIZE) },
        }),
      ),
    getNextPageParam: (last) =>
      last.page * last.pageSize < last.total ? last.page + 1 : undefined,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
  const seen = new Set<string>();
  const letters: Letter[] = [];
  for (const page of query.data?.pages ?? [])
    for (const letter of page.items)
      if (!seen.has(letter.id)) {
        seen.add(letter.id);
        letters.push(letter);
      }
  letters.reverse();
  return { ...query, letters };
}

/** Marks the thread's letters read once it shows one unread letter from the pen pal. */
export function useMarkThreadRead(matchId: string, letters: Letter[]) {
  const client = useQueryClient();
  const unread = letters.some((l) => l.from === 'penpal' && !l.readAt);
  useEffect(() => {
    if (!unread) return;
    let live = true;
    void api
      .POST('/api/v1/penpal-matches/{id}/letters/read', { params: { path: { id: matchId } } })
      .then(() => {
        if (!live) return;
        void client.invalidateQueries({ queryKey: UNREAD_LETTERS_KEY });
      });
    return () => {
      live = false;
    };
  }, [unread, matchId, client]);
}

export function useWrite(matchId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: { body: string; language?: string }) =>
      unwrap(
        await api.POST('/api/v1/penpal-matches/{id}/letters', {
          params: { path: { id: matchId } },
          body,
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: lettersKey(matchId) }),
  });
}

export function useReport(matchId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({
      letterId,
      reason,
      detail,
    }: {
      letterId: string;
      reason: ReportReason;
      detail?: string;
    }) =>
      unwrap(
        await api.POST('/api/v1/letters/{id}/report', {
          params: { path: { id: letterId } },
          body: { reason, ...(detail ? { detail } : {}) },
        }),
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: lettersKey(matchId) });
      void client.invalidateQueries({ queryKey: UNREAD_LETTERS_KEY });
    },
  });
}

export function useEndMatch(matchId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (reason?: string) =>
      unwrap(
        await api.POST('/api/v1/penpal-matches/{id}/end', {
          params: { path: { id: matchId } },
          body: reason ? { reason } : {},
        }),
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['penpals'] });
      void client.invalidateQueries({ queryKey: lettersKey(matchId) });
    },
  });
}

/** Conversation starters for an empty letter: for one interest tag, or general ones. */
export function usePrompts(locale: Locale, interest?: string) {
  return useQuery({
    queryKey: ['letter-prompts', locale, interest ?? ''],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/letter-prompts', {
          params: { query: { locale, ...(interest ? { interest } : {}) } },
        }),
      ),
    staleTime: Infinity,
  });
}

const draftKey = (matchId: string) => `kenal.letter-draft.${matchId}`;

function readDraft(matchId: string): string {
  try {
    return localStorage.getItem(draftKey(matchId)) ?? '';
  } catch {
    return '';
  }
}

/**
 * The letter being written, kept in this browser (per match) so that it survives a reload or a
 * lost connection; `clear` after it was sent.
 */
export function useDraft(matchId: string) {
  const [text, setText] = useState(() => readDraft(matchId));
  const change = (value: string) => {
    setText(value);
    try {
      if (value) localStorage.setItem(draftKey(matchId), value);
      else localStorage.removeItem(draftKey(matchId));
    } catch {
      // Storage full or blocked (private mode): the draft lives in the page only.
    }
  };
  return { text, change, clear: () => change('') };
}
