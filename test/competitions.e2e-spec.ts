import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  competition,
  completeMovie,
  completeProject,
  inDays,
  person,
  Person,
  programme,
  rubric,
  teamOf,
  waitUntil,
} from './support/competitions';
import { zonedHuman } from '../src/common/time-zones';
import { auth, Harness } from './support/harness';

const mp4 = Buffer.concat([
  Buffer.from([0, 0, 0, 0x20]),
  Buffer.from('ftypisom'),
  Buffer.alloc(4096, 1),
]);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(512, 2),
]);

describe('competitions and submissions (e2e)', () => {
  let h: Harness;
  let uploads: string;
  let coordinator: Person;
  let programmeId: string;
  let movieId: string;
  let kr: Person;
  let th: Person;
  let movieTeam: string;
  let entryId: string;

  beforeAll(async () => {
    uploads = await mkdtemp(join(tmpdir(), 'kenal-uploads-'));
    h = await Harness.start({ worker: true, env: { UPLOAD_DIR: uploads } });
    coordinator = await h.userWithRoles(['coordinator']);
    programmeId = await programme(h, coordinator.token, 'ey-2027', 'Asia/Jakarta');
    kr = await person(h, 'KR', { displayName: '김민지', timezone: 'Asia/Seoul' });
    th = await person(h, 'TH', { displayName: 'สมชาย ใจดี' });
  });
  afterAll(async () => {
    await h.stop();
    await rm(uploads, { recursive: true, force: true });
  });

  it('creates both kinds, shows the window in the programme time zone, and lets the public read it', async () => {
    const movie = await competition(h, coordinator.token, programmeId, {
      kind: 'short_movie',
      slug: 'movies',
      submissionOpensAt: '2026-01-01T00:00:00Z',
      submissionClosesAt: inDays(20),
      eligibility: {
        minAge: 13,
        maxAge: 30,
        minTeamSize: 2,
        maxTeamSize: 3,
        requireMixedTeam: true,
      },
      limits: { maxRuntimeSeconds: 600, maxUploadBytes: 1024 * 1024 },
    });
    movieId = movie.id;
    expect(movie).toMatchObject({
      kind: 'short_movie',
      slug: 'movies',
      window: { timezone: 'Asia/Jakarta', opensAtLocal: '2026-01-01T07:00:00+07:00', isOpen: true },
      rubric,
      rubricLocked: false,
    });
    const project = await competition(h, coordinator.token, programmeId, {
      kind: 'project',
      slug: 'projects',
    });
    expect(project.kind).toBe('project');

    const pub = await h.http().get(`/api/v1/competitions/${movieId}`).expect(200);
    expect(pub.body.window.closesAtLocal).toMatch(/\+07:00$/);
    const dup = await h
      .http()
      .post(`/api/v1/programmes/${programmeId}/competitions`)
      .set(auth(coordinator.token))
      .send({
        kind: 'project',
        title: 'Again',
        slug: 'projects',
        submissionOpensAt: inDays(0),
        submissionClosesAt: inDays(1),
        rubric,
      });
    expect([dup.status, dup.body.code]).toEqual([409, 'SLUG_TAKEN']);
    expect(await h.count("audit_events WHERE action = 'competition.created'")).toBe(2);
  });

  it('refuses a rubric with repeated keys, a zero weight or min ≥ max, and a window that closes before it opens', async () => {
    const res = await h
      .http()
      .patch(`/api/v1/competitions/${movieId}`)
      .set(auth(coordinator.token))
      .send({
        rubric: [
          { key: 'a', label: 'A', weight: 1, min: 0, max: 10 },
          { key: 'a', label: 'B', weight: 1, min: 5, max: 5 },
        ],
        submissionClosesAt: '2025-01-01T00:00:00Z',
      });
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'rubric[1].key',
      'rubric[1].max',
      'submissionClosesAt',
    ]);
    const zero = await h
      .http()
      .patch(`/api/v1/competitions/${movieId}`)
      .set(auth(coordinator.token))
      .send({ rubric: [{ key: 'a', label: 'A', weight: 0, min: 0, max: 10 }] });
    expect(zero.status).toBe(400);
    const after = await h.http().get(`/api/v1/competitions/${movieId}`).expect(200);
    expect(after.body.rubric).toEqual(rubric);
  });

  it('freezes the rubric once judging has scores', async () => {
    await h.db.query('UPDATE competitions SET rubric_locked_at = now() WHERE id = $1', [movieId]);
    const res = await h
      .http()
      .patch(`/api/v1/competitions/${movieId}`)
      .set(auth(coordinator.token))
      .send({ rubric: [{ key: 'only', label: 'Only', weight: 1, min: 0, max: 5 }] });
    expect([res.status, res.body.code]).toEqual([409, 'RUBRIC_LOCKED']);
    await h
      .http()
      .patch(`/api/v1/competitions/${movieId}`)
      .set(auth(coordinator.token))
      .send({ title: 'Short Movies 2027 (renamed)' })
      .expect(200);
    await h.db.query('UPDATE competitions SET rubric_locked_at = NULL WHERE id = $1', [movieId]);
  });

  it('forms a mixed team by emailed invitation, bound to the invited email and single use', async () => {
    const team = await h
      .http()
      .post(`/api/v1/competitions/${movieId}/teams`)
      .set(auth(kr.token))
      .send({ name: 'Seoul–Bangkok' })
      .expect(201);
    movieTeam = team.body.id;
    await h
      .http()
      .post(`/api/v1/teams/${movieTeam}/invitations`)
      .set(auth(kr.token))
      .send({ email: th.email.toUpperCase() })
      .expect(201);
    const mail = await h.smtp.waitFor(th.email);
    expect(mail.subject).toContain('Seoul–Bangkok');
    // The link opens the web app's page (../shared/API.md, Web app).
    const token = mail.text.match(/http:\/\/kenal\.test\/invitations\/([A-Za-z0-9_-]{43})\b/)![1];

    const preview = await h.http().get(`/api/v1/team-invitations/${token}`).expect(200);
    expect(preview.body).toMatchObject({
      teamName: 'Seoul–Bangkok',
      inviterName: '김민지',
      email: th.email,
      status: 'pending',
    });
    const stranger = await person(h, 'VN');
    const stolen = await h
      .http()
      .post(`/api/v1/team-invitations/${token}/accept`)
      .set(auth(stranger.token));
    expect([stolen.status, stolen.body.code]).toEqual([403, 'FORBIDDEN']);

    const ok = await h
      .http()
      .post(`/api/v1/team-invitations/${token}/accept`)
      .set(auth(th.token))
      .expect(200);
    expect(
      ok.body.members.map((m: { displayName: string; role: string }) => [m.displayName, m.role]),
    ).toEqual([
      ['김민지', 'leader'],
      ['สมชาย ใจดี', 'member'],
    ]);
    const again = await h
      .http()
      .post(`/api/v1/team-invitations/${token}/accept`)
      .set(auth(th.token));
    expect([again.status, again.body.code]).toEqual([400, 'TOKEN_INVALID']);

    // One team per person per competition.
    const second = await h
      .http()
      .post(`/api/v1/competitions/${movieId}/teams`)
      .set(auth(th.token))
      .send({ name: 'Another' });
    expect([second.status, second.body.code]).toEqual([409, 'ALREADY_IN_TEAM']);
  });

  it('keeps a draft, records every change as a version, and refuses an edit based on a stale version', async () => {
    const draft = await h
      .http()
      .post(`/api/v1/competitions/${movieId}/submissions`)
      .set(auth(kr.token))
      .send({ title: 'Two Rivers', logline: 'A first try' })
      .expect(201);
    entryId = draft.body.id;
    expect(draft.body).toMatchObject({
      status: 'draft',
      version: 1,
      teamId: movieTeam,
      synopsis: null,
    });

    const wrongKind = await h
      .http()
      .patch(`/api/v1/submissions/${entryId}`)
      .set(auth(kr.token))
      .send({ sdgs: [3] });
    expect([wrongKind.status, wrongKind.body.errors[0].path]).toEqual([400, 'sdgs']);

    const edited = await h
      .http()
      .patch(`/api/v1/submissions/${entryId}`)
      .set(auth(th.token))
      .set('If-Match', '"1"')
      .send({ logline: completeMovie.logline, synopsis: completeMovie.synopsis })
      .expect(200);
    expect(edited.body.version).toBe(2);
    expect(edited.headers.etag).toBe('"2"');

    // Two teammates both edit version 2 at once: one wins, the other is told, nothing is lost.
    const [a, b] = await Promise.all([
      h
        .http()
        .patch(`/api/v1/submissions/${entryId}`)
        .set(auth(kr.token))
        .send({ version: 2, credits: 'Kim' }),
      h
        .http()
        .patch(`/api/v1/submissions/${entryId}`)
        .set(auth(th.token))
        .send({ version: 2, credits: 'Somchai' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.code).toBe('CONFLICT');
    const stale = await h
      .http()
      .patch(`/api/v1/submissions/${entryId}`)
      .set(auth(kr.token))
      .set('If-Match', '"1"')
      .send({ credits: 'overwrite' });
    expect(stale.status).toBe(409);

    const current = await h
      .http()
      .get(`/api/v1/submissions/${entryId}`)
      .set(auth(th.token))
      .expect(200);
    expect(current.body.version).toBe(3);
    expect(current.body.credits).toBe(a.status === 200 ? 'Kim' : 'Somchai');

    const versions = await h
      .http()
      .get(`/api/v1/submissions/${entryId}/versions`)
      .set(auth(kr.token))
      .expect(200);
    expect(
      versions.body.items.map((v: { version: number; action: string }) => [v.version, v.action]),
    ).toEqual([
      [3, 'edited'],
      [2, 'edited'],
      [1, 'created'],
    ]);
    expect(versions.body.items[1]).toMatchObject({
      authorName: 'สมชาย ใจดี',
      changes: { logline: { from: 'A first try', to: completeMovie.logline } },
    });
  });

  it('uploads a poster and a video (sniffed, hashed, a version each) and lets only readers download', async () => {
    const poster = await h
      .http()
      .post(`/api/v1/submissions/${entryId}/assets`)
      .set(auth(kr.token))
      .field('role', 'poster')
      .attach('file', png, { filename: 'poster.bin', contentType: 'application/octet-stream' })
      .expect(201);
    expect(poster.body).toMatchObject({ role: 'poster', mime: 'image/png', size: png.length });
    expect(poster.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const video = await h
      .http()
      .post(`/api/v1/submissions/${entryId}/assets`)
      .set(auth(th.token))
      .field('role', 'video')
      .attach('file', mp4, 'film.mp4')
      .expect(201);
    expect(video.body.mime).toBe('video/mp4');

    const back = await h
      .http()
      .get(`/api/v1/submissions/${entryId}/assets/${poster.body.id}`)
      .set(auth(coordinator.token))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(back.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(back.body as Buffer, png)).toBe(0);
    const outsider = await person(h, 'SG');
    await h
      .http()
      .get(`/api/v1/submissions/${entryId}/assets/${poster.body.id}`)
      .set(auth(outsider.token))
      .expect(404);
    const entry = await h
      .http()
      .get(`/api/v1/submissions/${entryId}`)
      .set(auth(kr.token))
      .expect(200);
    expect(entry.body.version).toBe(5);
    expect(entry.body.assets.map((x: { role: string }) => x.role)).toEqual(['poster', 'video']);
  });

  it('refuses an incomplete entry with one error per missing field', async () => {
    const res = await h.http().post(`/api/v1/submissions/${entryId}/submit`).set(auth(kr.token));
    expect([res.status, res.body.code]).toEqual([422, 'SUBMISSION_INCOMPLETE']);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'language',
      'rightsConfirmed',
      'runtimeSeconds',
    ]);
    const row = await h.http().get(`/api/v1/submissions/${entryId}`).set(auth(kr.token));
    expect(row.body.status).toBe('draft');
  });

  it('submits once for fifty parallel requests with one Idempotency-Key: one change, one receipt per member', async () => {
    await h
      .http()
      .patch(`/api/v1/submissions/${entryId}`)
      .set(auth(kr.token))
      .send({ runtimeSeconds: 540, language: 'ko', rightsConfirmed: true })
      .expect(200);
    const key = 'submit-two-rivers-1';
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        h
          .http()
          .post(`/api/v1/submissions/${entryId}/submit`)
          .set(auth(kr.token))
          .set('Idempotency-Key', key),
      ),
    );
    expect(new Set(responses.map((r) => r.status))).toEqual(new Set([200]));
    expect(new Set(responses.map((r) => r.body.version))).toEqual(new Set([7]));
    expect(responses.filter((r) => r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(responses[0].body.status).toBe('submitted');
    const versions: { n: number }[] = await h.db.query(
      `SELECT count(*)::int AS n FROM submission_versions WHERE submission_id = $1 AND action = 'submitted'`,
      [entryId],
    );
    expect(versions[0].n).toBe(1);

    const receipt = (p: Person) =>
      h.smtp.to(p.email).filter((m) => m.subject.startsWith('Received'));
    await waitUntil('receipts', async () => receipt(kr).length > 0 && receipt(th).length > 0);
    const [receiptKr] = receipt(kr);
    const [receiptTh] = receipt(th);
    expect(receiptKr.subject).toContain('Two Rivers');
    expect(receiptKr.text).toMatch(/\(Asia\/Seoul, UTC\+09:00\)/);
    expect(receiptTh.text).toMatch(/\(Asia\/Jakarta, UTC\+07:00\)/);
    await new Promise((r) => setTimeout(r, 500));
    expect(h.smtp.to(kr.email).filter((m) => m.subject.startsWith('Received'))).toHaveLength(1);
    expect(h.smtp.to(th.email).filter((m) => m.subject.startsWith('Received'))).toHaveLength(1);

    const mine = await h.http().post(`/api/v1/submissions/${entryId}/withdraw`).set(auth(kr.token));
    expect(mine.status).toBe(200);
    // A withdrawn entry frees the team for a new one. Replay and reuse of keys are
    // test/service/idempotency.service-spec.ts; this is reuse through HTTP: 422 and its code.
    const fresh = await h
      .http()
      .post(`/api/v1/competitions/${movieId}/submissions`)
      .set(auth(kr.token))
      .send({ title: 'Two Rivers, again', ...completeMovie })
      .expect(201);
    const clash = await h
      .http()
      .post(`/api/v1/submissions/${fresh.body.id}/submit`)
      .set(auth(kr.token))
      .set('Idempotency-Key', key);
    expect([clash.status, clash.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    await waitUntil('withdrawal emails', async () =>
      h.smtp.to(th.email).some((m) => m.subject.startsWith('Withdrawn')),
    );
    entryId = fresh.body.id;
  });

  it('refuses a Korea-only team with 422 NOT_ELIGIBLE and a minor without consent with GUARDIAN_CONSENT_REQUIRED', async () => {
    const a = await person(h, 'KR');
    const b = await person(h, 'KR');
    await teamOf(h, movieId, a, [b], 'Korea only');
    const entry = await h
      .http()
      .post(`/api/v1/competitions/${movieId}/submissions`)
      .set(auth(a.token))
      .send({ title: 'Seoul Stories', ...completeMovie })
      .expect(201);
    const res = await h
      .http()
      .post(`/api/v1/submissions/${entry.body.id}/submit`)
      .set(auth(a.token));
    expect([res.status, res.body.code]).toEqual([422, 'NOT_ELIGIBLE']);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        path: 'team',
        code: 'NOT_ELIGIBLE',
        message: expect.stringContaining('mixed team'),
      }),
    ]);

    const teen = await person(h, 'ID', {
      dateOfBirth: `${new Date().getUTCFullYear() - 15}-01-01`,
    });
    const adult = await person(h, 'KR');
    await teamOf(h, movieId, adult, [teen], 'With a minor');
    const minorEntry = await h
      .http()
      .post(`/api/v1/competitions/${movieId}/submissions`)
      .set(auth(teen.token))
      .send({ title: 'Jakarta Nights', ...completeMovie })
      .expect(201);
    const refused = await h
      .http()
      .post(`/api/v1/submissions/${minorEntry.body.id}/submit`)
      .set(auth(teen.token));
    expect([refused.status, refused.body.code]).toEqual([422, 'GUARDIAN_CONSENT_REQUIRED']);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'team.members[1]' })]);
  });

  it('refuses an incomplete project with field errors', async () => {
    const project = await competition(h, coordinator.token, programmeId, {
      kind: 'project',
      slug: 'projects-2',
    });
    const p = await person(h, 'VN');
    const draft = await h
      .http()
      .post(`/api/v1/competitions/${project.id}/submissions`)
      .set(auth(p.token))
      .send({ title: 'Clean Mekong', problem: completeProject.problem, sdgs: [6] })
      .expect(201);
    const res = await h
      .http()
      .post(`/api/v1/submissions/${draft.body.id}/submit`)
      .set(auth(p.token));
    expect([res.status, res.body.code]).toEqual([422, 'SUBMISSION_INCOMPLETE']);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'targetCountries',
      'plan',
      'milestones',
      'budgetUsd',
    ]);
    await h
      .http()
      .patch(`/api/v1/submissions/${draft.body.id}`)
      .set(auth(p.token))
      .send(completeProject)
      .expect(200);
    await h
      .http()
      .post(`/api/v1/submissions/${draft.body.id}/submit`)
      .set(auth(p.token))
      .expect(200);
  });

  it('after the close (PATCHed to the past) refuses edits, submits and uploads and changes nothing; an extension lets one team through', async () => {
    await h
      .http()
      .patch(`/api/v1/competitions/${movieId}`)
      .set(auth(coordinator.token))
      .send({ submissionClosesAt: new Date(Date.now() - 1000).toISOString() })
      .expect(200);
    const before = await h
      .http()
      .get(`/api/v1/submissions/${entryId}`)
      .set(auth(kr.token))
      .expect(200);
    const versionsBefore = await h.count('submission_versions');
    const assetsBefore = await h.count('submission_assets');
    const edit = await h
      .http()
      .patch(`/api/v1/submissions/${entryId}`)
      .set(auth(kr.token))
      .send({ logline: 'late' });
    const submit = await h.http().post(`/api/v1/submissions/${entryId}/submit`).set(auth(kr.token));
    const upload = await h
      .http()
      .post(`/api/v1/submissions/${entryId}/assets`)
      .set(auth(kr.token))
      .field('role', 'poster')
      .attach('file', png, 'poster.png');
    for (const res of [edit, submit, upload]) {
      expect([res.status, res.body.code]).toEqual([409, 'DEADLINE_PASSED']);
    }
    const after = await h
      .http()
      .get(`/api/v1/submissions/${entryId}`)
      .set(auth(kr.token))
      .expect(200);
    expect(after.body).toEqual(before.body);
    expect(await h.count('submission_versions')).toBe(versionsBefore);
    expect(await h.count('submission_assets')).toBe(assetsBefore);

    const bad = await h
      .http()
      .post(`/api/v1/submissions/${entryId}/extension`)
      .set(auth(kr.token))
      .send({ until: inDays(1) });
    expect(bad.status).toBe(403);
    const until = inDays(1);
    const granted = await h
      .http()
      .post(`/api/v1/submissions/${entryId}/extension`)
      .set(auth(coordinator.token))
      .send({ until, reason: '  Power cut in the village  ' })
      .expect(200);
    // The team is told the new deadline in each member's time zone, by email and in the app;
    // the reason stays in the audit log.
    const told = await h.smtp.waitForSubject(kr.email, /More time for/);
    expect(told.text).toContain(zonedHuman(new Date(until), 'Asia/Seoul'));
    expect(told.text).not.toContain('Power cut');
    await waitUntil('the in-app copy', async () => {
      const inbox = await h.http().get('/api/v1/me/notifications').set(auth(kr.token));
      return (inbox.body.items as { title: string }[]).some((n) => n.title === 'Extension granted');
    });
    expect(granted.body.deadline.extensionUntil).not.toBeNull();
    const audit: { actor_id: string; reason: string }[] = await h.db.query(
      `SELECT actor_id, details->>'reason' AS reason FROM audit_events
        WHERE action = 'submission.extension_granted' AND target_id = $1`,
      [entryId],
    );
    expect(audit).toEqual([{ actor_id: coordinator.id, reason: 'Power cut in the village' }]);
    await h.http().post(`/api/v1/submissions/${entryId}/submit`).set(auth(kr.token)).expect(200);
  });

  it('lists entries for coordinators with filters, counts and a UTF-8 CSV export; and mine for members', async () => {
    const list = await h
      .http()
      .get(`/api/v1/competitions/${movieId}/submissions?pageSize=2`)
      .set(auth(coordinator.token))
      .expect(200);
    expect(list.body.total).toBe(4);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.counts).toMatchObject({ submitted: 1, withdrawn: 1, draft: 2 });
    const thai = await h
      .http()
      .get(`/api/v1/competitions/${movieId}/submissions?country=TH&status=submitted`)
      .set(auth(coordinator.token))
      .expect(200);
    expect(thai.body.items.map((i: { title: string }) => i.title)).toEqual(['Two Rivers, again']);
    expect(thai.body.items[0].members.map((m: { displayName: string }) => m.displayName)).toEqual([
      '김민지',
      'สมชาย ใจดี',
    ]);

    const csv = await h
      .http()
      .get(`/api/v1/competitions/${movieId}/submissions?format=csv`)
      .set(auth(coordinator.token))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
      })
      .expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = (csv.body as string)
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'submission_id,title,kind,status,team,members,countries,submitted_at,version,updated_at',
    );
    expect(lines).toHaveLength(5);
    const ours = lines.find((l) => l.startsWith(entryId))!;
    expect(ours).toContain(
      '"Two Rivers, again",short_movie,submitted,Seoul–Bangkok,김민지; สมชาย ใจดี,KR; TH,',
    );

    const mine = await h.http().get('/api/v1/me/submissions').set(auth(th.token)).expect(200);
    expect(mine.body.items.map((i: { status: string }) => i.status).sort()).toEqual([
      'submitted',
      'withdrawn',
    ]);
    // A member's data export holds their teams and their teams' entries, content included.
    const exported = JSON.parse(
      (await h.http().get('/api/v1/me/export').set(auth(th.token)).expect(200)).text,
    );
    expect(exported.teams.length).toBeGreaterThanOrEqual(1);
    expect(exported.submissions.map((x: { status: string }) => x.status).sort()).toEqual([
      'submitted',
      'withdrawn',
    ]);
    expect(exported.submissions[0].fields).toEqual(expect.any(Object));
  });

  it("searches entries by title (wildcards literal), shows a team's extension, and lists the programme's competitions", async () => {
    const found = await h
      .http()
      .get(`/api/v1/competitions/${movieId}/submissions?q=${encodeURIComponent('rivers, AG')}`)
      .set(auth(coordinator.token))
      .expect(200);
    expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([entryId]);
    expect(found.body.total).toBe(1);
    expect(found.body.counts).toMatchObject({ submitted: 1, draft: 0, withdrawn: 0 });
    expect(found.body.items[0].extensionUntil).toEqual(expect.any(String));
    const wildcard = await h
      .http()
      .get(`/api/v1/competitions/${movieId}/submissions?q=%25`)
      .set(auth(coordinator.token))
      .expect(200);
    expect(wildcard.body.total).toBe(0);

    const listed = await h
      .http()
      .get(`/api/v1/programmes/${programmeId}/competitions`)
      .set(auth(coordinator.token))
      .expect(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(movieId);
    expect(listed.body.items[0].window.timezone).toBe('Asia/Jakarta');
    expect(listed.body.total).toBe(listed.body.items.length);
  });
});
