import {
  brotliCompressSync,
  brotliDecompressSync,
  constants,
  crc32,
  gunzipSync,
  gzipSync,
} from 'node:zlib';
import compress from '@fastify/compress';
import Fastify, { type FastifyInstance } from 'fastify';
import { cachingZlib, CompressedBodies } from './compressed-bodies';

/** A JSON body of about a judge's list of assignments (~18 kB), different for each n. */
const body = (n: number, items = 120) =>
  JSON.stringify(
    Array.from({ length: items }, (_, i) => ({
      id: `${n}-${i}-3f0c2a1e-8b7d-4c55-9e61-0a1b2c3d4e5f`,
      title: `Entry ${i} of round ${n}`,
      scored: i % 3 === 0,
    })),
  );

/**
 * A body of the same length and crc32 as `input` (for any seed) but other bytes: the checksum is
 * affine in the bits, so some set of the low bits of the first 64 bytes, flipped, leaves it as is.
 */
function sameChecksum(input: Buffer): Buffer {
  const zero = Buffer.alloc(input.length);
  const base = crc32(zero);
  // Gaussian elimination over GF(2): each row is a flip's effect on the crc, and the flips it sums.
  const rows: { effect: number; flips: bigint }[] = [];
  for (let bit = 0; bit < 64; bit++) {
    zero[bit] = 1;
    let row = { effect: (crc32(zero) ^ base) >>> 0, flips: 1n << BigInt(bit) };
    zero[bit] = 0;
    for (const r of rows) {
      if ((row.effect ^ r.effect) >>> 0 < row.effect)
        row = { effect: (row.effect ^ r.effect) >>> 0, flips: row.flips ^ r.flips };
    }
    if (row.effect === 0) {
      const out = Buffer.from(input);
      for (let i = 0; i < 64; i++) if ((row.flips >> BigInt(i)) & 1n) out[i] ^= 1;
      return out;
    }
    rows.push(row);
    rows.sort((a, b) => b.effect - a.effect);
  }
  throw new Error('no combination found');
}

async function server(bodies?: CompressedBodies): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(compress, {
    threshold: 1024,
    syncThreshold: 64 * 1024,
    encodings: ['br', 'gzip'],
    ...(bodies ? { zlib: cachingZlib(bodies) } : {}),
    brotliOptions: {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: 2,
        [constants.BROTLI_PARAM_LGWIN]: 16,
      },
    },
  });
  app.get('/body/:n', (req, reply) => {
    void reply.type('application/json; charset=utf-8');
    return Buffer.from(body(Number((req.params as { n: string }).n)));
  });
  return app;
}

