import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api';
import { useSignedIn } from '../../app/session';
import { useWorded } from '../account/queries';

const INBOX_KEY = ['inbox'] as const;

/** How many notifications are unread: polled lightly (every minute, and when the tab comes back). */
export function useUnreadCount() {
  const signedIn = useSignedIn();
  return useQuery({
    queryKey: [...INBOX_KEY, 'unread'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/me/notifications', {
          params: { query: { unread: true, pageSize: 1 } },
        }),
      ).unread,
    enabled: signedIn,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

/** The latest notifications, written in the account's language. */
export function useInbox() {
  const client = useQueryClient();
  const { queryKey, enabled } = useWorded([...INBOX_KEY, 'list']);
  return useQuery({
    queryKey,
    enabled,
    queryFn: async () => {
      const page = unwrap(
        await api.GET('/api/v1/me/notifications', {
          params: { query: { pageSize: 50 } },
        }),
      );
      // The header's count follows what the list just said.
      client.setQueryData([...INBOX_KEY, 'unread'], page.unread);
      return page;
    },
    refetchOnWindowFocus: true,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: INBOX_KEY }),
  });
}
