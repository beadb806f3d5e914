import type { Response } from 'superagent';
import { competition, completeMovie, type Person, programme, teamOf } from './support/competitions';
import { auth, Harness } from './support/harness';
import {
  addJudge,
  assign,
  createRound,
  myAssignments,
  openRound,
  profiled,
} from './support/judging';

const latin1 = (s: string) => Buffer.from(s, 'latin1');

const segment = (marker: number, body: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
};

/** A JPEG poster whose EXIF names the artist and where it was taken. */
const poster = Buffer.concat([
  Buffer.from([0xff, 0xd8]),
  segment(0xe0, latin1('JFIF\0\x01\x02\0\0\x01\0\x01\0\0')),
  segment(0xe1, latin1('Exif\0\0MM\0*Artist\0Yoon Seoyeon\0GPSLatitude 35.1796N 129.0756E')),
  segment(0xdb, Buffer.alloc(65, 1)),
  segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
  Buffer.from([0x12, 0x34, 0x56, 0xff, 0xd9]),
]);

/** A PDF whose document information names its author. */
const pdf = latin1(
  [
    '%PDF-1.7',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj',
    '3 0 obj << /Author (Yoon Seoyeon) /Creator (Busan Arts High School laptop) >> endobj',
    'trailer << /Root 1 0 R /Info 3 0 R >>',
    '%%EOF',
    '',
  ].join('\n'),
);

const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const parts: Buffer[] = [];
  res.on('data', (c: Buffer) => parts.push(c));
  res.on('end', () => done(null, Buffer.concat(parts)));
};

