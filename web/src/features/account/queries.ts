import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api, unwrap } from '../../app/api';
import { isSignedIn, useSignedIn } from '../../app/session';

export type Me = components['schemas']['MeDto'];
export type ProfileInput = components['schemas']['ProfileDto'];
type LocaleInput = components['schemas']['LocaleDto'];

export const ME_KEY = ['me'] as const;

/** The signed-in person (account, profile, guardian consent); disabled when signed out. */
export function useMe() {
  const signedIn = useSignedIn();
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => unwrap(await api.GET('/api/v1/me')),
    enabled: signedIn,
  });
}

export function useSaveProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: ProfileInput) => unwrap(await api.PUT('/api/v1/me/profile', { body })),
    onSuccess: (me) => client.setQueryData(ME_KEY, me),
  });
}

/**
 * Saves the language to the account so that emails follow it. The API keeps `locale` with the
 * profile: without a profile yet, the profile form sends it when it is first saved.
 */
export async function saveLocaleToAccount(
  client: ReturnType<typeof useQueryClient>,
  locale: string,
): Promise<void> {
  if (!isSignedIn()) return;
  const me = client.getQueryData<Me>(ME_KEY);
  if (me && me.locale === locale) return;
  const body = { locale: locale as LocaleInput['locale'] };
  const saved = unwrap(await api.PUT('/api/v1/me/locale', { body }));
  client.setQueryData(ME_KEY, saved);
}

/** Emails the guardian a fresh consent link. */
export function useResendConsent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/me/guardian-consent/resend')),
    onSuccess: (me) => client.setQueryData(ME_KEY, me),
  });
}
