import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ResumableUploadsService } from '../../src/competitions/resumable-uploads.service';
import { mp4 } from '../support/files';
import { aCompetition, anEntry, aTeam, aUser } from './factories';
import { World } from './world';

let w: World;
let uploads: ResumableUploadsService;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kenal-resumable-'));
  w = await World.open({ UPLOAD_DIR: dir, UPLOAD_MIN_FREE_BYTES: '0' });
  uploads = w.get(ResumableUploadsService);
});
afterEach(() => w.restore());
afterAll(async () => {
  await w.close();
  await rm(dir, { recursive: true, force: true });
});

const SIZE = 1000;
const video = mp4(SIZE);
const piece = (from: number, to: number) => Readable.from([video.subarray(from, to)]);

/** A session for a 1000-byte video of a fresh entry, begun by its team's leader. */
async function session() {
  const leader = await aUser(w.db);
  const competition = await aCompetition(w.db);
  const entry = await anEntry(w.db, competition, await aTeam(w.db, competition.id, leader), leader);
  const s = await uploads.begin(leader, entry.id, { role: 'video', size: SIZE });
  return { leader, entry, id: s.id };
}

test('pieces sent in turn move the offset; the last byte makes the file the entry’s next version and spends the session', async () => {
  const { leader, entry, id } = await session();
  const half = await uploads.append(leader, id, 0, 400, piece(0, 400));
  expect(half).toMatchObject({ offset: 400, asset: null });
  expect(await uploads.status(leader, id)).toMatchObject({ offset: 400 });
  const done = await uploads.append(leader, id, 400, 600, piece(400, SIZE));
  expect(done).toMatchObject({ offset: SIZE, asset: { role: 'video', size: SIZE } });
  const [{ version }] = (await w.db.query(`SELECT version FROM submissions WHERE id = $1`, [
    entry.id,
  ])) as { version: number }[];
  expect(version).toBe(2);
  await expect(uploads.status(leader, id)).rejects.toMatchObject({ status: 404 });
});

test('a piece sent from another offset than the one held is refused (409 UPLOAD_OFFSET_MISMATCH) and adds nothing', async () => {
  const { leader, id } = await session();
  await uploads.append(leader, id, 0, 400, piece(0, 400));
  await expect(uploads.append(leader, id, 500, 500, piece(500, SIZE))).rejects.toMatchObject({
    status: 409,
    code: 'UPLOAD_OFFSET_MISMATCH',
  });
  expect(await uploads.status(leader, id)).toMatchObject({ offset: 400 });
});

test('while one request holds the session, another is refused (409 UPLOAD_BUSY)', async () => {
  const { leader, id } = await session();
  await w.db.query(
    `UPDATE upload_sessions SET busy_until = now() + interval '5 minutes' WHERE id = $1`,
    [id],
  );
  await expect(uploads.append(leader, id, 0, SIZE, piece(0, SIZE))).rejects.toMatchObject({
    status: 409,
    code: 'UPLOAD_BUSY',
  });
});

test('a session is its uploader’s own: anyone else gets 404', async () => {
  const { id } = await session();
  const someone = await aUser(w.db);
  await expect(uploads.status(someone, id)).rejects.toMatchObject({ status: 404 });
  await expect(uploads.cancel(someone, id)).rejects.toMatchObject({ status: 404 });
});

test('a session not finished within 24 hours is gone (410 UPLOAD_EXPIRED)', async () => {
  const { leader, id } = await session();
  w.setNow(new Date(Date.now() + 24 * 3600_000 + 1000));
  await expect(uploads.status(leader, id)).rejects.toMatchObject({
    status: 410,
    code: 'UPLOAD_EXPIRED',
  });
});
