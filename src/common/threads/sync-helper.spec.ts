import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SyncHelper } from './sync-helper';

describe('SyncHelper', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'kenal-helper-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('returns null when there is nothing to start', () => {
    expect(SyncHelper.start(join(dir, 'missing'))).toBeNull();
  });

  // The test's own time limit (10 s) stands for "does not hang": waiting a minute would fail it.
  it('gives up on a thread that never comes up, so the caller does the work itself', () => {
    const entry = join(dir, 'broken');
    writeFileSync(`${entry}.js`, "throw new Error('this build is broken');\n");
    const helper = SyncHelper.start(entry);
    expect(helper).not.toBeNull();
    expect(helper?.send('anything', {}, [], 300)).toBeNull();
    // Once broken it does not wait again, however long it would be allowed to.
    expect(helper?.send('anything', {}, [], 60_000)).toBeNull();
  }, 10_000);
});
