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
      .send({ title: 'Paper Boats', ...completeMovie })
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
});
