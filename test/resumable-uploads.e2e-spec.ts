import { createHash } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompetitionsMaintenance } from '../src/competitions/competitions-maintenance';
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

const KB = 1024;
const PIECE = 'application/offset+octet-stream';

/** Resumable uploads: a file sent in pieces survives a dropped connection and ends as an asset. */
describe('resumable uploads (e2e)', () => {
  let h: Harness;
  let uploads: string;
  let owner: Person;
  let stranger: Person;
  let entryId: string;

  beforeAll(async () => {
    uploads = await mkdtemp(join(tmpdir(), 'kenal-resumable-'));
    h = await Harness.start({ worker: true, env: { UPLOAD_DIR: uploads, LOG_LEVEL: 'error' } });
    const coordinator = await h.userWithRoles(['coordinator']);
    const programmeId = await programme(h, coordinator.token, 'resumable');
    const c = await competition(h, coordinator.token, programmeId, {
      limits: { maxUploadBytes: 2048 * KB },
    });
    owner = await person(h, 'KR');
    stranger = await person(h, 'TH');
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

  const begin = (size: number, role = 'video', who = owner) =>
    h
      .http()
      .post(`/api/v1/submissions/${entryId}/uploads`)
      .set(auth(who.token))
      .send({ role, size, name: 'film.mp4' });
  const piece = (id: string, offset: number, bytes: Buffer, who = owner) =>
    h
      .http()
      .patch(`/api/v1/uploads/${id}`)
      .set(auth(who.token))
      .set('content-type', PIECE)
      .set('upload-offset', String(offset))
      .send(bytes);
  const offsetOf = async (id: string) =>
    Number(
      (await h.http().head(`/api/v1/uploads/${id}`).set(auth(owner.token)).expect(200)).headers[
        'upload-offset'
      ],
    );

  it("resumes an upload interrupted mid-way from the offset the server holds; the asset has the file's sha256", async () => {
    const file = mp4(1536 * KB);
    const started = await begin(file.length).expect(201);
    expect(started.body).toMatchObject({
      size: file.length,
      offset: 0,
      role: 'video',
      name: 'film.mp4',
    });
    const id = started.body.id as string;

    const first = await piece(id, 0, file.subarray(0, 256 * KB)).expect(200);
    expect(first.body).toMatchObject({ offset: 256 * KB, asset: null });
    expect(first.headers['upload-offset']).toBe(String(256 * KB));

    // The next piece announces the rest of the file, and the connection drops after 512 KB.
    const url = new URL(`${h.baseUrl}/api/v1/uploads/${id}`);
    const req = httpRequest({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'PATCH',
      headers: {
        ...auth(owner.token),
        'content-type': PIECE,
        'upload-offset': String(256 * KB),
        'content-length': String(file.length - 256 * KB),
      },
    });
    req.on('error', () => undefined);
    req.write(file.subarray(256 * KB, 768 * KB));
    await waitUntil('part of the piece on disk', async () => (await offsetOf(id)) > 256 * KB);
    req.destroy();
    // Once the server has noticed, the session is free again and says what it holds.
    await waitUntil('the session free again', async () => {
      const busy: { busy: boolean }[] = await h.db.query(
        'SELECT busy_until IS NOT NULL AS busy FROM upload_sessions WHERE id = $1',
        [id],
      );
      return !busy[0].busy;
    });
    const held = await offsetOf(id);
    expect(held).toBeGreaterThan(256 * KB);
    expect(held).toBeLessThanOrEqual(768 * KB);
    const status = await h.http().get(`/api/v1/uploads/${id}`).set(auth(owner.token)).expect(200);
    expect(status.body).toMatchObject({
      id,
      submissionId: entryId,
      offset: held,
      size: file.length,
    });

    // Resuming from anywhere else is refused and changes nothing.
    const wrong = await piece(id, 256 * KB, file.subarray(256 * KB)).expect(409);
    expect(wrong.body.code).toBe('UPLOAD_OFFSET_MISMATCH');
    expect(await offsetOf(id)).toBe(held);

    const done = await piece(id, held, file.subarray(held)).expect(200);
    const sha256 = createHash('sha256').update(file).digest('hex');
    expect(done.body).toMatchObject({
      offset: file.length,
      asset: {
        role: 'video',
        mime: 'video/mp4',
        size: file.length,
        sha256,
        originalName: 'film.mp4',
      },
    });
    const entry = await h.http().get(`/api/v1/submissions/${entryId}`).set(auth(owner.token));
    expect(entry.body.assets.map((a: { sha256: string }) => a.sha256)).toEqual([sha256]);
    const download = await h
      .http()
      .get(`/api/v1/submissions/${entryId}/assets/${done.body.asset.id}`)
      .set(auth(owner.token))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(
      createHash('sha256')
        .update(download.body as Buffer)
        .digest('hex'),
    ).toBe(sha256);
    // The session and its bytes are gone; only the asset is on disk.
    await h.http().get(`/api/v1/uploads/${id}`).set(auth(owner.token)).expect(404);
    expect(await filesUnder(uploads)).toHaveLength(1);
    await h
      .http()
      .delete(`/api/v1/submissions/${entryId}/assets/${done.body.asset.id}`)
      .set(auth(owner.token))
      .expect(204);
  });

  it('keeps other people out of a session: 404, and it is not touched', async () => {
    const id = (await begin(64 * KB).expect(201)).body.id as string;
    await piece(id, 0, mp4(16 * KB)).expect(200);
    await h.http().get(`/api/v1/uploads/${id}`).set(auth(stranger.token)).expect(404);
    await h.http().head(`/api/v1/uploads/${id}`).set(auth(stranger.token)).expect(404);
    const theirs = await piece(id, 16 * KB, Buffer.alloc(16 * KB, 1), stranger).expect(404);
    expect(theirs.body.code).toBe('NOT_FOUND');
    await h.http().delete(`/api/v1/uploads/${id}`).set(auth(stranger.token)).expect(404);
    expect(await offsetOf(id)).toBe(16 * KB);
    await h.http().get(`/api/v1/uploads/${id}`).expect(401);
    // Nor can a stranger begin one on someone else's entry.
    await begin(64 * KB, 'video', stranger).expect(404);
    await h.http().delete(`/api/v1/uploads/${id}`).set(auth(owner.token)).expect(204);
    expect(await filesUnder(uploads)).toEqual([]);
  });

  it('refuses a file over the limit when it is announced (413), and bytes past the announced size', async () => {
    const big = await begin(4096 * KB).expect(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
    const id = (await begin(32 * KB).expect(201)).body.id as string;
    const over = await piece(id, 0, mp4(48 * KB)).expect(413);
    expect(over.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await offsetOf(id)).toBe(0);
    await h.http().delete(`/api/v1/uploads/${id}`).set(auth(owner.token)).expect(204);
  });

  it('checks the content with the last byte like a direct upload: 415, and nothing is kept', async () => {
    const id = (await begin(32 * KB).expect(201)).body.id as string;
    const res = await piece(id, 0, Buffer.alloc(32 * KB, 7)).expect(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    await h.http().get(`/api/v1/uploads/${id}`).set(auth(owner.token)).expect(404);
    expect(await filesUnder(uploads)).toEqual([]);
    expect(await h.count('submission_assets')).toBe(0);
  });

  it('answers bad pieces with 400 and 415 problems', async () => {
    const id = (await begin(32 * KB).expect(201)).body.id as string;
    const noOffset = await h
      .http()
      .patch(`/api/v1/uploads/${id}`)
      .set(auth(owner.token))
      .set('content-type', PIECE)
      .send(mp4(1 * KB))
      .expect(400);
    expect(noOffset.body.errors).toEqual([expect.objectContaining({ path: 'Upload-Offset' })]);
    const json = await h
      .http()
      .patch(`/api/v1/uploads/${id}`)
      .set(auth(owner.token))
      .set('upload-offset', '0')
      .send({ bytes: 'no' })
      .expect(415);
    expect(json.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const role = await begin(32 * KB, 'poem').expect(400);
    expect(role.body.code).toBe('VALIDATION_FAILED');
    await h.http().delete(`/api/v1/uploads/${id}`).set(auth(owner.token)).expect(204);
  });

  it('removes sessions past their time with their bytes in the hourly maintenance', async () => {
    const id = (await begin(64 * KB).expect(201)).body.id as string;
    await piece(id, 0, mp4(16 * KB)).expect(200);
    expect((await stat(join(uploads, 'uploads', id))).size).toBe(16 * KB);
    await h.db.query(
      `UPDATE upload_sessions SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [id],
    );
    const gone = await h.http().get(`/api/v1/uploads/${id}`).set(auth(owner.token)).expect(410);
    expect(gone.body.code).toBe('UPLOAD_EXPIRED');
    expect(await h.worker!.get(CompetitionsMaintenance).sweepExpiredUploads()).toEqual({
      deleted: 1,
    });
    expect(await h.count('upload_sessions')).toBe(0);
    expect(await filesUnder(uploads)).toEqual([]);
  });
});
