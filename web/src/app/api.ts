import createClient from 'openapi-fetch';
import type { paths } from '../api/schema';
import { getAccessToken, getRefreshToken, refreshSession, type Tokens } from './session';

/** A problem+json answer from the API (RFC 9457), as src/common/errors/problem.filter.ts writes it. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code: string;
  errors?: { path: string; message: string; code?: string }[];
}

/** Thrown for every answer that is not a success: the page shows it by its `code`. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.code);
  }
}

/** Thrown when the API could not be reached at all (offline, server down). */
export class NetworkError extends Error {}

const baseUrl = typeof window === 'undefined' ? 'http://localhost' : window.location.origin;

/** The plain client for the token exchange itself (no token, no retry). */
const plain = createClient<paths>({ baseUrl });

async function exchange(refreshToken: string): Promise<Tokens | null> {
  const { data, response } = await plain.POST('/api/v1/auth/refresh', { body: { refreshToken } });
  if (data) return { accessToken: data.accessToken, refreshToken: data.refreshToken };
  if (response.status === 401 || response.status === 400) return null;
  throw new NetworkError(`refresh answered ${response.status}`);
}

const withToken = (request: Request): Request => {
  const token = getAccessToken();
  if (token) request.headers.set('authorization', `Bearer ${token}`);
  return request;
};

/** Routes that answer 401 for a reason other than an expired access token. */
const NO_REFRESH = /\/api\/v1\/auth\/(login|refresh|register)$/;

/**
 * Adds the access token; without one (a new tab, a reload) gets one first; on a 401 refreshes
 * once and sends the request again.
 */
async function authFetch(request: Request): Promise<Response> {
  const again = request.clone();
  const canRefresh = !NO_REFRESH.test(new URL(request.url).pathname);
  if (canRefresh && !getAccessToken() && getRefreshToken()) await refreshSession(exchange);
  let response: Response;
  try {
    response = await fetch(withToken(request));
  } catch (err) {
    throw new NetworkError(String(err));
  }
  if (response.status === 401 && canRefresh && getRefreshToken()) {
    if (await refreshSession(exchange)) response = await fetch(withToken(again));
  }
  return response;
}

/** The only way the web app calls the API: typed by the OpenAPI document (src/api/schema.d.ts). */
export const api = createClient<paths>({ baseUrl, fetch: authFetch });

/** The body of a success, or throws ApiError with the problem. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  const error = result.error as Partial<Problem> | undefined;
  throw new ApiError({
    status: result.response.status,
    code: error?.code ?? `HTTP_${result.response.status}`,
    detail: error?.detail,
    errors: error?.errors,
  });
}

/**
 * The access token for a request made outside openapi-fetch (an upload through XMLHttpRequest,
 * for its progress events): gets one first when this tab has none, or a new one with `renew`
 * after a 401.
 */
export async function accessTokenFor(renew = false): Promise<string | null> {
  if ((renew || !getAccessToken()) && getRefreshToken()) await refreshSession(exchange);
  return getAccessToken();
}
