import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api';

/** Who asks (from the emailed link's token); a used or expired link fails with TOKEN_INVALID. */
export function useConsentDetails(token: string) {
  return useQuery({
    queryKey: ['guardian-consent', token],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/guardian-consents/{token}/details', { params: { path: { token } } }),
      ),
  });
}

export function useConfirmConsent(token: string) {
  return useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/guardian-consents/{token}/confirm', {
          params: { path: { token } },
        }),
      ),
  });
}
