import type { Readable } from 'node:stream';

/**
 * Where uploaded files live. The competitions module only speaks to this interface, so a store
 * for S3-compatible buckets can replace the local disk by binding another class to the token.
 */
export interface AssetStorage {
  /** Streams `body` under `key`; when the stream fails, nothing is left behind under any name. */
  put(key: string, body: Readable): Promise<void>;
  /** The stored bytes, streamed. */
  get(key: string): Promise<Readable>;
  /** Removes the object; a missing one is not an error. */
  remove(key: string): Promise<void>;
  /**
   * Appends `body` to the object under `key`, which holds `offset` bytes (none yet when 0), for a
   * resumable upload. Bytes that arrived before the stream failed stay, so the client resumes
   * from them; the object never grows past `maxBytes`. Resolves to its new length.
   */
  append(key: string, offset: number, body: Readable, maxBytes: number): Promise<number>;
  /** The object's length in bytes, or null when there is none. */
  size(key: string): Promise<number | null>;
  /** Bytes still free where the files go; null when the store has no such limit (a bucket). */
  freeBytes(): Promise<number | null>;
}

export const ASSET_STORAGE = Symbol('ASSET_STORAGE');

/** `append` was sent more bytes than the object may hold (what fitted is kept). */
export class AppendOverflow extends Error {}
