import { createHash } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';
import { AppError } from '../common/errors/app-error';
import { ACCEPTED_TYPES, acceptedFor, AssetRole, sniff, SNIFF_BYTES } from './rules/sniff';
import { uploadedBytes } from './upload-garbage';

export const formatBytes = (n: number): string => {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1 && value % 1024 === 0) {
    value /= 1024;
    unit += 1;
  }
  return `${value} ${units[unit]}`;
};

export const tooLarge = (limit: number) =>
  new AppError(
    413,
    'PAYLOAD_TOO_LARGE',
    `The file is larger than this competition's upload limit of ${formatBytes(limit)} (${limit} bytes)`,
  );

export const wrongType = (role: AssetRole, found: string | null) =>
  new AppError(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    `A ${role} must be ${ACCEPTED_TYPES[role].join(', ')}; the content of this file is ${found ?? 'none of these'}`,
  );

/**
 * Sits between the request and the store: counts bytes against the limit, hashes, and decides
 * the type from the first bytes, failing the stream the moment a rule is broken so the upload
 * stops there and its partial file is removed.
 */
export class UploadInspector extends Transform {
  bytes = 0;
  mime: string | null = null;
  private readonly hash = createHash('sha256');
  private head: Buffer[] = [];
  private headLength = 0;
  private decided = false;

  /** `overLimit` is the error once more than `maxBytes` arrived (default: the file's own limit). */
  constructor(
    private readonly role: AssetRole,
    private readonly maxBytes: number,
    private readonly overLimit: () => AppError = () => tooLarge(maxBytes),
  ) {
    super();
    // Its errors reach the caller through storage.put's pipeline, which may attach only after
    // bytes already flow (a stored file read back starts at once): without a listener of its own
    // an early error (the wrong type, in the first piece) would be an uncaught 'error' event.
    this.on('error', () => undefined);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) return done(this.overLimit());
    this.hash.update(chunk);
    uploadedBytes(chunk.length);
    if (!this.decided) {
      this.head.push(chunk);
      this.headLength += chunk.length;
      if (this.headLength >= SNIFF_BYTES) {
        const error = this.decide();
        if (error) return done(error);
      }
    }
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    done(this.decided ? null : this.decide());
  }

  private decide(): AppError | null {
    this.decided = true;
    this.mime = sniff(Buffer.concat(this.head));
    this.head = [];
    return acceptedFor(this.role, this.mime) ? null : wrongType(this.role, this.mime);
  }

  get sha256(): string {
    return this.hash.copy().digest('hex');
  }
}
