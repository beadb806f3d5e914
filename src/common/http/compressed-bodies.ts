import { brotliCompressSync, crc32, gzipSync } from 'node:zlib';

type Compress = (input: Buffer, options?: object) => Buffer;

/** A compressed body, with the exact input it came from: a checksum alone could name another. */
interface Entry {
  compress: Compress;
  options: object | undefined;
  input: Buffer;
  output: Buffer;
}

/**
 * Compressed bodies by their exact input, for the answers that repeat unchanged between writes (a
 * judge's list of assignments is the same until a score is saved): brotli took ~0.76 M
 * instructions for one such list of 17.9 kB, the look-up a checksum and a comparison. Nothing to
 * invalidate: an entry answers only an input equal byte for byte, compressed the same way, and
 * compression is deterministic, so a hit is exactly what compressing again would give. Bounded by
 * the bytes held (inputs and outputs), least recently used out first.
 */
export class CompressedBodies {
  /** By crc32 and length; a Map iterates oldest first, and a hit is moved to the end. */
  private readonly entries = new Map<number, Entry>();
  private held = 0;
  /** How many inputs were compressed (found in none of the entries). */
  compressed = 0;

  constructor(private readonly maxBytes: number) {}

  get bytes(): number {
    return this.held;
  }

  get size(): number {
    return this.entries.size;
  }

  compress(compress: Compress, input: Buffer, options: object | undefined, seed: number): Buffer {
    // crc32 (seeded per encoding) is 32 bits, a body here at most the plugin's sync threshold:
    // together one safe integer.
    const key = crc32(input, seed) * 2 ** 21 + (input.length % 2 ** 21);
    const found = this.entries.get(key);
    if (
      found &&
      found.compress === compress &&
      found.options === options &&
      found.input.equals(input)
    ) {
      this.entries.delete(key);
      this.entries.set(key, found);
      return found.output;
    }
    const output = compress(input, options);
    this.compressed++;
    if (found) this.drop(key, found);
    const size = input.length + output.length;
    if (size > this.maxBytes / 8) return output;
    // A copy: the caller's Buffer may be a view on a larger pooled one, which would stay held.
    this.entries.set(key, { compress, options, input: Buffer.from(input), output });
    this.held += size;
    for (const [oldKey, old] of this.entries) {
      if (this.held <= this.maxBytes) break;
      this.drop(oldKey, old);
    }
    return output;
  }

  private drop(key: number, entry: Entry) {
    this.entries.delete(key);
    this.held -= entry.input.length + entry.output.length;
  }
}

/**
 * The `zlib` option of @fastify/compress: its synchronous path (bodies up to its syncThreshold)
 * calls these with the body as a Buffer and the registration's options; all else (streams,
 * deflate, the headers, Accept-Encoding) stays the plugin's and Node's.
 */
export function cachingZlib(bodies: CompressedBodies) {
  return {
    brotliCompressSync: (input: Buffer, options?: object) =>
      bodies.compress(brotliCompressSync, input, options, 0),
    gzipSync: (input: Buffer, options?: object) => bodies.compress(gzipSync, input, options, 1),
  };
}
