import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api, unwrap } from '../../app/api';
import { isSignedIn, useSignedIn } from '../../app/session';

export type Me = components['schemas']['MeDto'];
export type ProfileInput = components['schemas']['ProfileDto'];

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

/** The profile as PUT /me/profile takes it back (the API replaces the whole profile). */
export function profileInput(me: Me, changes: Partial<ProfileInput> = {}): ProfileInput | null {
  const p = me.profile;
  if (!p) return null;
  const g = me.guardianConsent;
  const input: ProfileInput = {
    country: p.country as ProfileInput['country'],
    dateOfBirth: p.dateOfBirth,
    languages: p.languages,
    interests: p.interests,
    ...(p.gender ? { gender: p.gender as ProfileInput['gender'] } : {}),
    ...(p.institution ? { institution: p.institution } : {}),
    ...(p.city ? { city: p.city } : {}),
    ...(p.bio ? { bio: p.bio } : {}),
    ...(p.timezone ? { timezone: p.timezone } : {}),
    ...(g.guardianName && g.guardianEmail
      ? { guardian: { name: g.guardianName, email: g.guardianEmail } }
      : {}),
  };
  return { ...input, ...changes };
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
  if (!me || me.locale === locale) return;
  const body = profileInput(me, { locale: locale as ProfileInput['locale'] });
  if (!body) return;
  const saved = unwrap(await api.PUT('/api/v1/me/profile', { body }));
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
