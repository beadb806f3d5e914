import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api';
import { ME_KEY } from '../account/queries';

/** Confirms the address with the token from the emailed link. */
export function useVerifyEmail(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/auth/verify-email/{token}', { params: { path: { token } } })),
    // A /me answer still on its way was asked before the address was confirmed: drop it, ask again.
    onSuccess: async () => {
      await client.cancelQueries({ queryKey: ME_KEY });
      await client.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}

/** Emails a new link (earlier links stop working). */
export function useResendVerification() {
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/auth/verify-email')),
  });
}
