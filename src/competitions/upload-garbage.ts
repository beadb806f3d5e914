import { minorGc } from '../common/garbage-collection';

/**
 * Each piece of a request body reaches us as a new buffer of up to 64 KB outside V8's heap, and
 * its memory comes back only when a young-generation collection finds it dead. The pipeline
 * makes only a few KB of heap garbage per piece, so a young generation of a few MB lets tens of
 * MB of dead pieces pile up between collections (the API's RSS during an upload grows with the
 * semi-space size). Collecting the young generation every UPLOAD_GC_BYTES of upload bytes keeps
 * that pile small whatever the semi-space size, for a scavenge (well under a millisecond when
 * little survives) per few MB written to disk.
 */
export const UPLOAD_GC_BYTES = 4 * 1024 * 1024;

let pending = 0;

/** Counts `bytes` of upload that passed through; past UPLOAD_GC_BYTES, frees the dead pieces. */
export function uploadedBytes(bytes: number): void {
  pending += bytes;
  if (pending < UPLOAD_GC_BYTES) return;
  pending = 0;
  minorGc?.();
}
