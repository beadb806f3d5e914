import { useLingui } from '@lingui/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
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

/*
 * Some answers the API words itself in the account's language, read at each request (pen-pal and
 * mentoring reasons, notifications). Their keys end with the page's language, so that a switch
 * shows loading rather than the old language in the new one's fonts; and they wait while the new
 * language is on its way to the account, or the API would answer in the old one again.
 */
let localeSaves = 0;
const localeSaveListeners = new Set<() => void>();
const onLocaleSaves = (listener: () => void) => {
  localeSaveListeners.add(listener);
  return () => void localeSaveListeners.delete(listener);
};

/**
 * Runs a language switch (the page's, then the account's copy): worded queries wait until it
 * ends, and then ask even if the save failed (the API words in the account's old language then).
 */
export async function whileLocaleChanges(change: () => Promise<void>): Promise<void> {
  const notify = () => localeSaveListeners.forEach((listener) => listener());
  localeSaves += 1;
  notify();
  try {
    await change();
  } finally {
    localeSaves -= 1;
    notify();
  }
}

/**
 * The key and `enabled` of a query whose answer the API words in the account's language, and
 * its keepPreviousData: the previous page while the next loads, never one in another language.
 */
export function useWorded<K extends readonly unknown[]>(key: K, enabled = true) {
  const locale = useLingui().i18n.locale;
  const changing = useSyncExternalStore(onLocaleSaves, () => localeSaves > 0);
  return {
    queryKey: [...key, locale] as const,
    enabled: enabled && !changing,
    keepPreviousPage: <T>(previous: T | undefined, query?: { queryKey: readonly unknown[] }) =>
      query?.queryKey.at(-1) === locale ? previous : undefined,
  };
}

/** Emails the guardian a fresh consent link. */
export function useResendConsent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/me/guardian-consent/resend')),
    onSuccess: (me) => client.setQueryData(ME_KEY, me),
  });
}
