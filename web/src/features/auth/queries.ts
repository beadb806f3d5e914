import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api, ApiError, unwrap } from '../../app/api';
import { activateLocale } from '../../app/i18n';
import { isLocale } from '../../app/locales';
import { startSession } from '../../app/session';

type AuthResponse = components['schemas']['AuthResponseDto'];

export function useStartSession() {
  const client = useQueryClient();
  return async (auth: AuthResponse) => {
    client.clear();
    startSession(auth);
    // The language saved on the account wins over this browser's guess.
    if (isLocale(auth.user.locale)) await activateLocale(auth.user.locale);
  };
}

export function useSignIn() {
  const start = useStartSession();
  return useMutation({
    mutationFn: async (body: components['schemas']['LoginDto']) => {
      const result = await api.POST('/api/v1/auth/login', { body });
      try {
        return unwrap(result);
      } catch (err) {
        // The API answers an unknown email and a wrong password alike: say that, not "sign in again".
        if (err instanceof ApiError && err.problem.status === 401) {
          throw new ApiError({ ...err.problem, code: 'INVALID_CREDENTIALS' });
        }
        throw err;
      }
    },
    onSuccess: start,
  });
}

export function useSignUp() {
  const start = useStartSession();
  return useMutation({
    mutationFn: async (body: components['schemas']['RegisterDto']) =>
      unwrap(await api.POST('/api/v1/auth/register', { body })),
    onSuccess: start,
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: async (email: string) =>
      unwrap(await api.POST('/api/v1/auth/password-reset', { body: { email } })),
  });
}

export function useSetPassword(token: string) {
  return useMutation({
    mutationFn: async (password: string) =>
      unwrap(
        await api.POST('/api/v1/auth/password-reset/{token}', {
          params: { path: { token } },
          body: { password },
        }),
      ),
  });
}
