import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../common/errors/app-error';
import { formatBytes, UploadInspector } from './upload-inspector';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const sink = () =>
  new Writable({
    write(_c, _e, cb) {
      cb();
    },
  });
const chunks = (total: number, size: number, first: Buffer) => {
  const out = [first];
  let n = first.length;
  while (n < total) {
    const c = Buffer.alloc(Math.min(size, total - n), 7);
    out.push(c);
    n += c.length;
  }
  return out;
};

describe('UploadInspector', () => {
  it('fails a pipeline attached after it already refused the file, without an uncaught error', async () => {
    // A stored file read back (a finished resumable upload) flows at once, while storage.put
    // first makes its folder: the wrong type is found before the pipeline listens.
    const inspector = new UploadInspector('video', 1_000_000);
    Readable.from(chunks(100_000, 4096, png)).pipe(inspector);
    await new Promise((r) => setTimeout(r, 20));
    expect(inspector.destroyed).toBe(true);
    await expect(pipeline(inspector, sink())).rejects.toMatchObject({
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
  });

  it('passes an accepted file through, with its size and sha256', async () => {
    const parts = chunks(100_000, 4096, png);
    const inspector = new UploadInspector('poster', 1_000_000);
    await pipeline(Readable.from(parts), inspector, sink());
    expect(inspector.bytes).toBe(100_000);
    expect(inspector.mime).toBe('image/png');
    expect(inspector.sha256).toBe(createHash('sha256').update(Buffer.concat(parts)).digest('hex'));
  });

  it('stops at the first byte over the limit with a 413 naming the limit', async () => {
    const inspector = new UploadInspector('poster', 1024 * 1024);
    let read = 0;
    const source = Readable.from(
      (function* () {
        for (const c of chunks(2 * 1024 * 1024, 65536, png)) {
          read += c.length;
          yield c;
        }
      })(),
    );
    const err = await pipeline(source, inspector, sink()).catch((e: AppError) => e);
    expect(err).toBeInstanceOf(AppError);
    expect([(err as AppError).status, (err as AppError).message]).toEqual([
      413,
      expect.stringContaining('1 MB (1048576 bytes)'),
    ]);
    expect(read).toBeLessThan(2 * 1024 * 1024);
  });

  it('refuses content that is not of the role, however it is named', async () => {
    const script = Buffer.from('#!/bin/sh\necho pwned\n'.repeat(10));
    const err = await pipeline(
      Readable.from([script]),
      new UploadInspector('video', 1e6),
      sink(),
    ).catch((e: AppError) => e);
    expect([(err as AppError).status, (err as AppError).code]).toEqual([
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ]);
  });

  it('sniffs a tiny file at its end, and an empty one is refused', async () => {
    const tiny = new UploadInspector('document', 1e6);
    await pipeline(Readable.from([Buffer.from('%PDF-1.4')]), tiny, sink());
    expect(tiny.mime).toBe('application/pdf');
    const empty = new UploadInspector('document', 1e6);
    await expect(pipeline(Readable.from([]), empty, sink())).rejects.toMatchObject({ status: 415 });
  });

  it('formats limits for people', () => {
    expect(formatBytes(1048576)).toBe('1 MB');
    expect(formatBytes(500 * 1024 * 1024)).toBe('500 MB');
    expect(formatBytes(1500)).toBe('1500 bytes');
  });
});
