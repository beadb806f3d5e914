import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api';
import { useSignedIn } from '../../app/session';

export const UNREAD_LETTERS_KEY = ['letters', 'unread'] as const;

/**
 * How many letters wait unread, in all and per match: polled lightly (every minute, and when the
 * tab comes back), for the header's "Pen pals" link and the list of matches.
 */
export function useUnreadLetters() {
  const signedIn = useSignedIn();
  return useQuery({
    queryKey: UNREAD_LETTERS_KEY,
    queryFn: async () => unwrap(await api.GET('/api/v1/me/letters/unread')),
    enabled: signedIn,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}
