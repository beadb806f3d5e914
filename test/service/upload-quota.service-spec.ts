import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Principal } from '../../src/common/auth/principal';
import { AssetsService, type FileOpener } from '../../src/competitions/assets.service';
import { filesUnder } from '../support/competitions';
import { mp4 } from '../support/files';
import { aCompetition, anAsset, anEntry, aTeam, aUser } from './factories';
import { World } from './world';

let w: World;
let assets: AssetsService;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kenal-quota-'));
  w = await World.open({
    UPLOAD_DIR: dir,
    UPLOAD_MAX_FILES_PER_SUBMISSION: '2',
    UPLOAD_MAX_BYTES_PER_SUBMISSION: '100000',
    UPLOAD_MAX_BYTES_PER_USER: '150000',
    UPLOAD_MIN_FREE_BYTES: '0',
  });
  assets = w.get(AssetsService);
});
afterAll(async () => {
  await w.close();
  await rm(dir, { recursive: true, force: true });
});

async function entry(owner?: Principal) {
  const leader = owner ?? (await aUser(w.db));
  const competition = await aCompetition(w.db);
  const team = await aTeam(w.db, competition.id, leader);
  return { leader, ...(await anEntry(w.db, competition, team, leader)) };
}

/** A video of `size` bytes as the multipart parser hands it over, counting whether it was opened. */
function video(size: number) {
  return jest.fn<ReturnType<FileOpener>, Parameters<FileOpener>>(() =>
    Promise.resolve({
      role: 'video',
      filename: 'film.mp4',
      stream: Readable.from([mp4(size)]),
      truncated: () => false,
    }),
  );
}

/** The entry's files (rows), its version, and the files in storage under it. */
const state = async (id: string) => {
  const [row] = (await w.db.query(
    `SELECT (SELECT count(*)::int FROM submission_assets WHERE submission_id = $1) AS files,
            (SELECT version FROM submissions WHERE id = $1) AS version`,
    [id],
  )) as { files: number; version: number }[];
  return { ...row, stored: (await filesUnder(join(dir, id))).length };
};

test('a file beyond UPLOAD_MAX_FILES_PER_SUBMISSION is refused (409 QUOTA_EXCEEDED) before a byte is read', async () => {
  const e = await entry();
  await anAsset(w.db, e.id, e.leader, 1000);
  await anAsset(w.db, e.id, e.leader, 1000);
  const open = video(1000);
  await expect(assets.upload(e.leader, e.id, open)).rejects.toMatchObject({
    status: 409,
    code: 'QUOTA_EXCEEDED',
  });
  expect(open).not.toHaveBeenCalled();
  expect(await state(e.id)).toEqual({ files: 2, version: 1, stored: 0 });
});

test('a file that would take the entry past UPLOAD_MAX_BYTES_PER_SUBMISSION is refused (413, naming that quota) and nothing is kept', async () => {
  const e = await entry();
  await anAsset(w.db, e.id, e.leader, 60_000);
  const open = video(60_000);
  const refused = assets.upload(e.leader, e.id, open);
  await expect(refused).rejects.toMatchObject({ status: 413, code: 'QUOTA_EXCEEDED' });
  await expect(refused).rejects.toMatchObject({ message: expect.stringContaining('100000 bytes') });
  // The parser was told the most the file may hold: the room left on the entry.
  expect(open).toHaveBeenCalledWith(40_000);
  expect(await state(e.id)).toEqual({ files: 1, version: 1, stored: 0 });
});

test('a file that fills the entry’s room exactly is taken, as the entry’s next version', async () => {
  const e = await entry();
  await anAsset(w.db, e.id, e.leader, 60_000);
  const asset = await assets.upload(e.leader, e.id, video(40_000));
  expect(asset).toMatchObject({ role: 'video', mime: 'video/mp4', size: 40_000 });
  expect(await state(e.id)).toEqual({ files: 2, version: 2, stored: 1 });
});

test('the uploader’s own quota counts their files on every entry (413 naming UPLOAD_MAX_BYTES_PER_USER)', async () => {
  const earlier = await entry();
  await anAsset(w.db, earlier.id, earlier.leader, 100_000);
  const e = await entry(earlier.leader);
  const refused = assets.upload(e.leader, e.id, video(60_000));
  await expect(refused).rejects.toMatchObject({ status: 413, code: 'QUOTA_EXCEEDED' });
  await expect(refused).rejects.toMatchObject({ message: expect.stringContaining('150000 bytes') });
  expect(await state(e.id)).toEqual({ files: 0, version: 1, stored: 0 });
  await assets.upload(e.leader, e.id, video(50_000));
  expect(await state(e.id)).toEqual({ files: 1, version: 2, stored: 1 });
});
