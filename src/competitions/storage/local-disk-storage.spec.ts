import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalDiskStorage } from './local-disk-storage';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

describe('LocalDiskStorage', () => {
  let dir: string;
  let storage: LocalDiskStorage;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kenal-storage-'));
    storage = new LocalDiskStorage(dir);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('stores, reads back and removes a file', async () => {
    await storage.put(
      'sub-1/asset-1',
      Readable.from([Buffer.from('hello '), Buffer.from('world')]),
    );
    const back = await storage.get('sub-1/asset-1');
    const chunks: Buffer[] = [];
    for await (const c of back) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('hello world');
    expect(await readFile(join(dir, 'sub-1/asset-1'), 'utf8')).toBe('hello world');
    await storage.remove('sub-1/asset-1');
    await storage.remove('sub-1/asset-1');
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('leaves nothing behind when the stream fails half-way (an aborted upload)', async () => {
    async function* aborted() {
      yield Buffer.alloc(64 * 1024, 1);
      yield Buffer.alloc(64 * 1024, 2);
      throw new Error('client went away');
    }
    await expect(storage.put('sub-1/asset-2', Readable.from(aborted()))).rejects.toThrow(
      'client went away',
    );
    expect(await filesUnder(dir)).toEqual([]);
    await expect(storage.get('sub-1/asset-2')).rejects.toThrow();
  });

  it('refuses keys that could escape the directory', async () => {
    await expect(storage.put('../etc/passwd', Readable.from(['x']))).rejects.toThrow(/Invalid/);
    await expect(storage.get('/abs')).rejects.toThrow(/Invalid/);
  });
});
