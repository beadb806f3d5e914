import { PerformanceObserver, constants, type NodeGCPerformanceDetail } from 'node:perf_hooks';
import { UPLOAD_GC_BYTES, uploadedBytes } from './upload-garbage';

const PIECE = 64 * 1024;

/**
 * Minor collections asked for (V8 flags them forced) while `work` runs; the observer reports after a
 * turn of the loop. Collections V8 makes on its own do not count: in a Jest worker shared with
 * other suites one may fall in the window.
 */
async function minorCollections(work: () => void): Promise<number> {
  let minors = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries() as unknown as { detail: NodeGCPerformanceDetail }[])
      if (
        e.detail.kind === constants.NODE_PERFORMANCE_GC_MINOR &&
        (e.detail.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) !== 0
      )
        minors += 1;
  });
  observer.observe({ entryTypes: ['gc'] });
  work();
  await new Promise((r) => setTimeout(r, 50));
  observer.disconnect();
  return minors;
}

describe('uploadedBytes', () => {
  it('collects the young generation once per UPLOAD_GC_BYTES of upload, not before', async () => {
    // No allocation here: any collection seen is one uploadedBytes asked for.
    const pieces = (4 * UPLOAD_GC_BYTES) / PIECE;
    expect(await minorCollections(() => uploadedBytes(UPLOAD_GC_BYTES - 1))).toBe(0);
    uploadedBytes(1);
    expect(
      await minorCollections(() => {
        for (let i = 0; i < pieces; i += 1) uploadedBytes(PIECE);
      }),
    ).toBe(4);
  });

  it('keeps the dead pieces of a long upload from piling up outside the heap', () => {
    // Like a request body: a new 64 KB buffer per piece, dead once passed on, and little heap
    // garbage beside it. Without the collections the young generation (16 MB semi-spaces by
    // default) lets hundreds of MB of pieces wait for their scavenge.
    // Counted from what the process holds already: in a Jest worker shared with other suites,
    // their buffers (some dead in the old generation until a major collection) count too.
    const before = process.memoryUsage().arrayBuffers;
    let most = 0;
    let sum = 0;
    for (let i = 0; i < (256 * 1024 * 1024) / PIECE; i += 1) {
      const piece = Buffer.allocUnsafeSlow(PIECE);
      piece[0] = i;
      sum += piece[0];
      uploadedBytes(piece.length);
      if (i % 64 === 0) most = Math.max(most, process.memoryUsage().arrayBuffers - before);
    }
    expect(sum).toBeGreaterThan(0);
    expect(most).toBeLessThan(3 * UPLOAD_GC_BYTES);
  });
});
