import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { competition, filesUnder, mp4, person, Person, programme } from './support/competitions';
import { auth, Harness } from './support/harness';

const MB = 1024 * 1024;

describe('upload quotas (e2e: bytes per entry through HTTP)', () => {
  let h: Harness;
  let uploads: string;
  let coordinator: string;
  let programmeId: string;
  let owner: Person;

  beforeAll(async () => {
    uploads = await mkdtemp(join(tmpdir(), 'kenal-quota-'));
    h = await Harness.start({
      env: {
        UPLOAD_DIR: uploads,
        LOG_LEVEL: 'error',
        UPLOAD_MAX_BYTES_PER_SUBMISSION: '100000',
        UPLOAD_MIN_FREE_BYTES: '0',
      },
    });
    coordinator = (await h.userWithRoles(['coordinator'])).token;
    programmeId = await programme(h, coordinator, 'quota');
    owner = await person(h, 'KR');
  });
  afterAll(async () => {
    await h.stop();
    await rm(uploads, { recursive: true, force: true });
  });

  const entry = async () => {
    const c = await competition(h, coordinator, programmeId, { limits: { maxUploadBytes: MB } });
    const res = await h
      .http()
      .post(`/api/v1/competitions/${c.id}/submissions`)
      .set(auth(owner.token))
      .send({ title: 'Film' })
      .expect(201);
    return res.body.id as string;
  };
  const upload = (entryId: string, size: number) =>
    h
      .http()
      .post(`/api/v1/submissions/${entryId}/assets`)
      .set(auth(owner.token))
      .field('role', 'video')
      .attach('file', mp4(size), 'film.mp4');
  const version = async (entryId: string) =>
    (await h.http().get(`/api/v1/submissions/${entryId}`).set(auth(owner.token))).body
      .version as number;
  const state = async () => [
    await h.count('submission_assets'),
    (await filesUnder(uploads)).length,
  ];

  // The quotas themselves (files, bytes per entry, bytes per person, the exact fit) are
  // test/service/upload-quota.service-spec.ts; this is the one check through HTTP and the real
  // multipart parser, which cuts the file at the room left.
  it('refuses what would take an entry past UPLOAD_MAX_BYTES_PER_SUBMISSION with 413 QUOTA_EXCEEDED, keeping nothing', async () => {
    const id = await entry();
    await upload(id, 60_000).expect(201);
    const before = [await state(), await version(id)];
    const res = await upload(id, 60_000);
    expect([res.status, res.body.code]).toEqual([413, 'QUOTA_EXCEEDED']);
    expect(res.body.detail).toContain('100000 bytes');
    expect([await state(), await version(id)]).toEqual(before);
  });
});

describe('uploads when the disk is short of space (e2e)', () => {
  let h: Harness;
  let uploads: string;
  beforeAll(async () => {
    uploads = await mkdtemp(join(tmpdir(), 'kenal-quota-disk-'));
    h = await Harness.start({
      // No disk here has a petabyte free: the floor is always above what is left.
      env: { UPLOAD_DIR: uploads, LOG_LEVEL: 'error', UPLOAD_MIN_FREE_BYTES: String(1024 ** 5) },
    });
  });
  afterAll(async () => {
    await h.stop();
    await rm(uploads, { recursive: true, force: true });
  });

  it('answers 507 INSUFFICIENT_STORAGE below UPLOAD_MIN_FREE_BYTES and keeps nothing', async () => {
    const coordinator = await h.userWithRoles(['coordinator']);
    const programmeId = await programme(h, coordinator.token, 'disk');
    const c = await competition(h, coordinator.token, programmeId);
    const owner = await person(h, 'KR');
    const created = await h
      .http()
      .post(`/api/v1/competitions/${c.id}/submissions`)
      .set(auth(owner.token))
      .send({ title: 'Film' })
      .expect(201);
    const res = await h
      .http()
      .post(`/api/v1/submissions/${created.body.id}/assets`)
      .set(auth(owner.token))
      .field('role', 'video')
      .attach('file', mp4(1000), 'film.mp4');
    expect([res.status, res.body.code]).toEqual([507, 'INSUFFICIENT_STORAGE']);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await h.count('submission_assets')).toBe(0);
    expect(await filesUnder(uploads)).toEqual([]);
  });
});
