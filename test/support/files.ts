/**
 * Small files an upload's sniffer accepts, shared by the e2e suites and the browser tests (no
 * Nest imports here: Playwright loads this file too).
 */

/** Bytes an upload's sniffer takes for an MP4 video (an ftyp box, then filler). */
export const mp4 = (size: number) => {
  const b = Buffer.alloc(size, 3);
  Buffer.from([0, 0, 0, 0x20]).copy(b, 0);
  Buffer.from('ftypisom').copy(b, 4);
  return b;
};

/** A real 1×1 PNG image. */
export const png = () =>
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
