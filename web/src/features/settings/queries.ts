import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, unwrap } from '../../app/api';
import { endSession } from '../../app/session';

/**
 * Downloads everything Kenal holds about me as a JSON file: fetched with the access token (a
 * plain link would not carry it), then handed to the browser as a file.
 */
export function useExportMyData() {
  return useMutation({
    mutationFn: async () => {
      const result = await api.GET('/api/v1/me/export', { parseAs: 'blob' });
      const blob = unwrap(result) as Blob;
      const disposition = result.response.headers.get('content-disposition') ?? '';
      const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? 'kenal-my-data.json';
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return name;
    },
  });
}

/**
 * After the account or every session ended: the page navigates away first (so a signed-in-only
 * page does not send the visitor to sign in), then forgets the session with this.
 */
export function useForgetSession() {
  const client = useQueryClient();
  return useCallback(() => {
    endSession();
    client.clear();
  }, [client]);
}

/** Ends every session of mine (this one too). */
export function useSignOutEverywhere() {
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/auth/logout-all')),
  });
}

/** Closes my account for good (the password confirms it is really me). */
export function useDeleteAccount() {
  return useMutation({
    mutationFn: async (password: string) =>
      unwrap(await api.DELETE('/api/v1/me', { body: { password } })),
  });
}
