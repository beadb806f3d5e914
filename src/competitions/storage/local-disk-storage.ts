import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, statfs, truncate } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Provider } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { uploadedBytes } from '../upload-garbage';
import { AppendOverflow, ASSET_STORAGE, type AssetStorage } from './asset-storage';

const KEY = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9.-]*)*$/;

/**
 * Files under one directory. A file is written under a temporary name and renamed when
 * complete, so a reader never sees half a file and a failed upload leaves nothing.
 */
export class LocalDiskStorage implements AssetStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private path(key: string): string {
    if (!KEY.test(key) || key.includes('..')) throw new Error(`Invalid storage key "${key}"`);
    return join(this.root, key);
  }

  async put(key: string, body: Readable): Promise<void> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    const partial = `${target}.partial-${randomBytes(6).toString('hex')}`;
    try {
      await pipeline(body, createWriteStream(partial, { flags: 'wx' }));
      await rename(partial, target);
    } catch (err) {
      body.destroy();
      await rm(partial, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.path(key);
    await stat(path);
    return createReadStream(path);
  }

  async append(key: string, offset: number, body: Readable, maxBytes: number): Promise<number> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    let length = offset;
    const cap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        length += chunk.length;
        if (length > maxBytes) return done(new AppendOverflow(`more than ${maxBytes} bytes`));
        uploadedBytes(chunk.length);
        done(null, chunk);
      },
    });
    const out = createWriteStream(path, { flags: offset === 0 ? 'w' : 'r+', start: offset });
    try {
      await pipeline(body, cap, out);
    } catch (err) {
      body.destroy();
      // What reached the disk stays (the client resumes from it), never more than maxBytes.
      const written = (await this.size(key)) ?? 0;
      if (written > maxBytes) await truncate(path, maxBytes);
      throw err;
    }
    return length;
  }

  async size(key: string): Promise<number | null> {
    return stat(this.path(key)).then(
      (s) => s.size,
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return null;
        throw err;
      },
    );
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  /** Free space for an unprivileged writer on the file system that holds the directory. */
  async freeBytes(): Promise<number> {
    await mkdir(this.root, { recursive: true });
    const fs = await statfs(this.root);
    return fs.bavail * fs.bsize;
  }
}

/** The asset storage of the API and the worker: files under UPLOAD_DIR. */
export const assetStorageProvider: Provider = {
  provide: ASSET_STORAGE,
  inject: [AppConfig],
  useFactory: (config: AppConfig) => new LocalDiskStorage(config.UPLOAD_DIR),
};