describe('CompressedBodies', () => {
  const bodies = new CompressedBodies(1024 * 1024);
  let cached: FastifyInstance;
  let plain: FastifyInstance;
  beforeAll(async () => {
    [cached, plain] = await Promise.all([server(bodies), server()]);
  });
  afterAll(() => Promise.all([cached.close(), plain.close()]));

  const ask = (
    app: FastifyInstance,
    url: string,
    encoding?: string,
    method: 'GET' | 'HEAD' = 'GET',
  ) => app.inject({ method, url, headers: encoding ? { 'accept-encoding': encoding } : {} });
  const headersOf = (res: { headers: Record<string, unknown> }) => {
    const { date: _date, ...rest } = res.headers;
    return rest;
  };

  it.each([
    ['br, gzip', 'br'],
    ['gzip, deflate, br;q=0', 'gzip'],
    ['br;q=0.5, gzip;q=1', 'gzip'],
    ['*', 'gzip'],
    ['identity', undefined],
    [undefined, undefined],
  ])('answers Accept-Encoding %p as without it (%p), first and again', async (accept, encoding) => {
    const url = `/body/${accept?.length ?? 0}`;
    const expected = await ask(plain, url, accept);
    expect(expected.headers['content-encoding']).toBe(encoding);
    for (const res of [await ask(cached, url, accept), await ask(cached, url, accept)]) {
      expect(headersOf(res)).toEqual(headersOf(expected));
      expect(res.rawPayload.equals(expected.rawPayload)).toBe(true);
    }
    const head = await ask(cached, url, accept, 'HEAD');
    expect(headersOf(head)).toEqual(headersOf(await ask(plain, url, accept, 'HEAD')));
  });

  it('sends the same bytes again without compressing again, and they decode to the body', async () => {
    const first = await ask(cached, '/body/7', 'br');
    const compressed = bodies.compressed;
    const again = await ask(cached, '/body/7', 'br');
    expect(bodies.compressed).toBe(compressed);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(brotliDecompressSync(again.rawPayload).toString()).toBe(body(7));
    expect(again.headers['content-encoding']).toBe('br');
    expect(again.headers['content-length']).toBe(String(again.rawPayload.length));
    expect(again.headers.vary).toBe('accept-encoding');
    // A body seen before with one encoding is compressed anew for another.
    const gzip = await ask(cached, '/body/7', 'gzip');
    expect(bodies.compressed).toBe(compressed + 1);
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(body(7));
  });

  it('compresses a changed body anew, even one of the same length and checksum', () => {
    const local = new CompressedBodies(1024 * 1024);
    const compress = jest.fn(gzipSync);
    const input = Buffer.from(body(1));
    const forged = sameChecksum(input);
    expect([forged.equals(input), forged.length, crc32(forged, 1)]).toEqual([
      false,
      input.length,
      crc32(input, 1),
    ]);
    const first = local.compress(compress, input, undefined, 1);
    expect(gunzipSync(local.compress(compress, forged, undefined, 1)).equals(forged)).toBe(true);
    expect(compress).toHaveBeenCalledTimes(2);
    // The forged body took the slot; the first is compressed anew, to the same bytes.
    expect(local.compress(compress, input, undefined, 1).equals(first)).toBe(true);
    expect(compress).toHaveBeenCalledTimes(3);
    // Another compressor (same seed and options): not the entry another one made.
    expect(brotliDecompressSync(local.compress(brotliCompressSync, input, undefined, 1))).toEqual(
      input,
    );
    expect(local.compress(compress, input, undefined, 1).equals(first)).toBe(true);
    expect(compress).toHaveBeenCalledTimes(4);
    // Other options, other bytes: not the entry made with none.
    const level9 = local.compress(compress, input, { level: 9 }, 1);
    expect(level9.equals(gzipSync(input, { level: 9 }))).toBe(true);
    expect(compress).toHaveBeenCalledTimes(5);
  });

  it('holds at most its bytes, the least recently used out first', () => {
    const bound = 200 * 1024;
    const local = new CompressedBodies(bound);
    const compress = jest.fn(gzipSync);
    const inputs = Array.from({ length: 40 }, (_, n) => Buffer.from(body(n)));
    for (const input of inputs) {
      local.compress(compress, input, undefined, 0);
      // The first stays in use: each hit makes it the most recent.
      local.compress(compress, inputs[0], undefined, 0);
      expect(local.bytes).toBeLessThanOrEqual(bound);
    }
    expect(local.bytes).toBeGreaterThan(bound * 0.8);
    expect(compress).toHaveBeenCalledTimes(40);
    const kept = local.size;
    expect(kept).toBeLessThan(40);
    compress.mockClear();
    local.compress(compress, inputs[0], undefined, 0);
    local.compress(compress, inputs[39], undefined, 0);
    expect(compress).not.toHaveBeenCalled();
    local.compress(compress, inputs[1], undefined, 0);
    expect(compress).toHaveBeenCalledTimes(1);
    // A body over an eighth of the bound is compressed but not kept.
    const big = Buffer.from(body(99, 400));
    local.compress(compress, big, undefined, 0);
    local.compress(compress, big, undefined, 0);
    expect(compress).toHaveBeenCalledTimes(3);
  });
});
