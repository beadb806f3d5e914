import type { components, paths } from '../../api/schema';
import { accessTokenFor, ApiError, NetworkError, type Problem } from '../../app/api';

export type Asset = components['schemas']['AssetResponseDto'];
export type AssetRole = components['schemas']['UploadAssetDto']['role'];

/** The upload route, checked against the generated schema (fetch has no upload progress). */
const UPLOAD: keyof paths = '/api/v1/submissions/{id}/assets';
type UploadOk = paths[typeof UPLOAD]['post']['responses'][201]['content']['application/json'];

interface Sent {
  status: number;
  body: unknown;
}

function send(
  url: string,
  form: FormData,
  token: string | null,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON (a proxy's error page): the status says enough
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new NetworkError('the upload lost its connection'));
    xhr.ontimeout = () => reject(new NetworkError('the upload timed out'));
    xhr.onabort = () => reject(new NetworkError('the upload was stopped'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}

/**
 * Uploads one file to an entry with its role, reporting progress from 0 to 1. Throws
 * NetworkError when the connection drops (the caller offers to try again) and ApiError with the
 * API's problem (413, 415, 409 QUOTA_EXCEEDED, 507...) otherwise.
 */
export async function uploadAsset(
  submissionId: string,
  role: AssetRole,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadOk> {
  const url = `${window.location.origin}${UPLOAD.replace('{id}', encodeURIComponent(submissionId))}`;
  const form = () => {
    const f = new FormData();
    f.append('role', role); // the API reads the role before the file
    f.append('file', file, file.name);
    return f;
  };
  let sent = await send(url, form(), await accessTokenFor(), onProgress, signal);
  if (sent.status === 401) {
    onProgress(0);
    sent = await send(url, form(), await accessTokenFor(true), onProgress, signal);
  }
  if (sent.status === 201) return sent.body as UploadOk;
  const problem = (sent.body ?? {}) as Partial<Problem>;
  throw new ApiError({
    status: sent.status,
    code: problem.code ?? `HTTP_${sent.status}`,
    detail: problem.detail,
    errors: problem.errors,
  });
}
