import type { components, paths } from '../../api/schema';
import { accessTokenFor, api, ApiError, NetworkError, type Problem, unwrap } from '../../app/api';

export type Asset = components['schemas']['AssetResponseDto'];
export type AssetRole = components['schemas']['UploadAssetDto']['role'];

/** The route that takes a piece, checked against the generated schema (fetch has no upload progress). */
const PIECE: keyof paths = '/api/v1/uploads/{id}';
type PieceOk = paths[typeof PIECE]['patch']['responses'][200]['content']['application/json'];

/** 1 MiB a request: on a slow phone line a piece takes seconds, and a drop loses at most what is in flight. */
export const PIECE_BYTES = 1024 * 1024;

interface Sent {
  status: number;
  body: unknown;
}

function sendPiece(
  url: string,
  offset: number,
  piece: Blob,
  token: string | null,
  onProgress: (loaded: number) => void,
  signal?: AbortSignal,
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PATCH', url);
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', 'application/offset+octet-stream');
    xhr.setRequestHeader('upload-offset', String(offset));
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
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
    if (signal?.aborted) return xhr.abort();
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(piece);
  });
}

const problemOf = (sent: Sent) => {
  const problem = (sent.body ?? {}) as Partial<Problem>;
  return new ApiError({
    status: sent.status,
    code: problem.code ?? `HTTP_${sent.status}`,
    detail: problem.detail,
    errors: problem.errors,
  });
};

/** Where an unfinished upload of this very file is remembered, so a reload can go on with it. */
const memoryKey = (submissionId: string, role: string, file: File) =>
  `kenal.upload.${submissionId}.${role}.${file.size}.${file.lastModified}.${file.name}`;

/** How far the server has got with an earlier session, or null when it is gone (done, expired). */
async function heldOffset(id: string): Promise<number | null> {
  const { data, response } = await api.GET('/api/v1/uploads/{id}', {
    params: { path: { id } },
  });
  if (response.status === 404 || response.status === 410) return null;
  return unwrap({ data, response }).offset;
}

/**
 * Uploads one file to an entry in pieces, reporting progress from 0 to 1. A dropped connection
 * throws NetworkError, and calling this again with the same file goes on from the bytes the
 * server holds (also after a reload). Throws ApiError with the API's problem (413, 415, 409
 * QUOTA_EXCEEDED, 507...) when the file is refused.
 */
export async function uploadAsset(
  submissionId: string,
  role: AssetRole,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<Asset> {
  const remembered = memoryKey(submissionId, role, file);
  let id = localStorage.getItem(remembered);
  let offset = id ? await heldOffset(id) : null;
  if (id === null || offset === null) {
    const session = unwrap(
      await api.POST('/api/v1/submissions/{id}/uploads', {
        params: { path: { id: submissionId } },
        body: { role, size: file.size, name: file.name },
      }),
    );
    id = session.id;
    offset = 0;
    localStorage.setItem(remembered, id);
  }
  const url = `${window.location.origin}${PIECE.replace('{id}', encodeURIComponent(id))}`;
  let renewed = false;
  for (;;) {
    onProgress(offset / file.size);
    const from = offset;
    const piece = file.slice(from, Math.min(file.size, from + PIECE_BYTES));
    const sent = await sendPiece(
      url,
      from,
      piece,
      await accessTokenFor(renewed),
      (loaded) => onProgress((from + loaded) / file.size),
      signal,
    );
    if (sent.status === 401 && !renewed) {
      renewed = true;
      continue;
    }
    renewed = false;
    if (sent.status === 200) {
      const body = sent.body as PieceOk;
      if (body.asset) {
        localStorage.removeItem(remembered);
        onProgress(1);
        return body.asset;
      }
      offset = body.offset;
      continue;
    }
    const problem = problemOf(sent);
    if (
      problem.problem.code === 'UPLOAD_OFFSET_MISMATCH' ||
      problem.problem.code === 'UPLOAD_BUSY'
    ) {
      // The server holds more (or less) than we thought, or the dropped request is still closing.
      if (problem.problem.code === 'UPLOAD_BUSY') await new Promise((r) => setTimeout(r, 2000));
      const held = await heldOffset(id);
      if (held !== null) {
        offset = held;
        continue;
      }
    }
    // Refused: this session is spent (the API removed it); the next try starts afresh.
    localStorage.removeItem(remembered);
    throw problem;
  }
}

/** An upload of this entry left unfinished in this browser (a reload, a closed tab, a drop). */
export interface Unfinished {
  key: string;
  role: AssetRole;
  name: string;
}

/** The uploads of this entry this browser began and did not finish, by file name. */
export function unfinishedUploads(submissionId: string): Unfinished[] {
  const prefix = `kenal.upload.${submissionId}.`;
  const found: Unfinished[] = [];
  for (let i = 0; i < localStorage.length; i += 1) {
    const key = localStorage.key(i);
    if (!key?.startsWith(prefix)) continue;
    // role.size.lastModified.name (the name may hold dots)
    const [role, , , ...name] = key.slice(prefix.length).split('.');
    found.push({ key, role: role as AssetRole, name: name.join('.') });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** Gives up an unfinished upload: the server deletes what it holds of it (DELETE /uploads/{id}). */
export async function discardUpload(key: string): Promise<void> {
  const id = localStorage.getItem(key);
  if (id === null) return;
  const result = await api.DELETE('/api/v1/uploads/{id}', { params: { path: { id } } });
  // Already gone (finished elsewhere, expired): nothing is left to delete.
  if (result.response.status !== 404 && result.response.status !== 410) unwrap(result);
  localStorage.removeItem(key);
}

/**
 * Gives up the unfinished upload of this file: the server deletes what it holds and the next
 * upload of the file starts from the beginning. Call it once the upload itself has stopped.
 */
export const cancelUpload = (submissionId: string, role: AssetRole, file: File) =>
  discardUpload(memoryKey(submissionId, role, file));