/** A judge in a blind round gets files without the metadata that names the team. */
describe('judging: files in a blind round carry no names (e2e)', () => {
  let h: Harness;
  let coordinator: Person;
  let leader: Person;
  let judge: Person;
  let submissionId: string;
  let blindRound: string;
  let openRoundId: string;

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    coordinator = await h.userWithRoles(['coordinator']);
    const programmeId = await programme(h, coordinator.token, 'blind-files');
    const competitionId = (await competition(h, coordinator.token, programmeId)).id;
    leader = await profiled(h, { name: 'Yoon Seoyeon', country: 'KR' });
    const mate = await profiled(h, { name: 'Phan Thi Lan', country: 'VN' });
    await teamOf(h, competitionId, leader, [mate], 'Quokka Collective');
    const entry = await h
      .http()
      .post(`/api/v1/competitions/${competitionId}/submissions`)
      .set(auth(leader.token))
      .send({ title: 'Paper Boats', ...completeMovie, credits: 'Directed by Yoon Seoyeon' })
      .expect(201);
    submissionId = entry.body.id;
    for (const [role, body, name] of [
      ['poster', poster, 'yoon-poster.jpg'],
      ['document', pdf, 'yoon-script.pdf'],
    ] as const) {
      await h
        .http()
        .post(`/api/v1/submissions/${submissionId}/assets`)
        .set(auth(leader.token))
        .field('role', role)
        .attach('file', body, name)
        .expect(201);
    }
    await h
      .http()
      .post(`/api/v1/submissions/${submissionId}/submit`)
      .set(auth(leader.token))
      .expect(200);
    judge = await profiled(h, { name: 'Judge Gamma', country: 'TH', roles: ['judge'] });
    await addJudge(h, coordinator.token, competitionId, judge.id);
    blindRound = (await createRound(h, coordinator.token, competitionId, { judgesPerEntry: 1 })).id;
    openRoundId = (
      await createRound(h, coordinator.token, competitionId, {
        name: 'Open round',
        judgesPerEntry: 1,
        blind: false,
      })
    ).id;
    for (const round of [blindRound, openRoundId]) {
      await assign(h, coordinator.token, round);
      await openRound(h, coordinator.token, round);
    }
  }, 60000);
  afterAll(() => h.stop());

  const download = (token: string, path: string) =>
    h.http().get(path).set(auth(token)).buffer(true).parse(binary).expect(200);

  it('strips EXIF and PDF authors from the blind copy, and hides the video link', async () => {
    const mine = await myAssignments(h, judge);
    const blind = mine.find((a) => a.roundId === blindRound)!;
    const open = mine.find((a) => a.roundId === openRoundId)!;
    const byRole = (a: typeof blind, mime: string) =>
      a.submission.assets.find((x) => x.mime === mime)!;

    for (const [mime, original, secrets] of [
      ['image/jpeg', poster, ['Yoon Seoyeon', 'GPSLatitude', 'Exif']],
      ['application/pdf', pdf, ['Yoon Seoyeon', 'Busan Arts']],
    ] as const) {
      const blindCopy = (await download(judge.token, byRole(blind, mime).href)).body as Buffer;
      for (const secret of secrets) expect(blindCopy.toString('latin1')).not.toContain(secret);
      expect(blindCopy.subarray(0, 4)).toEqual(original.subarray(0, 4));
      if (mime === 'application/pdf') expect(blindCopy.length).toBe(original.length);
      else expect(blindCopy.subarray(-5)).toEqual(original.subarray(-5)); // the image data

      // Outside a blind round, and for the team, the file is exactly what was uploaded.
      const openCopy = (await download(judge.token, byRole(open, mime).href)).body as Buffer;
      expect(openCopy).toEqual(original);
      const assetId = byRole(open, mime).href.split('/').pop();
      const teamCopy = (
        await download(leader.token, `/api/v1/submissions/${submissionId}/assets/${assetId}`)
      ).body as Buffer;
      expect(teamCopy).toEqual(original);
    }

    const blindFields = (blind.submission as unknown as { fields: Record<string, unknown> }).fields;
    const openFields = (open.submission as unknown as { fields: Record<string, unknown> }).fields;
    expect(blindFields).not.toHaveProperty('videoUrl');
    expect(openFields.videoUrl).toBe('https://videos.example/film');
  });

  it('names the team, its members and the credits only outside the blind round, in the list and alone', async () => {
    const list = await h.http().get('/api/v1/me/assignments').set(auth(judge.token)).expect(200);
    expect(list.headers['content-type']).toBe('application/json; charset=utf-8');
    type View = {
      id: string;
      roundId: string;
      closesAt: string;
      submission: Record<string, unknown> & { assets: Record<string, string>[] };
      score: Record<string, unknown>;
    };
    const mine = list.body as View[];
    expect(mine.map((a) => a.roundId).sort()).toEqual([blindRound, openRoundId].sort());
    for (const a of mine) {
      const alone = await h.http().get(`/api/v1/assignments/${a.id}`).set(auth(judge.token));
      expect(alone.body).toEqual(a);
    }
    const blind = mine.find((a) => a.roundId === blindRound)!;
    const open = mine.find((a) => a.roundId === openRoundId)!;

    const blindText = JSON.stringify(blind);
    for (const secret of [
      'Quokka Collective',
      'Yoon Seoyeon',
      'Phan Thi Lan',
      'credits',
      'video',
    ]) {
      expect(blindText).not.toContain(secret);
    }
    expect(Object.keys(blind.submission).sort()).toEqual([
      'assets',
      'fields',
      'id',
      'kind',
      'title',
    ]);
    expect(Object.keys(blind.submission.assets[0]).sort()).toEqual([
      'href',
      'id',
      'mime',
      'role',
      'size',
    ]);
    expect(open.submission).toMatchObject({
      id: submissionId,
      title: 'Paper Boats',
      teamName: 'Quokka Collective',
      memberNames: ['Yoon Seoyeon', 'Phan Thi Lan'],
      fields: { credits: 'Directed by Yoon Seoyeon', videoUrl: 'https://videos.example/film' },
    });
    for (const a of [blind, open]) {
      expect(a.submission.assets.map((x) => x.href)).toEqual(
        a.submission.assets.map((x) => `/api/v1/assignments/${a.id}/assets/${x.id}`),
      );
      expect(new Date(a.closesAt).toISOString()).toBe(a.closesAt);
      expect(a).toMatchObject({ status: 'active', access: 'open', roundStatus: 'open' });
      expect(a.score).toEqual({
        state: 'none',
        scores: {},
        comment: null,
        version: 0,
        scoredAt: null,
      });
    }

    // The score's answer is the same view, the same as the list then shows.
    const scored = await h
      .http()
      .put(`/api/v1/assignments/${blind.id}/score`)
      .set(auth(judge.token))
      .send({ scores: { story: 5, craft: 6 }, comment: 'Calm', final: false })
      .expect(200);
    expect(JSON.stringify(scored.body)).not.toContain('Quokka Collective');
    expect(scored.body.score).toMatchObject({ state: 'draft', version: 1, comment: 'Calm' });
    expect(new Date(scored.body.score.scoredAt).toISOString()).toBe(scored.body.score.scoredAt);
    const after = (await myAssignments(h, judge)).find((a) => a.id === blind.id);
    expect(after).toEqual(scored.body);
  });
});
