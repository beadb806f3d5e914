import { QueryClient } from '@tanstack/react-query';
import { ApiError, NetworkError } from './api';

/** Retries what may pass on a second try (no connection, a server error), never a refused request. */
const transient = (error: unknown) =>
  error instanceof NetworkError || (error instanceof ApiError && error.problem.status >= 500);

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => count < 4 && transient(error),
      staleTime: 30_000,
      refetchOnWindowFocus: false,
    },
    mutations: {
      retry: (count, error) => count < 2 && error instanceof NetworkError,
    },
  },
});
